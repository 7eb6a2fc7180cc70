"""Behaviour tests for actor resolution (tidings.extract.actors.index), on short sentences parsed
once by the real model, checked directly on `ActorIndex` and through `extract_doc`."""
from __future__ import annotations

import datetime as dt

import pytest

from tidings.extract.actors.index import ActorIndex, actor_code
from tidings.extract.events.patterns import load_patterns
from tidings.models import Actor, ArticleResult, Event

THU = dt.date(2025, 5, 1)


def index(parse, kb, text: str, day: dt.date = THU) -> ActorIndex:
    idx = ActorIndex(parse(text), kb, day, load_patterns().collectives)
    idx.prepass()
    return idx


def token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def codes(actors: list[Actor]) -> list[str | None]:
    return [a.code for a in actors]


def only_event(result: ArticleResult, root: str) -> Event:
    found = [e for e in result.events if e.root == root]
    assert len(found) == 1, [(e.cameo, e.source, e.target) for e in result.events]
    return found[0]


# ---- actor_code --------------------------------------------------------------------------------
@pytest.mark.parametrize("country, roles, code", [
    ("PAK", ["MIL"], "PAKMIL"), ("PAK", ["GOV", "MIL"], "PAKGOV"), ("IND", [], "IND"),
    ("UNO", ["IGO"], "UNO"), ("EEC", ["IGO"], "EEC"), (None, ["MED"], "MED"), (None, [], None),
])
def test_actors_actor_code(country, roles, code) -> None:
    assert actor_code(country, roles) == code


# ---- ActorIndex directly -------------------------------------------------------------------------
def test_actors_resolve_demonym_with_role_word(parse, kb) -> None:
    idx = index(parse, kb, "Pakistani officials criticized India.")
    (a,) = idx.resolve(token(idx.doc, "officials"))
    assert (a.country, a.code) == ("PAK", "PAKGOV")


def test_actors_resolve_conjoined_phrase_gives_two(parse, kb) -> None:
    idx = index(parse, kb, "The United Nations urged India and Pakistan to show restraint.")
    assert [a.country for a in idx.resolve(token(idx.doc, "India"))] == ["IND", "PAK"]


def test_actors_subject_of_passive_is_agent(parse, kb) -> None:
    idx = index(parse, kb, "India was attacked by Pakistan.")
    assert [a.country for a in idx.subject_of(token(idx.doc, "attacked"))] == ["PAK"]


def test_actors_subject_of_agentless_passive_is_nobody(parse, kb) -> None:
    idx = index(parse, kb, "Two Indian soldiers were killed.")
    assert idx.subject_of(token(idx.doc, "killed")) == []


def test_actors_antecedent_of_he_is_previous_person(parse, kb) -> None:
    idx = index(parse, kb, "Shehbaz Sharif visited Beijing. He criticized India.")
    (a,) = idx.antecedent(token(idx.doc, "He"))
    assert (a.name, a.code) == ("Shehbaz Sharif", "PAKGOV")


def test_actors_locative_capital_is_not_an_actor(parse, kb) -> None:
    idx = index(parse, kb, "Indian and Pakistani officials met in Washington.")
    assert idx.resolve(token(idx.doc, "Washington")) == []


def test_actors_person_out_of_office_keeps_nationality_only(parse, kb) -> None:
    idx = index(parse, kb, "Antony Blinken criticized China.")
    (a,) = idx.subject_of(token(idx.doc, "criticized"))
    assert (a.name, a.country, a.roles) == ("Antony Blinken", "USA", [])


def test_actors_person_in_office_on_article_date(parse, kb) -> None:
    idx = index(parse, kb, "Antony Blinken criticized China.", day=dt.date(2023, 6, 1))
    (a,) = idx.subject_of(token(idx.doc, "criticized"))
    assert a.code == "USAGOV"


# ---- through extract_doc --------------------------------------------------------------------------
@pytest.mark.parametrize("text, root, source, target", [
    ("Pakistani officials criticized India on Thursday.", "11", "PAKGOV", "IND"),       # demonym
    ("Pakistan's prime minister accused India of aggression.", "11", "PAKGOV", "IND"),  # possessive
    ("Pakistan's army shelled Indian posts.", "19", "PAKMIL", "IND"),                   # possessive MIL
    ("The United Nations urged India to show restraint.", "02", "UNO", "IND"),          # IGO
    ("The Pentagon criticized Iran.", "11", "USAMIL", "IRN"),                           # institution
    ("New Delhi accused Islamabad of sponsoring terrorism.", "11", "INDGOV", "PAKGOV"),  # capitals
    ("Washington criticized Beijing over the tariffs.", "11", "USAGOV", "CHNGOV"),
])
def test_actors_source_and_target_codes(extract, text, root, source, target) -> None:
    e = only_event(extract(text), root)
    assert (e.source.code, e.target.code) == (source, target)


def test_actors_title_with_unknown_name(extract) -> None:
    e = only_event(extract("Kenyan Interior Minister John Doe criticized Uganda."), "11")
    assert (e.source.name, e.source.country, e.source.code) == ("John Doe", "KEN", "KENGOV")
    assert e.target.country == "UGA"


def test_actors_capital_as_speaker(extract) -> None:
    result = extract("Washington said it would not intervene.")
    e = only_event(result, "01")
    assert (e.source.text, e.source.code) == ("Washington", "USAGOV")


def test_actors_known_person_by_full_name(extract) -> None:
    e = only_event(extract("Pakistani Prime Minister Shehbaz Sharif urged the UN to intervene."), "02")
    assert (e.source.name, e.source.code) == ("Shehbaz Sharif", "PAKGOV")
    assert e.target.code == "UNO"


def test_actors_pronoun_takes_named_subject(extract) -> None:
    e = only_event(extract("Shehbaz Sharif visited Beijing. He criticized India."), "11")
    assert (e.source.name, e.source.code, e.target.country) == ("Shehbaz Sharif", "PAKGOV", "IND")


def test_actors_surname_of_office_holder(extract) -> None:
    e = only_event(extract("Modi criticized Pakistan."), "11")
    assert e.source is not None and (e.source.name, e.source.code) == ("Narendra Modi", "INDGOV")
