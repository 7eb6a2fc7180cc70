"""Exports of the sample corpus: the GDELT 2.0 layout checked cell by cell against the
codebook's column list and read back; PLOVER and ACLED shapes; `tidings show`."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings import pipeline, query
from tidings.cli.main import app
from tidings.query.export import gdelt_columns

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TYPE_RE = {"INTEGER": re.compile(r"-?\d+"), "FLOAT": re.compile(r"-?\d+(\.\d+)?"), "STRING": re.compile(r"[^\t\n]*")}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("export") / "examples.duckdb")
    pipeline.run([str(EXAMPLES)], db)
    return db


@pytest.fixture(scope="module")
def gdelt_text(sample_db) -> str:
    res = CliRunner().invoke(app, ["export", "--format", "gdelt", "--db", sample_db])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_export_gdelt_every_row_matches_the_codebook(gdelt_text):
    cols = gdelt_columns()
    shared = Path(__file__).resolve().parents[3] / "shared" / "reference" / "gdelt2_event_columns.tsv"
    if shared.exists():  # the packaged list is the reference list, beside the checkout
        assert [(str(c.index), c.name, c.type) for c in cols] == \
            [tuple(r) for r in csv.reader(shared.read_text().splitlines()[1:], delimiter="\t")]
    lines = gdelt_text.splitlines()
    assert len(cols) == 61 and len(lines) > 100
    for n, line in enumerate(lines, 1):
        cells = line.split("\t")
        assert len(cells) == 61, n
        for col, cell in zip(cols, cells):
            assert cell == "" or TYPE_RE[col.type].fullmatch(cell), (n, col.name, cell)
        row = dict(zip((c.name for c in cols), cells))
        assert row["SQLDATE"][:6] == row["MonthYear"] and len(row["DATEADDED"]) == 14
        assert row["EventCode"].startswith(row["EventRootCode"]) and 1 <= int(row["QuadClass"]) <= 4
        assert int(row["NumMentions"]) >= int(row["NumArticles"]) >= int(row["NumSources"]) >= 1


def test_export_gdelt_round_trip(gdelt_text, sample_db):
    table = query.read_gdelt(io.StringIO(gdelt_text))
    merged = query.events_table(sample_db).to_pylist()
    assert table.num_rows == len(merged) and table.num_columns == 61
    assert len(set(table.column("GLOBALEVENTID").to_pylist())) == table.num_rows
    back = table.to_pylist()
    for row, e in zip(back, merged):
        assert row["SQLDATE"] == int(e["event_date"].strftime("%Y%m%d"))
        assert row["EventCode"] == e["cameo"] and row["NumMentions"] == e["num_mentions"]
        assert row["DATEADDED"] == int(e["article_date"].strftime("%Y%m%d")) * 1_000_000
        assert row["SOURCEURL"] == (e["url"] or e["outlet"])  # a file without a URL: its path
    with pytest.raises(ValueError, match="expected 61"):
        query.read_gdelt(io.StringIO("1\t2\n"))


def test_export_plover_acled_and_columns(sample_db):
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--format", "plover", "--db", sample_db])
    first = json.loads(res.stdout.splitlines()[0])
    assert {"event_type", "actor", "recipient", "num_sources", "article_ids", "story_id"} <= set(first)
    res = runner.invoke(app, ["export", "--format", "acled", "--db", sample_db])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {"event_id_cnty", "actor1", "actor2", "location", "notes", "fatalities"} <= set(rows[0])
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", sample_db])
    assert "num_articles" in json.loads(res.stdout.splitlines()[0])


def test_export_show_highlights_the_evidence(sample_db):
    event = query.events(sample_db, limit=1).to_pylist()[0]
    res = CliRunner().invoke(app, ["show", event["event_id"], "--db", sample_db])
    assert res.exit_code == 0, res.output
    assert event["evidence"][:40] in " ".join(res.stdout.split()) or event["evidence"][:20] in res.stdout
    res = CliRunner().invoke(app, ["show", "nope", "--db", sample_db])
    assert res.exit_code == 1 and "No event with id 'nope'" in res.output
