"""`rows_by_ids`: rows by primary key in index-sized chunks, whatever the number of ids."""
from __future__ import annotations

import duckdb

from tidings.store import lookup
from tidings.store.lookup import rows_by_ids


def _table(n: int):
    con = duckdb.connect()
    con.execute("CREATE TABLE t (article_id VARCHAR PRIMARY KEY, n INTEGER)")
    con.execute(f"INSERT INTO t SELECT 'a' || i::VARCHAR, i FROM range({n}) r(i)")
    return con


def test_lookup_rows_across_chunks_once_each(monkeypatch) -> None:
    monkeypatch.setattr(lookup, "CHUNK", 7)
    con = _table(100)
    ids = [f"a{i}" for i in range(0, 100, 3)] + ["a3", "a3", "missing", "a99"]  # repeats and a miss
    rows = rows_by_ids(con, "SELECT article_id, n FROM t WHERE article_id IN ?", iter(ids))
    assert sorted(rows) == sorted({(f"a{i}", i) for i in range(0, 100, 3)} | {("a99", 99)})


def test_lookup_no_ids_no_query() -> None:
    class Refuses:
        def execute(self, *args):
            raise AssertionError("no query for no ids")

    assert rows_by_ids(Refuses(), "SELECT 1 WHERE x IN ?", []) == []


def test_lookup_chunk_within_duckdb_index_scan_limit() -> None:
    """Past `index_scan_max_count` keys DuckDB scans the table instead of probing its index."""
    limit = duckdb.connect().execute(
        "SELECT value FROM duckdb_settings() WHERE name = 'index_scan_max_count'").fetchone()[0]
    assert lookup.CHUNK <= int(limit)


def test_lookup_table_across_chunks_once_each(monkeypatch) -> None:
    from tidings.store.lookup import table_by_ids

    monkeypatch.setattr(lookup, "CHUNK", 7)
    con = _table(100)
    ids = [f"a{i}" for i in range(0, 100, 3)] + ["a3", "missing", "a99"]
    table = table_by_ids(con, "SELECT article_id, n FROM t WHERE article_id IN ?", iter(ids))
    assert sorted(zip(table.column(0).to_pylist(), table.column(1).to_pylist())) == sorted(
        {(f"a{i}", i) for i in range(0, 100, 3)} | {("a99", 99)})
    assert table_by_ids(con, "SELECT article_id, n FROM t WHERE article_id IN ?", []) is None
