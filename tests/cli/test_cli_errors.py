"""No traceback reaches a user: out-of-range options, unwritable outputs, a file that is not a
database, a database another process holds, and the article size cap from flag and config."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from cli_helpers import one_line

from tidings.cli.main import app
from tidings.config import load_settings

TIDINGS = Path(sys.executable).parent / "tidings"


def test_cli_errors_limit_out_of_range_is_a_usage_error(runner, filled_db):
    result = runner.invoke(app, ["events", "--db", filled_db, "--limit", "99999999999999999999999"])
    assert result.exit_code == 2 and "--limit" in result.stderr
    assert runner.invoke(app, ["rejects", "--db", filled_db, "--limit", "-1"]).exit_code == 2


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "table"])
def test_cli_errors_unwritable_output_isone_line(runner, filled_db, tmp_path, fmt):
    target = tmp_path / "no" / "such" / f"x.{fmt}"
    result = runner.invoke(app, ["events", "--db", filled_db, "-f", fmt, "-o", str(target)])
    assert result.exit_code == 1
    assert str(target) in one_line(result) and "folder exists" in result.stderr


def test_cli_errors_not_a_database_has_no_lock_hint(runner, tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database\n")
    result = runner.invoke(app, ["events", "--db", str(bogus)])
    assert result.exit_code == 1
    line = one_line(result)
    assert "not a valid DuckDB" in line and "lock" not in line.lower() and "another" not in line


def test_cli_errors_database_held_by_another_process_names_the_holder(runner, tmp_path, fixtures):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        proc = subprocess.run([str(TIDINGS), "ingest", str(fixtures / "articles.jsonl"), "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.count("\n") == 1
        assert "held by another process" in proc.stderr and f"PID {holder.pid}" in proc.stderr
    finally:
        holder.communicate("\n", timeout=30)


def test_cli_errors_max_chars_rejects_long_texts_unparsed(runner, tmp_path, nlp):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "short", "date": "2025-05-01", "text": "Egypt hosted talks on Monday."}\n'
                   '{"id": "long", "date": "2025-05-01", "text": "' + "word " * 100 + '"}\n')
    result = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "d.duckdb"), "--max-chars", "200"])
    assert result.exit_code == 3
    assert "in.jsonl:2: field 'text': is 500 characters, over the cap of 200" in result.stderr
    assert "1 new" in result.stderr
    assert runner.invoke(app, ["ingest", str(src), "--max-chars", "0"]).exit_code == 2


def test_cli_errors_max_chars_from_config_and_environment(tmp_path):
    toml = tmp_path / "tidings.toml"
    toml.write_text("[ingest]\nmax_text_chars = 5000\n")
    assert load_settings(config_file=toml, environ={}).max_text_chars == 5000
    env = {"TIDINGS_INGEST__MAX_TEXT_CHARS": "777"}
    assert load_settings(config_file=toml, environ=env).max_text_chars == 777
    assert load_settings({"max_text_chars": 9}, config_file=toml, environ=env).max_text_chars == 9
    assert load_settings(config_file=tmp_path / "none.toml", environ={}).max_text_chars == 100_000


def test_cli_errors_second_ingest_and_a_query_while_ingest_holds_the_database(tmp_path, fixtures):
    """A running `tidings ingest` (reading stdin, so it holds the file as long as the test
    wants) makes a second ingest and a query each print one line naming its PID, exit 1, and
    change nothing; the first ingest then finishes and keeps every article it was given."""
    db = tmp_path / "busy.duckdb"
    first = subprocess.Popen([str(TIDINGS), "ingest", "-", "--db", str(db), "--processes", "1"],
                             stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # DuckDB creates the file and takes its lock in one step, so once it exists it is held
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        for cmd in (["ingest", str(fixtures / "articles.jsonl"), "--db", str(db)],
                    ["events", "--db", str(db)], ["summary", "--db", str(db)]):
            proc = subprocess.run([str(TIDINGS), *cmd], capture_output=True, text=True, timeout=120)
            assert proc.returncode == 1 and "Traceback" not in proc.stderr, (cmd, proc.stderr)
            assert proc.stderr.count("\n") == 1, proc.stderr
            assert "held by another process" in proc.stderr and f"PID {first.pid}" in proc.stderr
        _, err = first.communicate((fixtures / "articles.jsonl").read_text(encoding="utf-8"), timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0 and "5 new" in err, err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (5, 5)
    con.close()
