"""One JSON error shape for every failure: `{"ok": false, "error", "code", "status"}`.

Validation errors, unknown paths, wrong methods, library errors and bugs all leave through
here; a bug is logged with its traceback on the server and answered without one.
"""
from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.errors import ApiError, Errors, StoreError, TidingsError

log = logging.getLogger(__name__)

_HTTP_CODES = {401: "E604", 403: "E605", 404: "E602", 405: "E603", 413: "E606"}


def error_body(message: str, code: str, status: int) -> dict:
    return {"ok": False, "error": message, "code": code, "status": status}


def error_response(message: str, code: str, status: int, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, code, status), status_code=status, headers=headers)


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path")]
    kind = loc[0] if loc and loc[0] in ("query", "path", "body") else "request"
    return f"{kind} parameter {'.'.join(parts)!r}" if parts else kind


def _problem(item: dict) -> str:
    if item.get("type") == "extra_forbidden":
        return f"unknown {_where(item.get('loc', ()))}"
    given = item.get("input")
    shown = "" if isinstance(given, (dict, list)) or given is None else f" (got {str(given)[:60]!r})"
    msg = str(item.get("msg", "invalid value")).removeprefix("Value error, ")
    return f"{_where(item.get('loc', ()))}: {msg}{shown}"


def validation_message(errors: list[dict]) -> str:
    problems = [_problem(e) for e in errors[:3]]
    more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
    return Errors.E601.format(problem="; ".join(problems) + more)


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(validation_message(list(exc.errors())), "E601", 422)


async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    status = exc.status_code
    if status == 404:
        message = Errors.E602.format(what=exc.detail if exc.detail != "Not Found" else request.url.path)
    elif status == 405:
        message = Errors.E603.format(method=request.method, path=request.url.path)
    else:
        message = str(exc.detail)
    return error_response(message, _HTTP_CODES.get(status, f"E6{status % 100:02d}"), status,
                          getattr(exc, "headers", None))


async def _on_tidings(request: Request, exc: TidingsError) -> JSONResponse:
    if isinstance(exc, ApiError):
        return error_response(str(exc), exc.code, exc.status)
    status = 503 if isinstance(exc, StoreError) else 400
    return error_response(Errors.E607.format(problem=str(exc).rstrip(".")), exc.code, status)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(TidingsError, _on_tidings)
    app.add_middleware(CatchAll)


class CatchAll:
    """Outermost ASGI wrapper: any exception left becomes the JSON shape with status 500
    (if no response has started), never a traceback page."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # the last line of defence; logged with its traceback
            log.exception("unexpected error answering %s", scope.get("path"))
            if started:
                return
            body = json.dumps(error_body(Errors.E699.format(kind=type(exc).__name__, path=scope.get("path")),
                                         "E699", 500)).encode()
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
