"""Run the app with uvicorn (`tidings serve`)."""
from __future__ import annotations

import socket
from collections.abc import Callable

import uvicorn

from tidings.api.app import create_app
from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.errors import Errors, ServeError


def listen(host: str, port: int) -> socket.socket:
    """Bind the address before serving, so a bad --host or a port in use is one clear error
    (ServeError) instead of uvicorn's log lines after the server has announced itself."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ServeError(Errors.E608.format(host=host, port=port, problem=exc.strerror or exc),
                         host=host, port=port) from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ServeError(Errors.E608.format(host=host, port=port, problem=exc.strerror or exc),
                         host=host, port=port) from exc
    return sock


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          kb=None, model: str | None = None, day_first: bool = True, log_level: str = "info",
          announce: Callable[[str], None] | None = None, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> None:
    """Open the database, bind the address, then answer until interrupted.

    Raises StoreError if the database cannot be opened and ServeError if the address cannot
    be bound, both before anything is served; `announce` then gets the URL (with the real
    port when `port` is 0).
    """
    app = create_app(db_path, token=token, kb=kb, model=model, day_first=day_first,
                     max_text_chars=max_text_chars)
    sock = listen(host, port)
    if announce:
        bound = sock.getsockname()[1]
        announce(f"http://{f'[{host}]' if ':' in host else host}:{bound}/")
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
