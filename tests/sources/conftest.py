"""A local HTTP server on 127.0.0.1 (never the internet), a fake clock, and the invented
stories of tests/fixtures/sources/stories.json as pages and feeds."""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sources_helpers import HUGE, Clock
from tidings.sources import HttpSettings, PoliteClient


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: Counter[str] = Counter()
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                server.hits[self.path] += 1
                if self.path.startswith("/slow"):
                    server.release.wait(5)  # never answers within the client's timeout
                    return
                if self.path.startswith("/huge"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(HUGE))
                    self.end_headers()
                    try:
                        self.wfile.write(b"<html><body>" + b"x" * 65_536)
                    except OSError:
                        pass
                    return
                status, ctype, body = server.routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = Server()
    srv.routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
    yield srv
    srv.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(clock):
    with PoliteClient(HttpSettings(timeout=0.3, retries=1, backoff=2.0, min_interval=0.5),
                      clock=clock, sleep=clock.sleep) as c:
        yield c
