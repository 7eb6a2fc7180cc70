"""CLI: every command has help, exit codes 0/1/2/3, output formats, `extract -` from stdin."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tidings.cli.main import app

COMMANDS = ["extract", "ingest", "events", "quotes", "timeline", "summary", "rejects", "actors", "actor"]


def test_cli_lists_every_command(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_every_command_has_help(runner, name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout and len(result.stdout) > 200


def test_cli_usage_error_exits_2(runner, db_path):
    assert runner.invoke(app, ["events", "--db", db_path, "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["ingest", "x.jsonl", "--date", "May 1"]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


def test_cli_tidings_error_exits_1_with_one_line(runner, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "No database" in result.stderr
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1 and "missing.jsonl" in result.stderr


def test_cli_ingest_clean_input_exits_0(runner, fixtures, db_path, nlp):
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", db_path])
    assert result.exit_code == 0, result.output
    assert "5 articles read, 5 new" in result.stderr and result.stdout == ""


def test_cli_ingest_with_rejects_exits_3_and_lists_them(runner, fixtures, db_path, nlp):
    result = runner.invoke(app, ["ingest", str(fixtures / "bad.jsonl"), "--db", db_path])
    assert result.exit_code == 3
    rejected = [line for line in result.stderr.splitlines() if "rejected:" in line]
    assert len(rejected) == 6 and "bad.jsonl:5: field 'date'" in rejected[3]
    out = runner.invoke(app, ["rejects", "--db", db_path, "--format", "jsonl"])
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == 6


def test_cli_db_from_environment(runner, fixtures, db_path, nlp):
    result = runner.invoke(app, ["ingest", str(fixtures / "dated.txt")], env={"TIDINGS_DB": db_path})
    assert result.exit_code == 0 and db_path in result.stderr


def test_cli_extract_from_stdin_writes_contract_json(runner, fixtures, nlp):
    data = (fixtures / "articles.jsonl").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=data)
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["id"] for d in docs][:4] == ["fx-1", "fx-2", "fx-3", "fx-4"]
    assert set(docs[0]) >= {"article", "events", "quotes", "timexes", "entities"}


def test_cli_extract_rejects_exit_3_and_explain(runner, fixtures, nlp):
    result = runner.invoke(app, ["extract", str(fixtures / "bad.jsonl"), "--explain"])
    assert result.exit_code == 3
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2 and all("dropped" in d for d in docs)


def test_cli_events_formats(runner, filled_db, tmp_path):
    jl = runner.invoke(app, ["events", "--db", filled_db, "--actor", "india"])
    assert jl.exit_code == 0 and len(jl.stdout.splitlines()) == 3
    assert json.loads(jl.stdout.splitlines()[0])["source_country"] == "IND"
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["events", "--db", filled_db, "-f", "csv"]).stdout)))
    assert len(rows) == 3 and rows[0]["cameo"] == "051"
    tsv = runner.invoke(app, ["events", "--db", filled_db, "-f", "tsv", "--limit", "1"]).stdout
    assert len(tsv.splitlines()) == 2 and "\t" in tsv
    arr = json.loads(runner.invoke(app, ["events", "--db", filled_db, "-f", "json"]).stdout)
    assert len(arr) == 3
    table = runner.invoke(app, ["events", "--db", filled_db, "--format", "table", "--limit", "40"])
    assert table.exit_code == 0 and "India" in table.stdout
    out = tmp_path / "ev.parquet"
    assert runner.invoke(app, ["events", "--db", filled_db, "-f", "parquet", "-o", str(out)]).exit_code == 0
    assert pq.read_table(out).num_rows == 3


def test_cli_quotes_timeline_summary(runner, filled_db):
    q = runner.invoke(app, ["quotes", "--db", filled_db, "--speaker", "singh"])
    assert q.exit_code == 0 and len(q.stdout.splitlines()) == 3
    t = runner.invoke(app, ["timeline", "--db", filled_db, "--country", "USA", "-f", "jsonl"])
    assert t.exit_code == 0 and len(t.stdout.splitlines()) == 3
    assert "→" in runner.invoke(app, ["timeline", "--db", filled_db]).stdout
    s = runner.invoke(app, ["summary", "--db", filled_db])
    assert s.exit_code == 0 and "articles" in s.stdout and "events per root" in s.stdout


def test_cli_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("tidings ")


def test_cli_extract_month_first_reads_us_dates(runner, nlp):
    data = json.dumps({"id": "n", "date": "2025-06-01", "text": "The accord signed on 04/05/2025 took effect."})
    day = runner.invoke(app, ["extract", "-"], input=data + "\n")
    month = runner.invoke(app, ["extract", "-", "--month-first"], input=data + "\n")
    assert json.loads(day.stdout)["timexes"][0]["value"] == "2025-05-04"
    assert json.loads(month.stdout)["timexes"][0]["value"] == "2025-04-05"
