"""A hostile new user's option values, found by the audit of issues 10, 12 and 14: each is one
line on stderr (or a usage error), never "This is a bug in tidings" and never uvicorn's log."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tidings.cli.main import app
from tidings.cli.sources_cmd import parse_every


def test_cli_hostile_watch_every_beyond_a_year_is_a_usage_error(runner, tmp_path):
    # a huge interval used to reach time.sleep and end in "unexpected OverflowError"
    result = runner.invoke(app, ["watch", str(tmp_path / "feed.rss"), "--every", "99999999999999999d",
                                 "--polls", "2", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and "--every" in result.stderr
    assert "bug" not in result.stderr
    assert parse_every("366d") == 366 * 86400
    with pytest.raises(Exception, match="longer than a year"):
        parse_every("367d")


def test_cli_hostile_serve_on_a_port_in_use_is_one_line(runner, sample_db):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", sample_db, "--port", str(port)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert "serving" not in result.stderr  # never announced as serving when it is not


def test_cli_hostile_serve_missing_database_says_only_that(runner, tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "No database at" in result.stderr, result.stderr


def test_cli_hostile_db_in_a_missing_folder_names_the_folder_not_the_file(runner, tmp_path, fixtures):
    db = tmp_path / "no" / "such" / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", str(db)])
    assert result.exit_code == 1
    line = result.stderr.strip().splitlines()[-1]
    assert f"Cannot create the database {db}" in line and "folder exists" in line
    assert "move the file aside" not in line and "Is it a DuckDB file" not in line


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["timeline"], ["report", "-o", "r.html"]])
def test_cli_hostile_reversed_date_range_is_a_usage_error(runner, sample_db, tmp_path, command):
    # the API answers 422 to since > until; the CLI used to print nothing and exit 0
    if "-o" in command:
        command = command[:-1] + [str(tmp_path / "r.html")]
    result = runner.invoke(app, [*command, "--db", sample_db, "--until", "2025-01-01", "--since", "2025-06-01"])
    assert result.exit_code == 2 and "is after --until" in result.stderr
    assert not (tmp_path / "r.html").exists()
    ok = runner.invoke(app, [*command, "--db", sample_db, "--since", "2025-05-01", "--until", "2025-05-01"])
    assert ok.exit_code == 0, ok.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("command", [["export", "-f", "gdelt"], ["events", "-f", "parquet"], ["events", "-f", "csv"]])
def test_cli_hostile_full_disk_is_one_line_not_a_bug_report(runner, sample_db, command):
    # a full disk used to end in "unexpected OSError ... This is a bug in tidings"
    result = runner.invoke(app, [*command, "--db", sample_db, "-o", "/dev/full"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "No space left on device" in result.stderr and "bug" not in result.stderr


def test_cli_hostile_server_url_without_a_scheme_reads_as_one_sentence(runner, fixtures):
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--server", "notaurl", "--token", "t"])
    assert result.exit_code == 1
    line = result.stderr.strip().splitlines()[-1]
    assert "Cannot reach the tidings server at notaurl" in line and "http://" in line
    assert "protocol. Is" in line  # the cause used to end in its own full stop before ours: "protocol.. Is"


@pytest.mark.parametrize("value", ["0", "-3", "99999999999999999999"])
def test_cli_hostile_batch_size_from_environment_is_checked_like_the_flag(runner, tmp_path, fixtures, value):
    # 0 used to read nothing and exit 0 ("0 articles read"), losing every record; a negative or
    # huge value ended in "unexpected ValueError ... a bug in tidings"
    db = tmp_path / "b.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", str(db)],
                           env={"TIDINGS_PIPELINE__BATCH_SIZE": value})
    assert result.exit_code == 1
    assert "batch_size" in result.stderr and "bug" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_cli_hostile_a_device_or_pipe_is_not_called_missing(runner):
    # /dev/zero exists: it used to be reported as "no such file or directory"
    result = runner.invoke(app, ["extract", "/dev/zero"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "not a regular file" in result.stderr and "no such file" not in result.stderr
    assert "no such file" in runner.invoke(app, ["extract", "/no/such/input.jsonl"]).stderr


def test_cli_hostile_serve_applies_the_configured_text_cap_to_posted_articles(runner, sample_db, monkeypatch):
    # `[ingest] max_text_chars` / TIDINGS_INGEST__MAX_TEXT_CHARS used to be ignored by serve --token
    import tidings.api.server as server
    from tidings.errors import TidingsError

    seen = {}

    def create_app(db_path, **kwargs):
        seen.update(kwargs)
        raise TidingsError("stop here")

    monkeypatch.setattr(server, "create_app", create_app)
    result = runner.invoke(app, ["serve", "--db", sample_db, "--port", "0"],
                           env={"TIDINGS_INGEST__MAX_TEXT_CHARS": "5000"})
    assert result.exit_code == 1 and "stop here" in result.stderr
    assert seen["max_text_chars"] == 5000
