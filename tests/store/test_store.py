"""Store: migrations, Arrow batch writes, rollback of one failed batch, rejects."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from tidings.errors import StoreError
from tidings.models import Reject
from tidings.store import TABLES, Store


def _count(path: str, table: str) -> int:
    con = duckdb.connect(path, read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


def test_store_migrations_create_every_table_once(db_path):
    Store(db_path).close()
    Store(db_path).close()  # reopening applies nothing twice
    con = duckdb.connect(db_path, read_only=True)
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    versions = con.execute("SELECT version FROM schema_version").fetchall()
    con.close()
    assert set(TABLES) | {"schema_version"} <= names
    assert versions == [(1,), (2,), (3,)]


def test_store_migration_2_upgrades_a_version_1_database(db_path):
    """A database written before quotes were linked to events gains the new columns, keeps its rows."""
    from tidings.store.migrate import available

    con = duckdb.connect(db_path)
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
    con.execute(available()[0][1])
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.execute("INSERT INTO quotes (article_id, quote_index, text) VALUES ('old', 0, 'an old quote')")
    con.close()
    Store(db_path).close()
    con = duckdb.connect(db_path, read_only=True)
    cols = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'quotes'").fetchall()}
    assert {"quote_id", "said_at", "event_ids"} <= cols
    assert con.execute("SELECT text FROM quotes").fetchall() == [("an old quote",)]
    con.close()


def test_store_write_batch_flattens_actors_and_children(db_path, result_factory):
    with Store(db_path) as store:
        store.write_batch([result_factory("a1", events=2, quotes=1)])
        ev = store.sql("SELECT * FROM events ORDER BY event_id").to_pylist()
        actors = store.sql("SELECT * FROM actors ORDER BY slot, event_id").to_pylist()
        quote = store.sql("SELECT * FROM quotes").to_pylist()[0]
    assert len(ev) == 2
    assert ev[0]["source_country"] == "IND" and ev[0]["target_code"] == "USAGOV"
    assert ev[0]["target_roles"] == ["GOV"] and ev[0]["event_date"] == dt.date(2025, 5, 1)
    assert {a["slot"] for a in actors} == {"source", "target", "speaker"}
    assert [a["event_id"] for a in actors if a["slot"] == "speaker"] == [None]
    assert quote["speaker_country"] == "IND" and quote["article_id"] == "a1"
    assert _count(db_path, "timexes") == 1


def test_store_known_ids_reports_stored_articles(db_path, result_factory):
    with Store(db_path) as store:
        store.write_batch([result_factory("a1"), result_factory("a2")])
        assert store.known_ids(["a1", "zz", "a2", "a1"]) == {"a1", "a2"}
        assert store.known_ids([]) == set()


def test_store_failed_batch_rolls_back_only_that_batch(db_path, result_factory):
    with Store(db_path) as store:
        store.write_batch([result_factory("a1")])
        with pytest.raises(StoreError, match="rolled back"):
            # a2 is new but a1 repeats: the whole second batch must vanish, children too
            store.write_batch([result_factory("a2", events=3), result_factory("a1")])
        assert store.known_ids(["a1", "a2"]) == {"a1"}
        assert store.sql("SELECT DISTINCT article_id FROM events").to_pylist() == [{"article_id": "a1"}]
        store.write_batch([result_factory("a2")])  # the connection is still usable
        assert store.known_ids(["a2"]) == {"a2"}


def test_store_rejects_are_kept_and_not_duplicated(db_path):
    rej = Reject(origin="in.jsonl", line=3, field="date", message="missing", raw="{}")
    with Store(db_path) as store:
        store.write_rejects([rej])
        store.write_rejects([rej, Reject(origin="in.jsonl", line=4, message="malformed JSON")])
        rows = store.sql("SELECT origin, line, field, message, rejected_at FROM rejects ORDER BY line").to_pylist()
    assert [(r["line"], r["field"]) for r in rows] == [(3, "date"), (4, None)]
    assert rows[0]["rejected_at"].tzinfo is not None


def test_store_read_only_missing_database_raises(tmp_path):
    with pytest.raises(StoreError, match="No database"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_store_newer_schema_is_refused(db_path):
    Store(db_path).close()
    con = duckdb.connect(db_path)
    con.execute("INSERT INTO schema_version VALUES (999, now())")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_store_threads_sets_duckdb_worker_threads(db_path):
    with Store(db_path, threads=1) as store:
        assert store.con.execute("SELECT current_setting('threads')").fetchone()[0] == 1


def test_store_pipeline_run_writes_without_duckdb_worker_threads(db_path, fixtures, nlp, monkeypatch):
    from tidings import pipeline

    opened = []

    class Recording(Store):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            opened.append(self.con.execute("SELECT current_setting('threads')").fetchone()[0])

    monkeypatch.setattr(pipeline, "Store", Recording)
    pipeline.run([str(fixtures / "articles.jsonl")], db_path)
    assert opened == [pipeline.WRITER_THREADS] == [1]
