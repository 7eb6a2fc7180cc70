"""Readers: each format, stdin, directories, date headers, bad records, content-hash ids."""
from __future__ import annotations

import datetime as dt
import io
import os

import pytest

from tidings.errors import IngestError
from tidings.ingest import content_id, read_inputs
from tidings.models import Article, Reject


def _split(records):
    records = list(records)
    arts = [r for r in records if isinstance(r, Article)]
    rejs = [r for r in records if isinstance(r, Reject)]
    return arts, rejs


def test_readers_jsonl_reads_all_fields(fixtures):
    arts, rejs = _split(read_inputs([str(fixtures / "articles.jsonl")]))
    assert rejs == []
    assert [a.id for a in arts][:4] == ["fx-1", "fx-2", "fx-3", "fx-4"]
    first = arts[0]
    assert first.title == "Ministers meet over river dispute"
    assert first.source == "Fixture Wire" and first.url.startswith("https://")
    assert first.origin.endswith("articles.jsonl:1")


def test_readers_jsonl_datetime_becomes_utc_date(fixtures):
    arts, _ = _split(read_inputs([str(fixtures / "articles.jsonl")]))
    # 2025-03-05T22:30-05:00 is 2025-03-06 03:30 UTC
    assert arts[1].date == dt.date(2025, 3, 6)


def test_readers_jsonl_missing_id_uses_content_hash(fixtures):
    arts, _ = _split(read_inputs([str(fixtures / "articles.jsonl")]))
    assert arts[4].id == content_id(arts[4].text)
    assert len(arts[4].id) == 16


def test_readers_content_id_ignores_whitespace_differences():
    assert content_id("Egypt  hosted\ntalks. ") == content_id("Egypt hosted talks.")
    assert content_id("Egypt hosted talks.") != content_id("Egypt hosted a summit.")


def test_readers_csv_reads_rows_with_embedded_newlines(fixtures):
    arts, rejs = _split(read_inputs([str(fixtures / "articles.csv")]))
    assert rejs == []
    assert [a.id for a in arts] == ["csv-1", "csv-2", "csv-3"]
    assert "\nThe bank declined" in arts[1].text
    assert arts[1].title is None and arts[0].source == "Fixture Wire"
    assert arts[2].origin.endswith(":5")  # csv-2 spans lines 3-4


def test_readers_text_date_header_is_stripped(fixtures):
    arts, rejs = _split(read_inputs([str(fixtures / "dated.txt")]))
    assert rejs == [] and len(arts) == 1
    assert arts[0].date == dt.date(2025, 4, 10)
    assert arts[0].text.startswith("The defence minister of Poland")
    assert arts[0].id == content_id(arts[0].text)


def test_readers_text_header_on_same_line_with_leading_space(tmp_path):
    p = tmp_path / "seed.txt"
    p.write_text(" date 2025-05-01 Union ministers spoke on Thursday.\n\nMore text.", encoding="utf-8")
    (art,) = read_inputs([str(p)])
    assert art.date == dt.date(2025, 5, 1)
    assert art.text.startswith("Union ministers spoke")


