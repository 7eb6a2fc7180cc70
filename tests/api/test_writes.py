"""Writes go through the server that holds the database: posted articles are ingested by its
worker thread and show up in the API without a restart, while reads keep being answered."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.api.client import forward
from tidings.errors import ApiError
from tidings.models import Article

TOKEN = "s3cret-token"
NEW = [{"id": "post-1", "date": "2026-11-02", "title": "Posted",
        "text": "Chile and Argentina signed a toothfish agreement in Santiago on Monday."},
       {"id": "post-2", "date": "2026-11-03",
        "text": "Argentine police arrested twelve protesters in Buenos Aires on Tuesday."}]


@pytest.fixture
def writer(sample_db_copy):
    app = create_app(sample_db_copy, token=TOKEN)
    with TestClient(app) as c:
        yield c, app.state.ingester


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def test_writes_need_the_bearer_token(writer):
    c, _ = writer
    for headers in ({}, auth("wrong"), {"Authorization": TOKEN}):
        r = c.post("/api/articles", content=json.dumps(NEW), headers=headers)
        assert r.status_code == 401 and r.json()["code"] == "E604"


def test_writes_posted_articles_appear_without_a_restart(writer):
    c, ingester = writer
    before = c.get("/api/status").json()
    assert before["writes"] is True
    assert c.get("/api/events", params={"q": "toothfish"}).json()["total"] == 0
    body = json.dumps(NEW) + "\n"
    r = c.post("/api/articles", content=body, headers=auth())
    assert r.status_code == 202, r.json()
    job = r.json()["job"]
    assert c.get("/api/events", params={"page_size": 1}).status_code == 200  # reads go on meanwhile
    assert ingester.wait_idle(timeout=120)
    state = c.get(f"/api/jobs/{job}").json()
    assert state["state"] == "done" and state["stats"]["articles_new"] == 2
    after = c.get("/api/status").json()
    assert after["articles"] == before["articles"] + 2 and after["events"] > before["events"]
    found = c.get("/api/events", params={"q": "toothfish"}).json()["items"]
    assert found and found[0]["article_id"] == "post-1"
    assert c.get("/api/articles/post-2").json()["article"]["text"].startswith("Argentine police")
    again = c.post("/api/articles", content=body, headers=auth())  # same ids: skipped, not doubled
    assert ingester.wait_idle(timeout=60)
    assert c.get(f"/api/jobs/{again.json()['job']}").json()["stats"]["articles_skipped"] == 2


def test_writes_rejects_are_reported_like_ingest(writer):
    c, ingester = writer
    lines = [json.dumps(NEW[0]), "{not json", json.dumps({"id": "x", "date": "first of May", "text": "t"}),
             json.dumps({"id": "y", "date": "2026-01-01", "text": ""})]
    r = c.post("/api/articles", content="\n".join(lines), headers=auth())
    body = r.json()
    assert r.status_code == 202 and body["accepted"] == 1 and body["rejected"] == 3
    assert any("POST /api/articles:3: field 'date'" in line for line in body["rejects"])
    assert ingester.wait_idle(timeout=120)
    empty = c.post("/api/articles", content=b"", headers=auth()).json()
    assert empty["accepted"] == 0 and empty["job"] is None


def test_writes_ingest_server_client_forwards_and_waits(writer):
    c, _ = writer
    articles = [Article(**a) for a in NEW]
    stats = forward("http://testserver", TOKEN, articles, chunk=1, sleep=lambda s: None, client=c)
    assert stats.articles_sent == 2 and stats.articles_new == 2 and stats.events > 0
    with pytest.raises(ApiError, match="401"):
        forward("http://testserver", "nope", articles, client=c)
