"""`tidings score`: text and JSON figures, stdin, and a bad output file as exit code 1."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from tidings.cli.main import app

GOLD = [{"id": "p1", "date": "2025-05-01", "text": "India spoke with the United States on Thursday.",
         "events": [{"src": ["IND"], "tgt": ["USA"], "root": ["04"], "date": ["2025-05-01", "2025-05-01"],
                     "sym": True}, {"src": ["IND"], "tgt": ["PAK"], "root": ["11"], "date": ["2025-05-01", "2025-05-01"]}],
         "forbidden": [], "quotes": [], "timex": [{"text": "Thursday", "value": "2025-05-01"}]}]
OUT = {"article": {"id": "p1"}, "events": [{"cameo": "040", "date": "2025-05-01",
                                            "source": {"country": "USA"}, "target": {"country": "IND"}}],
       "quotes": [], "timexes": [{"text": "on Thursday", "value": "2025-05-01"}]}


def files(tmp_path):
    gold, out = tmp_path / "gold.json", tmp_path / "out.jsonl"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    out.write_text(json.dumps(OUT) + "\n", encoding="utf-8")
    return gold, out


def test_score_cmd_prints_figures(tmp_path):
    gold, out = files(tmp_path)
    res = CliRunner().invoke(app, ["score", str(gold), str(out)])
    assert res.exit_code == 0, res.output
    assert "P 1.000  R 0.500  F1 0.667" in res.stdout and "timex   right 1/1" in res.stdout


def test_score_cmd_json_from_stdin_and_misses_on_stderr(tmp_path):
    gold, out = files(tmp_path)
    res = CliRunner().invoke(app, ["score", str(gold), "-", "--json", "--misses"], input=out.read_text())
    assert res.exit_code == 0, res.output
    figures = json.loads(res.stdout)
    assert figures["events"]["tp"] == 1 and figures["events"]["fn"] == 1 and figures["articles_missing"] == 0
    assert "missed src=['IND'] tgt=['PAK']" in res.stderr


def test_score_cmd_bad_output_exits_1(tmp_path):
    gold, out = files(tmp_path)
    out.write_text("not json\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["score", str(gold), str(out)])
    assert res.exit_code == 1 and "out.jsonl:1" in res.stderr
