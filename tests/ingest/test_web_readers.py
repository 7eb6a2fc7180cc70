"""The HTML page, feed file and WARC readers, offline, on fixtures written by the tests."""
from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "sources"))
from sources_helpers import STORIES, page, rss  # noqa: E402

from tidings.ingest import read_inputs  # noqa: E402
from tidings.models import Article, Reject  # noqa: E402


def test_web_readers_html_page_gives_text_title_date_byline(tmp_path):
    s = STORIES[1]
    path = tmp_path / "kenya.html"
    path.write_bytes(page(s["title"], s["text"], "Harbour Post", s["date"]))
    (rec,) = list(read_inputs([str(path)]))
    assert isinstance(rec, Article)
    assert rec.title == s["title"] and rec.date.isoformat() == s["date"]
    assert rec.author == "Desk Writer" and rec.source == "Harbour Post"
    assert rec.text.startswith("Kenya appealed on Friday") and "Home | World" not in rec.text


def test_web_readers_50mb_page_is_rejected_unparsed(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.write(b"<!DOCTYPE html><html><body>")
        f.truncate(50_000_000)  # sparse: cheap to make
    (rec,) = list(read_inputs([str(path)]))
    assert isinstance(rec, Reject) and "50,000,000 bytes" in rec.message and "not parsed" in rec.message


def test_web_readers_feed_file_offline_uses_item_text(tmp_path):
    feed = rss([{"title": "x", "link": "http://127.0.0.1/x", "date": "2025-05-02"}]).replace(
        b"</title><link>", b"</title><description>Portugal and Spain met in Lisbon.</description><link>")
    path = tmp_path / "news.rss"
    path.write_bytes(feed)
    (rec,) = list(read_inputs([str(path)]))
    assert isinstance(rec, Article) and rec.text == "Portugal and Spain met in Lisbon."
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><item>')
    (rej,) = list(read_inputs([str(bad)]))
    assert isinstance(rej, Reject) and "malformed feed XML" in rej.message


def test_web_readers_warc_response_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for s in STORIES[:2]:
            body = page(s["title"], s["text"], "Harbour Post", s["date"])
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"http://127.0.0.1/{s['slug']}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    recs = list(read_inputs([str(path)]))
    assert [type(r) for r in recs] == [Article, Article]
    assert recs[0].url == "http://127.0.0.1/lisbon-fishing" and recs[1].date.isoformat() == STORIES[1]["date"]
