"""Tests for the knowledge base loader (tidings.extract.kb.knowledge)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.errors import CodebookError
from tidings.extract.kb.knowledge import KnowledgeBase, read_tsv
from tidings.extract.kb.loader import load_kb

D = dt.date
THU = D(2025, 5, 1)
def countries(kb: KnowledgeBase, surface: str, day: dt.date | None = None) -> set[str | None]:
    return {e.country for e in kb.lookup(surface, day)}


# ---- the packaged knowledge base -------------------------------------------------------------
def test_knowledge_packaged_kb_loads(kb: KnowledgeBase) -> None:
    assert len(kb.countries) >= 240
    assert kb.countries["IND"] == "India"
    assert kb.roles["prime minister"][0] == ("GOV",)
    assert kb.places  # the gazetteer is there too
    assert kb.max_words > 1 and kb.max_role_words > 1


def test_knowledge_packaged_kb_is_cached() -> None:
    assert load_kb() is load_kb()


@pytest.mark.parametrize("surface, kind", [("India", "country"), ("Indian", "demonym"),
                                           ("Indians", "demonym"), ("New Delhi", "capital")])
def test_knowledge_india_forms_map_to_ind(kb: KnowledgeBase, surface: str, kind: str) -> None:
    entries = kb.lookup(surface, THU)
    assert {e.country for e in entries} == {"IND"}
    assert kind in {e.kind for e in entries}


def test_knowledge_capital_stands_for_government(kb: KnowledgeBase) -> None:
    (entry,) = kb.lookup("New Delhi", THU)
    assert entry.roles == ("GOV",)


def test_knowledge_names_match_case_sensitively(kb: KnowledgeBase) -> None:
    assert kb.lookup("india") == []
    assert kb.lookup("INDIA") == []


def test_knowledge_igo_maps_to_its_code(kb: KnowledgeBase) -> None:
    assert countries(kb, "United Nations") == {"UNO"}
    assert countries(kb, "UN") == {"UNO"}


@pytest.mark.parametrize("day, expected", [
    (D(2020, 1, 1), {"PAK"}),   # in office 2018-08-18 .. 2022-04-10
    (D(2018, 8, 18), {"PAK"}),  # first day
    (D(2018, 1, 1), set()),     # before the term
    (D(2023, 1, 1), set()),     # after the term
])
def test_knowledge_office_holder_only_within_term(kb: KnowledgeBase, day: dt.date, expected: set) -> None:
    found = [e for e in kb.lookup("Imran Khan", day) if e.kind == "person"]
    assert {e.country for e in found} == expected
    assert all(e.roles == ("GOV",) for e in found)


def test_knowledge_lookup_without_day_keeps_every_term(kb: KnowledgeBase) -> None:
    terms = kb.lookup("Donald Trump")
    assert len(terms) == 2
    assert len(kb.lookup("Donald Trump", D(2019, 6, 1))) == 1
    assert kb.lookup("Donald Trump", D(2023, 6, 1)) == []


def test_knowledge_handover_day_has_one_president(kb: KnowledgeBase) -> None:
    day = D(2025, 1, 20)
    assert [e.name for e in kb.lookup("Donald Trump", day)] == ["Donald Trump"]
    assert kb.lookup("Joe Biden", day) == []


@pytest.mark.parametrize("surface, day, roles", [
    ("Taliban", D(2021, 8, 14), ("REB",)),    # REB row ends 08-14, GOV row starts 08-15: a gap
    ("Imran Khan", D(2022, 4, 10), ("GOV",)),  # his end_date
])
def test_knowledge_end_date_is_inclusive(kb: KnowledgeBase, surface: str, day: dt.date,
                                         roles: tuple) -> None:
    assert [e.roles for e in kb.lookup(surface, day)] == [roles]


# ---- read_tsv ------------------------------------------------------------------------------------
def test_knowledge_read_tsv_line_numbers_skip_blank_rows() -> None:
    text = "a\tb\n1\t2\n\n\t\n3\t4\n"
    assert list(read_tsv("x.tsv", text, ("a",))) == [(2, {"a": "1", "b": "2"}), (5, {"a": "3", "b": "4"})]


def test_knowledge_read_tsv_empty_file() -> None:
    with pytest.raises(CodebookError, match=r"x\.tsv:1: empty file"):
        list(read_tsv("x.tsv", ""))


# cells without tabs or line breaks (str.splitlines also breaks on \x1c-\x1e, \x85, \u2028 ...)
_CELL = st.text(st.characters(blacklist_categories=("Cc", "Zl", "Zp", "Cs")), max_size=12).map(str.strip)
_HEADER = st.lists(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), min_size=1, max_size=5, unique=True)


@given(data=st.data(), header=_HEADER)
def test_knowledge_read_tsv_round_trip(data, header: list[str]) -> None:
    rows = data.draw(st.lists(st.lists(_CELL, min_size=len(header), max_size=len(header))
                              .filter(lambda r: any(r)), max_size=6))
    text = "\n".join("\t".join(r) for r in [header, *rows])
    got = list(read_tsv("x.tsv", text, header))
    assert got == [(n, dict(zip(header, r))) for n, r in enumerate(rows, start=2)]
