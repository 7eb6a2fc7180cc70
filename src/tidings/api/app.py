"""The FastAPI application: read endpoints, optional writes, the dashboard at `/`."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from tidings import __version__
from tidings.api import errors, routes, writes
from tidings.api.ingester import Ingester
from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.store import Store
from tidings.web import static_dir


def create_app(db_path: str, token: str | None = None, kb=None, model: str | None = None,
               day_first: bool = True, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> FastAPI:
    """An app over the database at `db_path`, opened once, here, by this process.

    Without `token` the database is opened read-only and no write endpoint answers. With
    it the server holds the only (read-write) connection and ingests posted articles in a
    worker thread (see `tidings.api.ingester`). Raises StoreError if the file cannot be opened.
    """
    store = Store(db_path, read_only=not token)
    ingester = Ingester(store, kb=kb, model=model, day_first=day_first) if token else None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if ingester:
            ingester.start()
        try:
            yield
        finally:
            if ingester:
                ingester.stop()
            store.close()

    app = FastAPI(title="tidings", version=__version__, lifespan=lifespan,
                  description="Coded political events, actors, dates and quotes, each traceable to "
                              "its evidence sentence. Errors: {ok: false, error, code, status}.")
    app.state.store, app.state.ingester, app.state.token = store, ingester, token
    app.state.max_text_chars = max_text_chars
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(writes.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static_dir() / "index.html")

    return app
