"""Query functions over a hand-filled store (no extractor involved)."""
from __future__ import annotations

import datetime as dt

import pytest

from tidings import query
from tidings.errors import StoreError


def test_queries_events_all_in_date_order(filled_db):
    rows = query.events(filled_db).to_pylist()
    assert len(rows) == 3
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)


def test_queries_events_filters(filled_db):
    assert query.events(filled_db, actor="united").num_rows == 3
    assert query.events(filled_db, actor="USAGOV").num_rows == 3
    assert query.events(filled_db, actor="nobody").num_rows == 0
    assert query.events(filled_db, country="usa").num_rows == 3
    assert query.events(filled_db, country="FRA").num_rows == 0
    assert query.events(filled_db, root="5").num_rows == 3
    assert query.events(filled_db, root="19").num_rows == 0
    assert query.events(filled_db, since=dt.date(2025, 5, 2)).num_rows == 1
    assert query.events(filled_db, until=dt.date(2025, 4, 30)).num_rows == 1
    assert query.events(filled_db, limit=2).num_rows == 2


def test_queries_quotes_filters(filled_db):
    assert query.quotes(filled_db).num_rows == 3
    assert query.quotes(filled_db, speaker="singh").num_rows == 3
    assert query.quotes(filled_db, country="IND", since=dt.date(2025, 6, 1)).num_rows == 2


def test_queries_timeline_interleaves_events_and_quotes(filled_db):
    rows = query.timeline(filled_db).to_pylist()
    assert {r["kind"] for r in rows} == {"event", "quote"}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    event = next(r for r in rows if r["kind"] == "event")
    assert event["who"] == "India → United States" and event["code"] == "051"
    assert event["what"]  # the CAMEO name from data/cameo.tsv
    assert query.timeline(filled_db, country="USA").num_rows == 3


def test_queries_summary_counts(filled_db):
    rows = query.summary(filled_db).to_pylist()
    counts = {(r["section"], r["key"]): r["count"] for r in rows}
    assert counts[("rows", "articles")] == 3 and counts[("rows", "events")] == 3
    assert counts[("events per root", "05")] == 3
    assert any(r["section"] == "top actors" for r in rows)
    assert rows[0]["section"] == "rows"


def test_queries_rejects_empty(filled_db):
    assert query.rejects(filled_db).num_rows == 0


def test_queries_missing_database_raises(tmp_path):
    with pytest.raises(StoreError):
        query.events(str(tmp_path / "none.duckdb"))


def test_queries_actors_counts_slots(filled_db):
    rows = {r["name"]: r for r in query.actors(filled_db).to_pylist()}
    # three events (India → United States) and three quotes by Rajnath Singh
    assert rows["India"]["as_source"] == 3 and rows["India"]["articles"] == 2
    assert rows["United States"]["as_target"] == 3 and rows["United States"]["written_as"] == "the United States"
    assert rows["Rajnath Singh"]["as_speaker"] >= 2 and rows["Rajnath Singh"]["code"] == "INDGOV"
    assert query.actors(filled_db, country="usa").column("name").to_pylist() == ["United States"]
    assert query.actors(filled_db, name="singh").num_rows == 1
    assert query.actors(filled_db, limit=1).num_rows == 1