def test_readers_text_without_header_uses_default_date(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Date palms were planted in Basra on Monday.", encoding="utf-8")
    (art,) = read_inputs([str(p)], default_date=dt.date(2024, 1, 2))
    assert art.date == dt.date(2024, 1, 2)
    assert art.text.startswith("Date palms")  # a sentence starting with 'Date' is not a header


def test_readers_text_without_header_or_date_uses_mtime(tmp_path, caplog):
    p = tmp_path / "plain.txt"
    p.write_text("Talks resumed in Geneva.", encoding="utf-8")
    stamp = dt.datetime(2023, 7, 9, 12, tzinfo=dt.timezone.utc).timestamp()
    os.utime(p, (stamp, stamp))
    with caplog.at_level("WARNING"):
        (art,) = read_inputs([str(p)])
    assert art.date == dt.date(2023, 7, 9)
    assert "modification date" in caplog.text


def test_readers_stdin_reads_jsonl():
    data = b'{"id": "s1", "date": "2025-01-01", "text": "Peru and Chile met."}\n'
    (art,) = read_inputs(["-"], stdin=io.BytesIO(data))
    assert art.id == "s1" and art.origin == "-:1"


def test_readers_directory_is_walked_sorted_and_filtered(tmp_path, fixtures):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("date 2025-01-02\nSecond.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "one", "date": "2025-01-01", "text": "First."}\n')
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "README.md").write_text("About this corpus.")
    (tmp_path / ".hidden.txt").write_text("date 2025-01-03\nHidden.")
    arts, rejs = _split(read_inputs([str(tmp_path)]))
    assert rejs == []
    assert [a.text for a in arts] == ["First.", "Second."]


def test_readers_json_array_file(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text('[{"id": "g1", "date": "2025-01-01", "text": "A.", "events": []}, 5]')
    art, rej = read_inputs([str(p)])
    assert art.id == "g1"
    assert isinstance(rej, Reject) and rej.line == 1 and rej.message.startswith("item 2: ")


def test_readers_unknown_extension_is_sniffed(tmp_path):
    p = tmp_path / "feed.data"
    p.write_text('{"id": "x", "date": "2025-01-01", "text": "Sniffed."}\n')
    (art,) = read_inputs([str(p)])
    assert art.id == "x"


def test_readers_missing_path_raises_ingest_error(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.jsonl")]))


def test_readers_bad_records_become_rejects_and_good_ones_survive(fixtures):
    arts, rejs = _split(read_inputs([str(fixtures / "bad.jsonl")]))
    assert [a.id for a in arts] == ["ok-1", "ok-2"]
    by_line = {r.line: r for r in rejs}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 8]
    assert "malformed JSON" in by_line[2].message
    assert by_line[3].field == "date" and "missing" in by_line[3].message
    assert by_line[4].field == "text" and "empty" in by_line[4].message
    assert by_line[5].field == "date" and "first of May" in by_line[5].message
    assert "UTF-8" in by_line[6].message and "Quito" in by_line[6].raw
    assert "object" in by_line[8].message


def test_readers_reject_describe_names_file_line_and_field(fixtures):
    _, rejs = _split(read_inputs([str(fixtures / "bad.jsonl")]))
    line = next(r for r in rejs if r.line == 5).describe()
    assert "bad.jsonl:5" in line and "'date'" in line and "\n" not in line


def test_readers_default_date_fills_missing_but_not_unparsable(fixtures):
    arts, rejs = _split(read_inputs([str(fixtures / "bad.jsonl")], default_date=dt.date(2025, 2, 3)))
    assert "no-date" in [a.id for a in arts]
    assert any(r.line == 5 and r.field == "date" for r in rejs)


def test_readers_csv_bad_rows_are_rejected(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_bytes(b"id,date,text\nr1,2025-01-01,Fine.\nr2,2025-13-01,Bad date.\nr3,2025-01-01,Caf\xe9\n"
                  b"r4,2025-01-01\nr5,2025-01-02,Also fine.\n")
    arts, rejs = _split(read_inputs([str(p)]))
    assert [a.id for a in arts] == ["r1", "r5"]
    assert [(r.line, r.field) for r in rejs] == [(3, "date"), (4, None), (5, None)]


def test_readers_csv_without_text_column_is_one_reject(tmp_path):
    p = tmp_path / "wrong.csv"
    p.write_text("id,date,body\n1,2025-01-01,x\n")
    (rej,) = read_inputs([str(p)])
    assert isinstance(rej, Reject) and rej.field == "text" and rej.line == 1


def test_readers_text_with_bad_bytes_is_rejected_with_line(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes(b"date 2025-01-01\nFirst line.\nCaf\xe9 society.\n")
    (rej,) = read_inputs([str(p)])
    assert isinstance(rej, Reject) and rej.line == 3 and rej.field == "text"
