"""`tidings serve` and `tidings report` from the command line (the server itself is driven in
tests/api and tests/web)."""
from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from tidings.cli.main import app


def run(*args):
    return CliRunner().invoke(app, list(args))


def test_serve_cmd_report_is_one_self_contained_file(sample_db, tmp_path):
    out = tmp_path / "report.html"
    res = run("report", "--db", sample_db, "--country", "IND", "--since", "2025-01-01", "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "window.TIDINGS_REPORT = " in html and "<style>" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"(?!data:)", html)  # nothing from outside
    data = json.loads(html.split("window.TIDINGS_REPORT = ", 1)[1].split(";</script>", 1)[0])
    assert data["filters"] == {"country": "IND", "since": "2025-01-01"}
    assert data["events"] and all("IND" in (e["source_country"], e["target_country"]) for e in data["events"])
    assert set(data["articles"]) == {e["article_id"] for e in data["events"]}
    assert data["trend"]["subject"] == "IND" and len(data["world"]["features"]) > 150


def test_serve_cmd_report_refuses_a_bad_dyad(sample_db, tmp_path):
    res = run("report", "--db", sample_db, "--dyad", "IND;PAK", "-o", str(tmp_path / "r.html"))
    assert res.exit_code == 2 and "dyad" in res.output


def test_serve_cmd_missing_database_is_one_line(tmp_path):
    res = run("serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0")
    assert res.exit_code == 1
    assert "No database at" in res.stderr and "Traceback" not in res.output


def test_serve_cmd_ingest_server_needs_a_token(fixtures):
    res = run("ingest", str(fixtures / "articles.jsonl"), "--server", "http://127.0.0.1:9")
    assert res.exit_code == 2 and "--token" in res.output
