"""Run the app with uvicorn (`tidings serve`)."""
from __future__ import annotations

import uvicorn

from tidings.api.app import create_app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          kb=None, model: str | None = None, day_first: bool = True, log_level: str = "info") -> None:
    """Open the database and answer until interrupted. Raises StoreError before binding
    if the database cannot be opened."""
    app = create_app(db_path, token=token, kb=kb, model=model, day_first=day_first)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
