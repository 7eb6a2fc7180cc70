"""Fuzz suite for ingest: whatever the bytes, no crash, every valid record kept, every bad one
rejected with its file, its line (where the format has lines) and a reason.

Files are generated at test time: Hypothesis mixes valid records with mutated ones (huge
lines, deep nesting, invalid UTF-8, NUL, BOM/CRLF, wrong types, truncated JSON, unbalanced
CSV quotes, empty files) and the readers must sort them exactly. A last test runs the real
`tidings ingest` on a folder of such files in a subprocess.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.ingest import read_inputs
from tidings.models import Article, Reject

CAP = 2_000  # a small text cap keeps "huge" records small enough to generate quickly
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])
TIDINGS = Path(sys.executable).parent / "tidings"

words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
texts = st.lists(words, min_size=1, max_size=6).map(" ".join).filter(lambda t: t.strip())

# A bad JSON Lines record: raw bytes of one line, never valid.
BAD_LINES = {
    "truncated": lambda t: json.dumps({"date": "2025-05-01", "text": t}).encode()[:-3],
    "text not a string": lambda t: json.dumps({"date": "2025-05-01", "text": [t]}).encode(),
    "text missing": lambda t: json.dumps({"date": "2025-05-01", "title": t}).encode(),
    "date a number": lambda t: json.dumps({"date": 20250501, "text": t}).encode(),
    "date unparsable": lambda t: json.dumps({"date": "first of May", "text": t}).encode(),
    "invalid utf-8": lambda t: json.dumps({"date": "2025-05-01", "text": t}).encode()[:-2] + b"\xff\xfe\"}",
    "escaped NUL": lambda t: json.dumps({"date": "2025-05-01", "text": t + "\u0000"}).encode(),
    "raw NUL": lambda t: b'{"date": "2025-05-01", "text": "a\x00' + t.encode("utf-8", "replace")[:5] + b'"}',
    "deep nesting": lambda t: b'{"text": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
    "huge line": lambda t: json.dumps({"date": "2025-05-01", "text": "x" * (CAP * 40)}).encode(),
    "over the cap": lambda t: json.dumps({"date": "2025-05-01", "text": "y" * (CAP + 1)}).encode(),
    "empty text": lambda t: json.dumps({"date": "2025-05-01", "text": "  "}).encode(),
    "not an object": lambda t: json.dumps([t]).encode(),
    "binary junk": lambda t: b"\x00\x01\x02\x9c junk \xfe",
}


def _valid_line(n: int, text: str, _: bool) -> tuple[str, bytes]:
    art_id = f"ok-{n}"
    return art_id, json.dumps({"id": art_id, "date": "2025-05-01", "text": text}).encode()


def _split(records) -> tuple[dict[str, Article], list[Reject]]:
    records = list(records)
    assert all(isinstance(r, (Article, Reject)) for r in records)
    return {r.id: r for r in records if isinstance(r, Article)}, [r for r in records if isinstance(r, Reject)]


@FUZZ
@given(plan=st.lists(st.one_of(st.tuples(st.just("ok"), texts, st.just(False)),
                               st.tuples(st.sampled_from(sorted(BAD_LINES)), texts, st.just(False))),
                     min_size=1, max_size=25),
       bom=st.booleans(), crlf=st.booleans())
def test_fuzz_jsonl_keeps_every_valid_line_and_rejects_each_bad_one(tmp_path_factory, plan, bom, crlf):
    path = tmp_path_factory.mktemp("fz") / "mixed.jsonl"
    lines, valid, bad = [], {}, {}
    for n, (kind, text, nul) in enumerate(plan):
        if kind == "ok":
            art_id, raw = _valid_line(n, text, nul)
            valid[art_id] = (len(lines) + 1, raw)
        else:
            raw = BAD_LINES[kind](text)
            bad[len(lines) + 1] = kind
        lines.append(raw)
    data = (b"\r\n" if crlf else b"\n").join(lines) + b"\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    arts, rejs = _split(read_inputs([str(path)], max_text_chars=CAP))
    assert set(arts) == set(valid)
    for art_id, (line, raw) in valid.items():
        assert arts[art_id].text == json.loads(raw)["text"]
        assert arts[art_id].origin == f"{path}:{line}"
    assert {r.line: r for r in rejs}.keys() == bad.keys()
    for r in rejs:
        assert r.origin == str(path) and r.message and str(path) in r.describe()


@FUZZ
@given(plan=st.lists(st.sampled_from(["ok", "ok-multiline", "unclosed", "columns", "utf-8", "date", "blank"]),
                     min_size=1, max_size=20),
       text=texts, delimiter=st.sampled_from([",", "\t"]), crlf=st.booleans())
def test_fuzz_delimited_unbalanced_quote_costs_one_row(tmp_path_factory, plan, text, delimiter, crlf):
    path = tmp_path_factory.mktemp("fz") / ("rows.csv" if delimiter == "," else "rows.tsv")
    nl = "\r\n" if crlf else "\n"
    clean = text.replace('"', "'").replace("\r", " ").replace("\n", " ").replace(delimiter, " ")
    out, line, valid, bad = [f"id{delimiter}date{delimiter}text"], 2, {}, set()
    for n, kind in enumerate(plan):
        art_id = f"r{n}"
        if kind == "ok":
            row = delimiter.join([art_id, "2025-05-01", f'"{clean}, quoted"'])
            valid[art_id] = line
        elif kind == "ok-multiline":
            row = delimiter.join([art_id, "2025-05-01", f'"{clean}{nl}second line"'])
            valid[art_id] = line
        elif kind == "unclosed":
            row = delimiter.join([art_id, "2025-05-01", f'"{clean} never closed'])
            bad.add(line)
        elif kind == "columns":
            row = delimiter.join([art_id, "2025-05-01", clean, "extra"])
            bad.add(line)
        elif kind == "date":
            row = delimiter.join([art_id, "May first", clean])
            bad.add(line)
        elif kind == "utf-8":
            row = delimiter.join([art_id, "2025-05-01", "caf\udcff"])
            bad.add(line)
        else:
            row = ""
        out.append(row)
        line += row.count(nl) + 1
    path.write_bytes(nl.join(out).encode("utf-8", "surrogateescape") + nl.encode())
    arts, rejs = _split(read_inputs([str(path)], max_text_chars=CAP))
    assert {a: int(r.origin.rsplit(":", 1)[1]) for a, r in arts.items()} == valid
    assert {r.line for r in rejs} == bad
    assert all(r.message for r in rejs)


@FUZZ
@given(items=st.lists(st.one_of(texts.map(lambda t: ("ok", t)),
                                st.sampled_from(["deep", "number", "no-text", "huge"]).map(lambda k: (k, ""))),
                      min_size=0, max_size=12),
       truncate=st.booleans(), pretty=st.booleans())
def test_fuzz_json_array_items_stream_one_by_one(tmp_path_factory, items, truncate, pretty):
    path = tmp_path_factory.mktemp("fz") / "array.json"
    parts, valid, bad = [], {}, 0
    for n, (kind, text) in enumerate(items):
        if kind == "ok":
            parts.append(json.dumps({"id": f"a{n}", "date": "2025-05-01", "text": text}, indent=2 if pretty else None))
            valid[f"a{n}"] = text
        elif kind == "deep":
            parts.append("[" * 5_000 + "]" * 5_000)
            bad += 1
        elif kind == "number":
            parts.append("17")
            bad += 1
        elif kind == "huge":
            parts.append(json.dumps({"date": "2025-05-01", "text": "z" * (CAP * 40)}))
            bad += 1
        else:
            parts.append(json.dumps({"date": "2025-05-01"}))
            bad += 1
    body = "[\n" + ",\n".join(parts) + "\n]\n"
    truncate = truncate and bool(parts)
    if truncate:
        body = body[: body.rindex(",") if "," in body else 1]
    path.write_text(body, encoding="utf-8")
    arts, rejs = _split(read_inputs([str(path)], max_text_chars=CAP))
    if not truncate:
        assert {a: x.text for a, x in arts.items()} == valid
        assert len(rejs) == bad
    else:  # every item before the cut is kept
        assert set(arts) <= set(valid) and any("truncated" in r.message for r in rejs)
        assert len(arts) + len(rejs) >= len(items)
    assert all(r.origin == str(path) and r.line is not None and r.message for r in rejs)


@FUZZ
@given(data=st.binary(max_size=3_000), suffix=st.sampled_from([".jsonl", ".json", ".csv", ".tsv", ".txt", ".dat"]))
def test_fuzz_any_bytes_in_any_format_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fz") / f"junk{suffix}"
    path.write_bytes(data)
    for record in read_inputs([str(path)], max_text_chars=CAP):
        assert isinstance(record, (Article, Reject))
        if isinstance(record, Reject):
            assert record.origin == str(path) and record.message


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10_000), flip=st.integers(min_value=0, max_value=10_000))
def test_fuzz_a_damaged_line_costs_only_that_line(tmp_path_factory, fixtures, cut, flip):
    """Damage one byte of a real file: every line the damage did not touch is still read."""
    data = bytearray((fixtures / "articles.jsonl").read_bytes())
    pos = flip % len(data)
    data[pos] = 0xFF
    path = tmp_path_factory.mktemp("fz") / "damaged.jsonl"
    path.write_bytes(bytes(data))
    damaged_line = data[:pos].count(b"\n") + 1
    clean = [n for n, raw in enumerate(bytes(data).split(b"\n"), 1) if raw.strip() and n != damaged_line]
    arts, rejs = _split(read_inputs([str(path)], default_date=None, max_text_chars=100_000))
    read_lines = {int(a.origin.rsplit(":", 1)[1]) for a in arts.values()} | {r.line for r in rejs}
    assert set(clean) <= read_lines
    assert all(r.line == damaged_line or r.line not in clean or r.field for r in rejs)


def test_fuzz_empty_files_of_every_format(tmp_path):
    for suffix in (".jsonl", ".json", ".csv", ".tsv", ".txt"):
        (tmp_path / f"empty{suffix}").write_bytes(b"")
    records = list(read_inputs([str(tmp_path)], max_text_chars=CAP))
    assert [r.origin for r in records] == [str(tmp_path / "empty.txt")]  # a text file with no text
    assert isinstance(records[0], Reject) and records[0].field == "text"


def test_fuzz_oversized_text_file_is_rejected_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("date 2025-05-01\n" + "word " * (CAP * 2), encoding="utf-8")
    (rej,) = read_inputs([str(path)], max_text_chars=CAP)
    assert isinstance(rej, Reject) and rej.field == "text" and "characters" in rej.message


def _corpus(folder: Path) -> tuple[set[str], int]:
    """A folder mixing valid short articles with every kind of bad file; returns the valid ids
    and the number of bad records written."""
    ok = {f"v{n}": f"Egypt hosted talks with Sudan on Monday, officials said. Report {n}." for n in range(6)}
    lines = [json.dumps({"id": i, "date": "2025-05-04", "text": t}).encode() for i, t in list(ok.items())[:3]]
    lines += [BAD_LINES[k]("India and Pakistan") for k in sorted(BAD_LINES)]
    (folder / "mixed.jsonl").write_bytes(b"\r\n".join(lines) + b"\r\n")
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(["id", "date", "text"])
    writer.writerow(["v3", "2025-05-04", ok["v3"]])
    rows.write('bad-csv,2025-05-04,"an unclosed quote\n')
    writer.writerow(["v4", "2025-05-04", ok["v4"]])
    (folder / "rows.csv").write_text(rows.getvalue(), encoding="utf-8")
    (folder / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (folder / "cut.json").write_text(json.dumps([{"id": "v5", "date": "2025-05-04", "text": ok["v5"]}])[:-1])
    (folder / "empty.csv").write_bytes(b"")
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbfdate 2025-05-04\r\n\x00\x00")
    return set(ok), len(BAD_LINES) + 1 + 1 + 1 + 1  # lines, csv row, deep item, truncation, NUL-only text


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_fuzz_cli_keeps_every_valid_article_and_prints_no_traceback(tmp_path, command):
    folder = tmp_path / "in"
    folder.mkdir()
    valid, bad = _corpus(folder)
    db = tmp_path / "fz.duckdb"
    args = [str(TIDINGS), command, str(folder), "--max-chars", str(CAP)]
    if command == "ingest":
        args += ["--db", str(db)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode in (0, 3), proc.stderr
    assert "Traceback" not in proc.stderr and "Error:" not in proc.stderr.replace("error:", "")
    rejected = [ln for ln in proc.stderr.splitlines() if ln.startswith("tidings: rejected: ")]
    assert len(rejected) >= bad
    for ln in rejected:  # file (and line where there are lines) and a reason
        where, _, reason = ln.removeprefix("tidings: rejected: ").partition(": ")
        assert where.startswith(str(folder)) and reason.strip()
    if command == "ingest":
        con = duckdb.connect(str(db), read_only=True)
        stored = {r[0] for r in con.sql("SELECT article_id FROM articles").fetchall()}
        kept = con.sql("SELECT count(*) FROM rejects").fetchall()[0][0]
        con.close()
        assert stored == valid and kept == len(rejected)
    else:
        ids = {json.loads(ln)["article"]["id"] for ln in proc.stdout.splitlines() if ln.strip()}
        assert ids == valid
