"""Malformed XML, an HTML page served as a feed and a 50 MB page are rejected with a clear
reason, and the good feed after them is still read."""
from __future__ import annotations

from sources_helpers import STORIES, page, rss
from tidings import pipeline
from tidings.ingest.feed import parse_feed
from tidings.ingest.registry import ReadOptions
from tidings.models import Reject
from tidings.sources.feeds import FEED_MAX_BYTES, read_url


def test_bad_feeds_are_rejected_and_never_stop_the_rest(server, client, tmp_path):
    s = STORIES[0]
    server.routes["/broken.xml"] = (200, "application/rss+xml",
                                    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</titl></item>')
    server.routes["/home"] = (200, "text/html", page("Home", "Welcome to our site.", "Harbour Post", s["date"]))
    server.routes["/story/ok"] = (200, "text/html", page(s["title"], s["text"], "Harbour Post", s["date"]))
    server.routes["/big.xml"] = (200, "application/rss+xml",
                                 rss([{"title": "Huge", "link": server.url("/huge"), "date": s["date"]}]))
    server.routes["/good.xml"] = (200, "application/rss+xml",
                                  rss([{"title": s["title"], "link": server.url("/story/ok"), "date": s["date"]}]))
    feeds = [server.url(p) for p in ("/broken.xml", "/home", "/big.xml", "/good.xml")]
    (stats,) = pipeline.watch(feeds, str(tmp_path / "bad.duckdb"), 60, client, polls=1)
    assert (stats.articles_new, stats.rejects) == (1, 3)
    broken, html_page, huge = stats.reject_messages
    assert "malformed feed XML at line 1" in broken and "no item read" in broken
    assert "HTML page, not an RSS or Atom feed" in html_page
    assert "50,000,000 bytes" in huge and "not downloaded" in huge


def test_bad_feeds_parse_feed_names_the_problem():
    items, problem = parse_feed(b"<html><body>hi</body></html>", "x")
    assert items is None and "HTML page" in problem.message
    items, problem = parse_feed(b"just some words", "x")
    assert items is None and problem is not None


def test_bad_feeds_a_large_feed_is_read_while_a_large_page_is_not(server, client):
    """A feed of a few MB (many items) is read whole; a page over one article's limit is not."""
    s = STORIES[0]
    server.routes["/story/ok"] = (200, "text/html", page(s["title"], s["text"], "Harbour Post", s["date"]))
    items = [{"title": f"Item {n} " + "background " * 1500, "link": server.url("/story/ok"), "date": s["date"]}
             for n in range(60)]
    big = rss(items)
    assert client.settings.max_bytes < len(big) < FEED_MAX_BYTES
    server.routes["/large.xml"] = (200, "application/rss+xml", big)
    server.routes["/long-page"] = (200, "text/html", page("Long", "word " * (client.settings.max_bytes // 4),
                                                         "Harbour Post", s["date"]))
    got = list(read_url(server.url("/large.xml"), client, ReadOptions()))
    assert len(got) == 60 and all(type(r).__name__ == "Article" for r in got), got[:1]
    (long_page,) = read_url(server.url("/long-page"), client, ReadOptions())
    assert isinstance(long_page, Reject) and "limit of one article" in long_page.message
