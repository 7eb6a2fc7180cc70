"""Forward articles to a running `tidings serve --token` (for `tidings ingest --server`).

The server holds the database for writing, so another process cannot open it; instead
the client reads and checks its inputs locally, posts the articles in chunks and waits
for the server's worker to ingest them.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpx

from tidings.errors import ApiError, Errors
from tidings.models import Article
from tidings.pipeline import chunks

CHUNK = 64


@dataclass
class ForwardStats:
    articles_sent: int = 0
    articles_new: int = 0
    articles_skipped: int = 0
    events: int = 0
    quotes: int = 0
    server_rejects: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.articles_sent} articles sent, {self.articles_new} new, {self.articles_skipped} "
                f"already stored, {self.events} events, {self.quotes} quotes, "
                f"{len(self.server_rejects)} rejected by the server")


def _answer(response: httpx.Response, url: str) -> dict:
    try:
        body = response.json()
    except ValueError:
        body = {"error": response.text[:200]}
    if response.status_code >= 400 or not body.get("ok", False):
        raise ApiError(Errors.E702.format(url=url, status=response.status_code, problem=body.get("error")),
                       status=response.status_code)
    return body


def forward(url: str, token: str, articles: Iterable[Article], chunk: int = CHUNK,
            poll: float = 0.5, sleep: Callable[[float], None] = time.sleep,
            client: httpx.Client | None = None) -> ForwardStats:
    """POST `articles` to the server at `url` and wait until its worker has stored them."""
    base = url.rstrip("/")
    stats, jobs = ForwardStats(), []
    http = client or httpx.Client(timeout=60.0)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"}
    try:
        for batch in chunks(articles, chunk):
            body = "\n".join(json.dumps(a.model_dump(mode="json", exclude={"origin"}), ensure_ascii=False)
                             for a in batch).encode()
            answer = _answer(http.post(f"{base}/api/articles", content=body, headers=headers), base)
            stats.articles_sent += len(batch)
            stats.server_rejects.extend(answer.get("rejects", []))
            if answer.get("job"):
                jobs.append(answer["job"])
        for job in jobs:
            while True:
                state = _answer(http.get(f"{base}/api/jobs/{job}", headers=headers), base)
                if state["state"] in ("done", "failed"):
                    break
                sleep(poll)
            if state["state"] == "failed":
                raise ApiError(Errors.E702.format(url=base, status=500, problem=state.get("error")), status=500)
            for key in ("articles_new", "articles_skipped", "events", "quotes"):
                setattr(stats, key, getattr(stats, key) + state["stats"].get(key, 0))
    except httpx.HTTPError as exc:
        problem = (str(exc) or type(exc).__name__).rstrip(".")
        raise ApiError(Errors.E701.format(url=base, problem=problem), status=503) from exc
    finally:
        if client is None:
            http.close()
    return stats
