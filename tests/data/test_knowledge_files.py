"""Schema tests for the actor dictionaries and gazetteer shipped in ``tidings/data``.

Each file is read the way the package will read it (``importlib.resources`` + ``csv``),
so a broken row fails here with its file and line rather than deep inside extraction.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from functools import cache
from importlib.resources import files

import pytest

HEADERS: dict[str, list[str]] = {
    "countries.tsv": ["code", "name", "aliases", "demonyms", "capitals", "fips"],
    "institutions.tsv": ["name", "aliases", "country", "roles"],
    "igos.tsv": ["code", "name", "aliases", "roles", "parent"],
    "groups.tsv": ["name", "aliases", "country", "roles", "start_date", "end_date"],
    "roles.tsv": ["term", "roles", "kind"],
    "people.tsv": ["name", "aliases", "country", "roles", "title", "start_date", "end_date", "source"],
    "places.tsv": ["name", "aliases", "country", "lat", "lon", "kind", "admin1"],
    "peoples.tsv": ["name", "forms", "countries"],
}

# CAMEO role codes (shared/reference/cameo_actor_codes.tsv, kind "role") plus the
# sector codes CAMEO uses as roles for international actors.
KNOWN_ROLES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED "
    "REF MOD RAD PKO UIS IGO IMG INT MNC NGM NGO SET".split()
)
PLACE_KINDS = frozenset("city capital region village town disputed sea strait island".split())
CODE = re.compile(r"^[A-Z]{3}$")
FIPS = re.compile(r"^[A-Z]{2}$")

# Files whose rows are time-bound: the same name may recur with another start date.
DATED = {"groups.tsv", "people.tsv"}


@cache
def read_rows(name: str) -> tuple[list[str], list[list[str]]]:
    """Return (header, rows) of one data file, parsed once per test session."""
    text = (files("tidings") / "data" / name).read_text(encoding="utf-8")
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header, *rows = list(reader)
    return header, rows


def records(name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, column → value) pairs."""
    header, rows = read_rows(name)
    return [(i + 2, dict(zip(header, row))) for i, row in enumerate(rows)]


def country_codes() -> set[str]:
    return {r["code"] for _, r in records("countries.tsv")}


def igo_codes() -> set[str]:
    return {r["code"] for _, r in records("igos.tsv")}


def parse_date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_knowledge_files_header_and_width(name: str) -> None:
    header, rows = read_rows(name)
    assert header == HEADERS[name]
    assert rows, f"{name} has no rows"
    for line, row in enumerate(rows, start=2):
        assert len(row) == len(header), f"{name}:{line} has {len(row)} fields"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_knowledge_files_no_stray_whitespace_or_comments(name: str) -> None:
    for line, rec in records(name):
        assert not next(iter(rec.values())).startswith("#"), f"{name}:{line} is a comment"
        for col, value in rec.items():
            assert value == value.strip(), f"{name}:{line} {col} has outer spaces"
            assert '"' not in value, f"{name}:{line} {col} has a quote character"
            for part in value.split("|") if value else []:
                assert part and part == part.strip(), f"{name}:{line} {col} has an empty or padded item"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_knowledge_files_no_duplicate_rows(name: str) -> None:
    key_cols = {
        "countries.tsv": ("code",),
        "igos.tsv": ("code", "name"),
        "roles.tsv": ("term",),
        "peoples.tsv": ("name",),
    }.get(name, ("name", "country"))
    if name in DATED:
        key_cols = (*key_cols, "start_date")
    counts = Counter(tuple(r[c] for c in key_cols) for _, r in records(name))
    dupes = [k for k, n in counts.items() if n > 1]
    assert not dupes, f"{name} duplicates: {dupes}"


def test_countries_codes_and_fips() -> None:
    recs = records("countries.tsv")
    assert len(recs) >= 250
    for line, r in recs:
        assert CODE.match(r["code"]), f"countries.tsv:{line}"
        assert r["name"], f"countries.tsv:{line} has no name"
        assert not r["fips"] or FIPS.match(r["fips"]), f"countries.tsv:{line} fips {r['fips']!r}"
    codes = country_codes()
    for code in ("IND", "PAK", "USA", "GBR", "PSE", "XKX", "ISR", "IRN"):
        assert code in codes


