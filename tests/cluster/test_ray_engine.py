"""The Ray engine stores exactly what the local engine stores: the sample corpus and a file of
bad records ingested both ways through the CLI, every table compared row for row."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.cli.main import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TABLES = ("articles", "events", "actors", "quotes", "timexes", "entities", "stories", "rejects")
WHEN = {"ingested_at", "linked_at", "rejected_at"}  # when a row was written differs by design


def _rows(db: str, table: str) -> list[tuple]:
    con = duckdb.connect(db, read_only=True)
    try:
        columns = [c for c in con.table(table).columns if c not in WHEN]
        rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    finally:
        con.close()
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def both(local_ray, tmp_path_factory):
    """(local db, ray db, parquet folder, ray run result) over examples/ and bad.jsonl."""
    folder = tmp_path_factory.mktemp("engines")
    inputs = [str(EXAMPLES), str(Path(__file__).resolve().parents[1] / "fixtures" / "bad.jsonl")]
    local, ray_db, parquet = str(folder / "local.duckdb"), str(folder / "ray.duckdb"), folder / "parquet"
    runner = CliRunner()
    done = runner.invoke(app, ["ingest", *inputs, "--db", local, "--no-fetch"])
    assert done.exit_code == 3, done.stderr  # the bad records are rejected, the rest kept
    # small batches, so the corpus is spread over both actors
    result = runner.invoke(app, ["ingest", *inputs, "--db", ray_db, "--no-fetch", "--engine", "ray",
                                 "--parquet-dir", str(parquet), "--batch-size", "8"])
    return local, ray_db, parquet, result


def test_engine_ray_stores_what_the_local_engine_stores(both):
    local, ray_db, _, result = both
    assert result.exit_code == 3, result.stderr
    assert "Traceback" not in result.stderr
    for table in TABLES:
        expected, got = _rows(local, table), _rows(ray_db, table)
        assert expected, f"the corpus should fill {table}"
        assert got == expected, table


def test_engine_ray_reports_rejects_and_counts_like_the_local_engine(both):
    _, ray_db, _, result = both
    rejected = [line for line in result.stderr.splitlines() if line.startswith("tidings: rejected: ")]
    assert any("bad.jsonl:2" in line for line in rejected)
    summary = result.stderr.strip().splitlines()[-1]
    events = len(_rows(ray_db, "events"))
    assert f"{events} events" in summary and f"{len(rejected)} rejected" in summary


def test_engine_ray_partitions_can_be_queried_directly(both):
    local, _, parquet, _ = both
    con = duckdb.connect()
    n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(parquet / "events" / "*.parquet")]).fetchall()
    assert n[0][0] == len(_rows(local, "events"))
    assert sorted(p.name for p in parquet.iterdir()) == sorted(
        ("articles", "events", "actors", "quotes", "timexes", "entities", "rejects"))


def test_engine_ray_rerun_skips_stored_articles_before_parsing(both, tmp_path):
    _, ray_db, _, _ = both
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", ray_db, "--engine", "ray"])
    assert result.exit_code == 0, result.stderr
    assert "0 new" in result.stderr and "0 events" in result.stderr


def test_engine_ray_parquet_only_then_load(local_ray, both, tmp_path):
    local, _, _, _ = both
    parquet, db = tmp_path / "pq", str(tmp_path / "later.duckdb")
    text = EXAMPLES / "txt"
    runner = CliRunner()
    written = runner.invoke(app, ["ingest", str(text), "--engine", "ray", "--parquet-dir", str(parquet), "--no-load"])
    assert written.exit_code == 0, written.stderr
    assert not Path(db).exists()
    loaded = runner.invoke(app, ["load", str(parquet), "--db", db])
    assert loaded.exit_code == 0, loaded.stderr
    ids = {r[0] for r in _rows(db, "articles")}
    assert ids and ids <= {r[0] for r in _rows(local, "articles")}
    again = runner.invoke(app, ["load", str(parquet), "--db", db])
    assert again.exit_code == 0 and "0 articles loaded" in again.stderr


def test_engine_ray_many_partitions_load_the_same_rows(local_ray, both, tmp_path):
    from tidings import cluster

    local = both[0]
    parquet, db = tmp_path / "pq", str(tmp_path / "parts.duckdb")
    stats, loaded = cluster.run([str(EXAMPLES / "articles.jsonl")], parquet, db,
                                cluster.RayOptions(chunk_articles=8), batch_size=8)
    parts = sorted(p.name for p in (parquet / "events").iterdir())
    assert len(parts) >= 4 and parts[0] == "part-00000.parquet"
    assert loaded.articles == stats.articles_new == stats.articles_read
    ids = {r[0] for r in _rows(db, "articles")}
    for table in ("events", "quotes", "timexes"):
        expected = [r for r in _rows(local, table) if r[0] in ids]
        assert _rows(db, table) == expected, table


def test_engine_root_cause_reaches_under_ray_wrappers():
    from tidings.cluster.engine import root_cause

    class Wrapper(Exception):
        def __init__(self, cause):
            super().__init__("the task failed\nretry settings ...")
            self.cause = cause

    try:
        try:
            raise ValueError("bad date in batch\nmore")
        except ValueError as inner:
            raise RuntimeError("UDF failed") from Wrapper(inner)
    except RuntimeError as outer:
        assert root_cause(outer) == "ValueError: bad date in batch"
