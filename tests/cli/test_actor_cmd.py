"""`tidings actors` and `tidings actor NAME`: counts from the store, resolution explained."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from tidings.cli.main import app

runner = CliRunner()


def test_actor_cmd_actors_lists_counts(filled_db):
    result = runner.invoke(app, ["actors", "--db", filled_db, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["mentions"] >= rows[-1]["mentions"]
    assert {r["name"] for r in rows} == {"India", "United States", "Rajnath Singh"}


def test_actor_cmd_explains_office_by_date(nlp):
    now = runner.invoke(app, ["actor", "Hegseth", "--date", "2025-05-01"])
    assert now.exit_code == 0, now.output
    assert "Pete Hegseth → code USAGOV" in now.stdout and "in force" in now.stdout
    assert "people.tsv:" in now.stdout
    before = runner.invoke(app, ["actor", "Hegseth", "--date", "2024-05-01"])
    assert "not in force" in before.stdout and "USAGOV" not in before.stdout.splitlines()[0]


def test_actor_cmd_title_without_name(nlp):
    result = runner.invoke(app, ["actor", "the Pakistani military spokesman", "--date", "2025-05-01"])
    assert "country PAK" in result.stdout.splitlines()[0]
    assert "role word 'spokesman'" in result.stdout


def test_actor_cmd_user_dictionary_and_unknown_name(nlp, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {name: Zorblax Quint, country: KEN, roles: [GOV]}\n", encoding="utf-8")
    result = runner.invoke(app, ["actor", "Zorblax Quint", "--date", "2025-05-01", "--actors", str(path)])
    assert "code KENGOV" in result.stdout and "mine.yaml:2" in result.stdout
    unknown = runner.invoke(app, ["actor", "Zorblax Quint", "--date", "2025-05-01"])
    assert "no knowledge-base entry matched" in unknown.stdout


def test_actor_cmd_bad_dictionary_is_one_line_error_before_any_article(tmp_path, fixtures):
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - {name: X, country: Kenya}\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", str(db), "--actors", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2:" in result.output and "bad country code 'Kenya'" in result.output
    assert not db.exists()  # rejected before the store was opened or any article read