def test_countries_names_unique_across_entries() -> None:
    seen: dict[str, str] = {}
    for line, r in records("countries.tsv"):
        for name in [r["name"], *filter(None, r["aliases"].split("|"))]:
            assert seen.setdefault(name, r["code"]) == r["code"], f"countries.tsv:{line} {name!r} reused"


def test_igos_codes_do_not_clash_with_countries() -> None:
    for line, r in records("igos.tsv"):
        assert CODE.match(r["code"]), f"igos.tsv:{line}"
        assert r["code"] not in country_codes(), f"igos.tsv:{line} {r['code']} is a country code"


@pytest.mark.parametrize("name", ["institutions.tsv", "igos.tsv", "groups.tsv", "roles.tsv", "people.tsv"])
def test_knowledge_files_roles_known(name: str) -> None:
    for line, r in records(name):
        roles = r["roles"].split("|")
        if name == "roles.tsv" and r["roles"] == "" and r["kind"] == "title":
            continue  # "chairperson", "head": a title with no role of its own takes its body's
        unknown = set(roles) - KNOWN_ROLES
        assert not unknown, f"{name}:{line} unknown roles {unknown}"


@pytest.mark.parametrize("name", ["institutions.tsv", "groups.tsv", "people.tsv", "places.tsv"])
def test_knowledge_files_country_codes_exist(name: str) -> None:
    known = country_codes() | igo_codes()
    for line, r in records(name):
        code = r["country"]
        if code:
            assert CODE.match(code) and code in known, f"{name}:{line} unknown country {code!r}"


@pytest.mark.parametrize("name", sorted(DATED))
def test_knowledge_files_dates_ordered(name: str) -> None:
    for line, r in records(name):
        start, end = parse_date(r["start_date"]), parse_date(r["end_date"])
        if start and end:
            assert start <= end, f"{name}:{line} starts after it ends"


def test_roles_kinds_and_lower_case() -> None:
    for line, r in records("roles.tsv"):
        assert r["kind"] in {"title", "group"}, f"roles.tsv:{line}"
        assert r["term"] == r["term"].lower(), f"roles.tsv:{line} term not lower-case"


def test_people_have_title_and_source() -> None:
    for line, r in records("people.tsv"):
        assert r["title"] and r["source"] and r["roles"], f"people.tsv:{line}"


def test_places_coordinates_and_kinds() -> None:
    recs = records("places.tsv")
    assert len(recs) >= 600
    for line, r in recs:
        assert -90 <= float(r["lat"]) <= 90, f"places.tsv:{line}"
        assert -180 <= float(r["lon"]) <= 180, f"places.tsv:{line}"
        assert r["kind"] in PLACE_KINDS, f"places.tsv:{line} kind {r['kind']!r}"


def test_places_cover_every_capital_with_a_coordinate() -> None:
    places = {(r["name"], r["country"]) for _, r in records("places.tsv")}
    places |= {
        (alias, r["country"]) for _, r in records("places.tsv") for alias in r["aliases"].split("|") if alias
    }
    missing = [
        (r["code"], r["capitals"].split("|")[0])
        for _, r in records("countries.tsv")
        if r["capitals"] and (r["capitals"].split("|")[0], r["code"]) not in places
    ]
    assert len(missing) <= 1, missing  # Diego Garcia (IOT) is an island row, not a city


def test_peoples_countries_exist_and_forms_are_unique() -> None:
    codes = country_codes()
    seen: dict[str, int] = {}
    for line, r in records("peoples.tsv"):
        for c in r["countries"].split("|"):
            assert c in codes, f"peoples.tsv:{line} unknown country {c}"
        for form in r["forms"].split("|"):
            assert " " not in form and form[:1].isupper(), f"peoples.tsv:{line} form {form!r} is not one capitalised word"
            assert form not in seen, f"peoples.tsv:{line} form {form!r} also on line {seen[form]}"
            seen[form] = line
