"""Schema test for data/verbs_cameo.tsv, the lexicon built from the OEDA CAMEO verb dictionary."""
from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from tidings.extract.events.codebook import load_codebook
from tidings.extract.events.lexicon import COLUMNS, read_lexicon

TEXT = (files("tidings") / "data" / "verbs_cameo.tsv").read_text(encoding="utf-8")
SLOTS = {"dobj", "dative", "poss"}


def rows() -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(TEXT.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(enumerate(reader, start=2))


def test_verbs_cameo_header_and_fields() -> None:
    book = load_codebook()
    seen = set()
    for n, r in rows():
        where = f"verbs_cameo.tsv:{n}"
        assert None not in r.values() and None not in r, where  # no missing or extra fields
        assert r["code"] in book, where
        assert r["verb"] == r["verb"].strip().lower() and 1 <= len(r["verb"].split(" ")) <= 3, where
        assert r["objects"], f"{where}: bare verbs are filtered out by the build"
        assert all(o == o.strip().lower() and o for o in r["objects"].split("|")), where
        assert all(t in SLOTS or t.isalpha() and t.islower() for t in r["target"].split("|")), where
        assert r["sym"] in ("0", "1") and r["keep"] in ("0", "1") and r["line"].isdigit(), where
        key = (r["verb"], r["objects"], r["code"])
        assert key not in seen, f"{where}: duplicate row"
        seen.add(key)


def test_verbs_cameo_reads_through_the_loader() -> None:
    entries = read_lexicon(TEXT)
    assert len(entries) == sum(1 for _n, r in rows() if r["keep"] == "1")


@pytest.mark.parametrize("bad, problem", [("xx\tfire\t999\tdobj\t0\t1\t5\tp", "999"),
                                          ("fire\tshell\t194\tdobj\t2\t1\t5\tp", "sym and keep")])
def test_verbs_cameo_bad_row_names_file_and_line(bad: str, problem: str) -> None:
    from tidings.errors import CodebookError
    with pytest.raises(CodebookError, match=problem) as err:
        read_lexicon("\t".join(COLUMNS) + "\n" + bad + "\n", path="x.tsv")
    assert err.value.line == 2
