"""The analyst views answer what the plain SQL they replace answers (they are written for
speed on ten million events, see bench/query_scale.py), on the sample corpus: the same rows,
counts and order; Goldstein sums and means rounded to two decimals agree within 0.01."""
from __future__ import annotations

import datetime as dt

import pytest

from tidings.query import EventFilter, buckets, event_page, top_dyad
from tidings.store import Store

FILTERS = [EventFilter(), EventFilter(country="ind"), EventFilter(dyad=("IND", "PAK")),
           EventFilter(root="19"), EventFilter(since=dt.date(2025, 5, 1), until=dt.date(2025, 5, 31)),
           EventFilter(country="ZZZ")]


def _plain_buckets(store, f: EventFilter, interval: str):
    w = f.where()
    return store.sql(
        f"SELECT date_trunc(?, e.event_date)::DATE AS period, count(*) AS events, "
        f"count(*) FILTER (e.quad_class = 1) AS q1, count(*) FILTER (e.quad_class = 2) AS q2, "
        f"count(*) FILTER (e.quad_class = 3) AS q3, count(*) FILTER (e.quad_class = 4) AS q4, "
        f"round(coalesce(sum(e.goldstein), 0), 2) AS goldstein_sum, "
        f"round(coalesce(avg(e.goldstein), 0), 2) AS goldstein_mean "
        f"FROM events e {w.sql()} GROUP BY ALL ORDER BY period", [interval, *w.params])


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("f", FILTERS)
def test_views_buckets_equal_plain_grouping(sample_db, f, interval):
    with Store(sample_db, read_only=True) as store:
        expected = _plain_buckets(store, f, interval)
        got = buckets(store, f, interval)
    assert got.schema == expected.schema
    gold = ("goldstein_sum", "goldstein_mean")
    assert got.drop(list(gold)).to_pylist() == expected.drop(list(gold)).to_pylist()
    # sums added in another order may differ in the last bit, and a value lying exactly on
    # a rounding boundary (-14.8 / 16 = -0.925) may then round to the other side; DuckDB's
    # parallel aggregation varies that order from run to run anyway
    for name in gold:
        pairs = zip(got.column(name).to_pylist(), expected.column(name).to_pylist())
        assert all(abs(a - b) <= 0.0100001 for a, b in pairs), name


@pytest.mark.parametrize("offset,limit", [(0, 5), (3, 7), (0, 500), (10_000, 5)])
@pytest.mark.parametrize("f", FILTERS)
def test_views_event_page_equals_window_count(sample_db, f, offset, limit):
    w = f.where()
    with Store(sample_db, read_only=True) as store:
        every = store.sql(f"SELECT e.event_id FROM events e {w.sql()} "
                          f"ORDER BY e.event_date, e.article_id, e.start_char, e.event_id", w.params)
        page = event_page(store, f, offset, limit)
    ids = every.column("event_id").to_pylist()
    assert page.total == len(ids)
    assert page.rows.column("event_id").to_pylist() == ids[offset:offset + limit]


@pytest.mark.parametrize("f", FILTERS)
def test_views_top_dyad_equals_grouping_by_pair(sample_db, f):
    w = f.where()
    w.add("e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
          "AND e.source_country <> e.target_country")
    with Store(sample_db, read_only=True) as store:
        rows = store.sql(f"SELECT least(e.source_country, e.target_country) AS a, "
                         f"greatest(e.source_country, e.target_country) AS b, count(*) AS n "
                         f"FROM events e {w.sql()} GROUP BY ALL ORDER BY n DESC, a, b LIMIT 1", w.params).to_pylist()
        got = top_dyad(store, f)
    assert got == ((rows[0]["a"], rows[0]["b"]) if rows else None)
