"""One JSON error shape on every endpoint, whatever is thrown at it (like datasette's
test_error_shape.py): hostile input is answered 4xx with a clear message, never a 500."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app

SHAPE = {"ok", "error", "code", "status"}
GET_ENDPOINTS = ["/api/events", "/api/quotes", "/api/actors", "/api/timeline", "/api/trend",
                 "/api/network", "/api/map", "/api/top-dyad", "/api/status"]
HOSTILE = [
    {"actor": "'; DROP TABLE events; --"},
    {"country": "IND' OR '1'='1"},
    {"dyad": "IND-PAK; DELETE FROM events"},
    {"q": "%' UNION SELECT * FROM articles --"},
    {"page_size": "1000000000000"},
    {"page": "-1"},
    {"page": "99999999999999999999999999"},
    {"since": "2025-02-30"},
    {"until": "yesterday"},
    {"since": "2025-06-01", "until": "2025-01-01"},
    {"root": "1;9"},
    {"quad_class": "5"},
    {"interval": "fortnight"},
    {"limit": "100000000"},
    {"unknown_field": "1"},
    {"name": "x" * 5000},
]


def assert_shape(response) -> dict:
    body = response.json()
    assert set(body) == SHAPE, body
    assert body["ok"] is False and body["status"] == response.status_code
    assert body["code"].startswith("E") and len(body["error"]) > 10
    assert "Traceback" not in body["error"]
    return body


@pytest.mark.parametrize("path", GET_ENDPOINTS)
@pytest.mark.parametrize("params", HOSTILE, ids=lambda p: "-".join(p)[:40])
def test_error_shape_hostile_query(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert 400 <= r.status_code < 500
        assert_shape(r)
    else:
        assert r.json()["ok"] is True


def test_error_shape_unknown_fields_and_bad_values_are_refused(client):
    for path in GET_ENDPOINTS:
        assert_shape(client.get(path, params={"evil": "1"}))
    body = assert_shape(client.get("/api/events", params={"page_size": 501}))
    assert "page_size" in body["error"] and body["status"] == 422
    body = assert_shape(client.get("/api/events", params={"since": "2025-13-01"}))
    assert "since" in body["error"]


@pytest.mark.parametrize("path", ["/api/events/'; DROP TABLE events; --", "/api/articles/..%2F..%2Fetc",
                                  "/api/events/" + "x" * 300, "/api/jobs/1", "/api/jobs/abc",
                                  "/api/nothing-here", "/static/../../pyproject.toml", "/static/nope.js"])
def test_error_shape_paths(client, path):
    r = client.get(path)
    assert 400 <= r.status_code < 500
    assert_shape(r)


def test_error_shape_wrong_methods_and_writes_off(client):
    for path in GET_ENDPOINTS + ["/api/events/x"]:
        assert assert_shape(client.delete(path))["status"] == 405
    assert assert_shape(client.post("/api/articles", content=b"[]"))["status"] == 403
    assert client.get("/api/status").json()["events"] > 100  # nothing was dropped


def test_error_shape_unexpected_errors_keep_the_shape(sample_db_copy):
    app = create_app(sample_db_copy)

    @app.get("/api/boom")
    def boom() -> dict:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500
    body = assert_shape(r)
    assert "secret internals" not in body["error"] and "RuntimeError" in body["error"]


def test_error_shape_detail_endpoints_refuse_unknown_fields(client):
    event = client.get("/api/events", params={"page_size": 1}).json()["items"][0]
    for path in (f"/api/events/{event['event_id']}", f"/api/articles/{event['article_id']}"):
        assert client.get(path).status_code == 200
        body = assert_shape(client.get(path, params={"evil": "1"}))
        assert body["status"] == 422 and "evil" in body["error"]


def test_error_shape_write_endpoints_with_the_token(sample_db_copy):
    """POST /api/articles and GET /api/jobs/{id} when writes are on: a wrong token, a body over
    the limit (streamed, so no Content-Length to refuse it by), an unknown job."""
    with TestClient(create_app(sample_db_copy, token="t")) as c:
        auth = {"Authorization": "Bearer t"}
        assert assert_shape(c.post("/api/articles", content=b"[]", headers={"Authorization": "Bearer x"}))[
            "status"] == 401
        chunks = (b" " * (1 << 20) for _ in range(65))  # 65 MiB of blanks, over the 64 MiB limit
        body = assert_shape(c.post("/api/articles", content=chunks, headers=auth))
        assert body["status"] == 413 and body["code"] == "E606"
        assert assert_shape(c.get("/api/jobs/999", headers=auth))["status"] == 404
        assert assert_shape(c.get("/api/jobs/999", params={"evil": 1}, headers=auth))["status"] == 422
