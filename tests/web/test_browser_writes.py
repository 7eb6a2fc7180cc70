"""Articles posted to a running `tidings serve --token` server show up in an open dashboard
when it applies its filters again: no restart, the same server and the same page."""
from __future__ import annotations

import json

import httpx
import pytest

from web_helpers import serve

from tidings.api import create_app

pytestmark = pytest.mark.browser
TOKEN = "browser-token"
NEW = [{"id": "live-1", "date": "2026-11-02", "title": "Posted while serving",
        "text": "Chile and Argentina signed a toothfish agreement in Santiago on Monday."}]


@pytest.fixture
def writer_server(sample_db_copy):
    """uvicorn in a thread over a copy of the sample database, writes on (`--token`)."""
    app = create_app(sample_db_copy, token=TOKEN)
    with serve(app) as base:
        yield base, app


def test_browser_writes_posted_articles_appear_in_the_open_dashboard(page, writer_server):
    base, app = writer_server
    page.goto(base + "/?q=toothfish")
    first = page.wait_for_function("document.body.dataset.ready").json_value()
    assert page.locator("#events tbody tr[data-event]").count() == 0
    r = httpx.post(base + "/api/articles", content=json.dumps(NEW),
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 202, r.text
    assert app.state.ingester.wait_idle(timeout=120)
    page.click("#apply")  # the same page, filters applied again: it asks the same server
    page.wait_for_function("prev => document.body.dataset.ready !== prev", arg=first)
    rows = page.locator("#events tbody tr[data-event]")
    assert rows.count() >= 1
    assert "live-1" in page.evaluate(
        "fetch('/api/events?q=toothfish').then(r => r.json()).then(b => b.items.map(e => e.article_id).join())")
    assert "Chile" in page.inner_text("#events") and page.console.errors == []
