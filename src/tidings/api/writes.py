"""Write endpoints, on only when the server was started with `--token`: POST articles as
JSON Lines or a JSON array; they are read and checked at once (rejects come back in the
answer, like `tidings ingest` reports them) and ingested by the worker thread."""
from __future__ import annotations

import hmac
import io
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from tidings.api.routes import NoQuery
from tidings.errors import ApiError, Errors
from tidings.ingest import read_stream
from tidings.models import Article, Reject

router = APIRouter(prefix="/api")
MAX_BODY = 64 * 1024 * 1024


def _check_token(request: Request) -> None:
    expected = request.app.state.token
    if not expected or request.app.state.ingester is None:
        raise ApiError(Errors.E605, status=403, code="E605")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(Errors.E604, status=401, code="E604")


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise ApiError(Errors.E606.format(size=declared, limit=MAX_BODY), status=413, code="E606")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiError(Errors.E606.format(size=f"more than {size}", limit=MAX_BODY), status=413, code="E606")
        chunks.append(chunk)
    return b"".join(chunks)


def _read(data: bytes, max_chars: int) -> tuple[list[Article], list[Reject]]:
    articles, rejects = [], []
    for record in read_stream(io.BytesIO(data), "POST /api/articles", max_text_chars=max_chars):
        (rejects if isinstance(record, Reject) else articles).append(record)
    return articles, rejects


@router.post("/articles", status_code=202, dependencies=[NoQuery],
             summary="Queue articles (JSON Lines or a JSON array) for ingest; needs the bearer token")
async def post_articles(request: Request) -> JSONResponse:
    _check_token(request)
    data = await _body(request)
    articles, rejects = await run_in_threadpool(_read, data, request.app.state.max_text_chars)
    ingester = request.app.state.ingester
    job = ingester.submit(articles, rejected=len(rejects)) if articles else None
    body = {"ok": True, "job": job.id if job else None, "accepted": len(articles),
            "rejected": len(rejects), "rejects": [r.describe() for r in rejects]}
    return JSONResponse(body, status_code=202 if job else 200)


@router.get("/jobs/{job_id}", dependencies=[NoQuery], summary="The state of an ingest job: queued, running, done or failed")
def job(request: Request, job_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict:
    ingester = request.app.state.ingester
    found = ingester.job(job_id) if ingester else None
    if found is None:
        raise ApiError(Errors.E602.format(what=f"no ingest job {job_id}"), status=404, code="E602")
    return found.describe()
