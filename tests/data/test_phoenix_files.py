"""Schema tests for the tables converted from the OEDA Phoenix dictionaries by
``scripts/build_phoenix.py`` (``phoenix_people.tsv``, ``phoenix_groups.tsv``), and the rule that
the hand-written tables win over them."""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import cache
from importlib.resources import files

import pytest

from tidings.extract.actors.people import surname_index
from tidings.extract.kb.knowledge import imported
from tidings.extract.kb.loader import load_kb

HEADERS = {
    "phoenix_people.tsv": ["name", "aliases", "country", "roles", "title", "start_date", "end_date", "source",
                           "class", "keep"],
    "phoenix_groups.tsv": ["name", "aliases", "country", "roles", "start_date", "end_date", "class", "keep"],
}
CLASSES = {"phoenix_people.tsv": {"person_dated", "person_undated", "person_nationality"},
           "phoenix_groups.tsv": {"group"}}
ROLES = frozenset("""GOV MIL COP JUD LEG SPY REB INS SEP UAF OPP CVL MED BUS EDU HLH AGR LAB REF SET
    PKO CRM ENV HRI DEV MOD RAD UIS""".split())  # ELI is never a converted role: it means out of office


@cache
def rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    text = (files("tidings") / "data" / name).read_text(encoding="utf-8")
    header, *body = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    return header, [dict(zip(header, r)) for r in body]


def hand_written_names() -> set[str]:
    out: set[str] = set()
    for name, cols in {"people.tsv": ("name", "aliases"), "groups.tsv": ("name", "aliases"),
                       "institutions.tsv": ("name", "aliases"), "igos.tsv": ("name", "aliases"),
                       "countries.tsv": ("name", "aliases", "demonyms", "capitals")}.items():
        for r in rows(name)[1]:
            for c in cols:
                out.update(v for v in r[c].split("|") if v)
    return out


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_phoenix_rows_are_well_formed(name: str) -> None:
    header, body = rows(name)
    assert header == HEADERS[name]
    assert len(body) > 100
    countries = {r["code"] for r in rows("countries.tsv")[1]}
    for line, r in enumerate(body, start=2):
        where = f"{name}:{line}"
        assert len(r) == len(header), where
        assert r["country"] in countries, where
        assert r["keep"] in ("0", "1") and r["class"] in CLASSES[name], where
        assert len(r["name"].split()) >= 2, f"{where}: single-word name"
        assert not re.search(r"\b[A-Z]{2,}\b", r["name"]), f"{where}: acronym in {r['name']!r}"
        roles = [x for x in r["roles"].split("|") if x]
        assert all(x in ROLES for x in roles), where
        start = dt.date.fromisoformat(r["start_date"]) if r["start_date"] else None
        end = dt.date.fromisoformat(r["end_date"]) if r["end_date"] else None
        if start and end:
            assert start <= end, where
        if r["class"] == "person_dated":
            # an imported office holder holds the office only within a closed, dated span
            assert roles and end and end <= dt.date(2016, 12, 31), where


def test_phoenix_never_repeats_a_hand_written_name() -> None:
    ours = hand_written_names()
    for name in HEADERS:
        for r in rows(name)[1]:
            assert r["name"] not in ours, r["name"]
            assert not set(r["aliases"].split("|")) & ours, r["name"]


def test_phoenix_office_holder_is_dated_and_ours_win() -> None:
    kb = load_kb()
    taraki = [e for e in kb.lookup("Nur Mohammad Taraki") if e.kind == "person"]
    assert taraki and all(imported(e) and e.country == "AFG" for e in taraki)
    assert kb.lookup("Nur Mohammad Taraki", dt.date(1979, 1, 1))
    assert not kb.lookup("Nur Mohammad Taraki", dt.date(1995, 1, 1))  # out of office: no role entry
    # a hand-written name keeps only its own entries
    assert not any(imported(e) for e in kb.lookup("Vladimir Putin"))
    # imported people add no bare surnames
    assert not any(imported(e) for _s, es in surname_index(kb).get("Taraki", []) for e in es)
