"""A feed served from 127.0.0.1: 20 fetchable items of which 3 are near-duplicates of others
(wire copy republished by other outlets), plus 2 broken items (404, timeout). Expect 20
articles in 17 stories, the broken items as rejects with their reason, events of the
duplicated stories merged with their counts, and a second poll that fetches and ingests
nothing new."""
from __future__ import annotations

import duckdb
import pytest

from sources_helpers import DUPLICATED, feed_items, serve_stories
from tidings import pipeline, query


@pytest.fixture
def polled(server, client, tmp_path):
    serve_stories(server)
    server.routes["/feed.xml"] = (200, "application/rss+xml", feed_items(server))
    db = str(tmp_path / "feed.duckdb")
    polls = pipeline.watch([server.url("/feed.xml")], db, 900, client, polls=2)
    return server, db, polls


def test_feeds_first_poll_stores_17_stories_and_rejects_the_broken(polled):
    server, db, (first, _) = polled
    assert (first.articles_new, first.rejects) == (20, 2)
    messages = sorted(first.reject_messages)
    assert "HTTP 404 Not Found" in messages[0] and "/missing" in messages[0] and ":21:" in messages[0]
    assert "timed out after 0.3 s (tried 2 times)" in messages[1] and ":22:" in messages[1]
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(DISTINCT story_id) FROM stories").fetchone()[0] == 17
    linked = con.execute("SELECT a.url, s.similarity FROM stories s JOIN articles a USING (article_id) "
                         "WHERE s.linked_to IS NOT NULL ORDER BY a.url").fetchall()
    assert [u.rsplit("/", 1)[1] for u, _ in linked] == sorted(DUPLICATED)
    assert all(0.5 <= sim <= 1 for _, sim in linked)
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM articles WHERE author = 'Desk Writer'").fetchone()[0] == 20
    con.close()


def test_feeds_duplicates_merge_events_with_counts(polled):
    _, db, _ = polled
    merged = query.events(db).to_pylist()
    mentions = query.events(db, all_mentions=True).to_pylist()
    assert sum(e["num_mentions"] for e in merged) == len(mentions)
    assert len({e["event_key"] for e in merged}) == len(merged)
    dup_events = [e for e in merged if e["num_stories"] == 1 and e["num_articles"] == 2]
    # every duplicated story has events reported by both of its articles, from two outlets
    assert {tuple(sorted(e["outlets"])) for e in dup_events} >= {("Atlas Wire", "Harbour Post"),
                                                                  ("Harbour Post", "Meridian Press"),
                                                                  ("Harbour Post", "Lantern News")}
    for e in dup_events:
        assert e["num_sources"] == 2 and e["num_mentions"] >= 2 and len(e["article_ids"]) == 2
        assert e["first_seen_date"] <= e["last_seen_date"]


def test_feeds_second_poll_fetches_and_ingests_nothing_new(polled):
    server, _, (_, second) = polled
    assert second.articles_new == 0 and second.articles_read == 0
    assert all(n == 1 for path, n in server.hits.items() if path.startswith("/story/"))
    assert server.hits["/feed.xml"] == 2
