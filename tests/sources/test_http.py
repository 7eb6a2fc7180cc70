"""The polite client: User-Agent, robots.txt, per-host rate limit, retries with backoff, size cap."""
from __future__ import annotations

import pytest

from tidings.sources import FetchError, HttpSettings, PoliteClient


def test_http_get_sends_user_agent_and_waits_between_requests(server, client, clock):
    server.routes["/a"] = (200, "text/plain", b"hello")
    assert client.get(server.url("/a")).body == b"hello"
    client.get(server.url("/a"))
    # robots.txt, /a, /a: two waits of min_interval (the fake clock never moved on its own)
    assert clock.sleeps == [0.5, 0.5]


def test_http_robots_txt_is_honoured(server, client):
    server.routes["/private/x"] = (200, "text/html", b"<html></html>")
    with pytest.raises(FetchError, match="robots.txt"):
        client.get(server.url("/private/x"))
    assert server.hits["/private/x"] == 0


def test_http_retries_server_errors_with_backoff(server, clock):
    server.routes["/flaky"] = (503, "text/plain", b"busy")
    with PoliteClient(HttpSettings(retries=2, backoff=1.0, min_interval=0, robots=False),
                      clock=clock, sleep=clock.sleep) as c, pytest.raises(FetchError, match="HTTP 503"):
        c.get(server.url("/flaky"))
    assert server.hits["/flaky"] == 3
    assert [s for s in clock.sleeps if s >= 1] == [1.0, 2.0]


def test_http_404_is_not_retried(server, client):
    with pytest.raises(FetchError, match="HTTP 404"):
        client.get(server.url("/gone"))
    assert server.hits["/gone"] == 1


def test_http_timeout_is_retried_then_reported(server, client):
    with pytest.raises(FetchError, match=r"timed out after 0.3 s \(tried 2 times\)"):
        client.get(server.url("/slow"))


def test_http_huge_response_is_refused_unread(server, client):
    with pytest.raises(FetchError, match="50,000,000 bytes, over the"):
        client.get(server.url("/huge"))
