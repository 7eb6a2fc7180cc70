"""Parquet partitions load into the same rows `write_batch` writes, once, in one transaction."""
from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from tidings.errors import StoreError
from tidings.models import Reject
from tidings.store import Store
from tidings.store.parquet import SEQ, load_partitions, write_partition
from tidings.store.tables import reject_table, result_tables

WHEN = {"ingested_at", "linked_at", "rejected_at"}


def _results(make_result):
    return [make_result("a1", dt.date(2025, 5, 1), events=2, quotes=1),
            make_result("a2", dt.date(2025, 5, 3), events=1, quotes=2),
            make_result("a1-copy", dt.date(2025, 5, 4), events=1, quotes=0)]


def _partition(folder, number, results, first_seq, rejects=()):
    tables = result_tables(results)
    tables["articles"] = tables["articles"].append_column(
        SEQ, pa.array(range(first_seq, first_seq + len(results)), pa.int64()))
    tables["rejects"] = reject_table(rejects)
    write_partition(folder, number, tables)


def _dump(store: Store) -> dict[str, list]:
    out = {}
    for table in ("articles", "events", "actors", "quotes", "timexes", "entities", "stories", "rejects"):
        columns = [c for c in store.con.table(table).columns if c not in WHEN]
        out[table] = sorted(store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    return out


def test_parquet_load_equals_write_batch(tmp_path, result_factory):
    results = _results(result_factory)
    rejects = [Reject(origin="x.jsonl", line=2, field="date", message="no date", raw="{}")]
    _partition(tmp_path / "pq", 0, results[:2], 0, rejects)
    _partition(tmp_path / "pq", 1, results[2:], 2)
    with Store(tmp_path / "direct.duckdb") as direct:
        direct.write_batch(results, rejects)
        expected = _dump(direct)
    with Store(tmp_path / "loaded.duckdb") as loaded:
        stats = loaded.load_parquet(tmp_path / "pq")
        assert (stats.articles, stats.events, stats.quotes, stats.rejects) == (3, 4, 3, 1)
        assert _dump(loaded) == expected
        # a1-copy has the same text as a1: linked to a1's story, as the local engine links it
        story = loaded.con.execute("SELECT story_id FROM stories WHERE article_id = 'a1-copy'").fetchall()
        assert story == [("a1",)]


def test_parquet_load_twice_changes_nothing(tmp_path, result_factory):
    _partition(tmp_path / "pq", 0, _results(result_factory), 0)
    with Store(tmp_path / "db.duckdb") as store:
        store.load_parquet(tmp_path / "pq")
        before = _dump(store)
        again = store.load_parquet(tmp_path / "pq")
        assert (again.articles, again.events, again.rejects) == (0, 0, 0)
        assert _dump(store) == before


def test_parquet_load_skips_articles_stored_by_the_local_engine(tmp_path, result_factory):
    results = _results(result_factory)
    _partition(tmp_path / "pq", 0, results, 0)
    with Store(tmp_path / "db.duckdb") as store:
        store.write_batch(results[:1])
        stats = store.load_parquet(tmp_path / "pq")
        assert stats.articles == 2
        assert store.con.execute("SELECT count(*) FROM events WHERE article_id = 'a1'").fetchall() == [(2,)]


def test_parquet_folder_without_partitions_is_one_clear_error(tmp_path):
    (tmp_path / "pq" / "events").mkdir(parents=True)
    with Store(tmp_path / "db.duckdb") as store, pytest.raises(StoreError, match="no tidings Parquet partitions"):
        store.load_parquet(tmp_path / "pq")


def test_parquet_failed_load_keeps_nothing(tmp_path, result_factory):
    _partition(tmp_path / "pq", 0, _results(result_factory), 0)
    bad = tmp_path / "pq" / "events" / "part-00009.parquet"
    bad.write_bytes(b"not parquet")
    with Store(tmp_path / "db.duckdb") as store:
        with pytest.raises(StoreError, match="Nothing was loaded"):
            store.load_parquet(tmp_path / "pq")
        assert store.con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]


def test_parquet_partitions_answer_duckdb_directly(tmp_path, result_factory):
    _partition(tmp_path / "pq", 0, _results(result_factory), 0)
    rows = duckdb.sql(f"SELECT root, count(*) FROM read_parquet('{tmp_path}/pq/events/*.parquet') "
                      f"GROUP BY root").fetchall()
    assert rows == [("05", 4)]
