"""Groups an article introduces by a name the knowledge base lacks (tidings.extract.actors.introduced).
Sentences are our own; the names are made up so that no dictionary entry can answer for them."""
from __future__ import annotations

import datetime as dt

from tidings.extract.actors.index import ActorIndex
from tidings.extract.events.patterns import load_patterns

DAY = dt.date(2026, 9, 2)


def index(parse, kb, text: str) -> ActorIndex:
    idx = ActorIndex(parse(text), kb, DAY, load_patterns().collectives)
    idx.prepass()
    return idx


def test_fighters_of_a_named_opposition_are_rebels_of_the_country(parse, kb) -> None:
    idx = index(parse, kb, "Chad's army said on Monday it had retaken the town of Faya from fighters of the "
                           "opposition FRANK-UL. The FRANK-UL denied the claim.")
    bare = [t for t in idx.doc if t.text == "UL"][-1]
    assert [(a.name, a.country, a.roles) for a in idx.resolve(bare)] == [("FRANK-UL", "TCD", ["REB"])]


def test_the_rebel_name_introduces_it_and_the_bare_name_refers_back(parse, kb) -> None:
    idx = index(parse, kb, "In Mali, the rebel Kidara Liberation Front attacked an army post on Sunday. "
                           "On Monday the Kidara Liberation Front said it had withdrawn.")
    front = [t for t in idx.doc if t.text == "Front"][-1]
    assert [(a.country, a.roles) for a in idx.resolve(front)] == [("MLI", ["REB"])]


def test_a_name_never_described_stays_unknown(parse, kb) -> None:
    idx = index(parse, kb, "In Mali, the Kidara Liberation Front issued a statement on Monday.")
    front = [t for t in idx.doc if t.text == "Front"][-1]
    assert idx.resolve(front) == []


def test_the_opposition_party_is_opposition_not_rebels(parse, kb) -> None:
    idx = index(parse, kb, "Zambia's police arrested two leaders of the opposition Velamo Party on Monday. "
                           "The Velamo Party called the arrests illegal.")
    party = [t for t in idx.doc if t.text == "Party"][-1]
    assert [(a.country, a.roles) for a in idx.resolve(party)] == [("ZMB", ["OPP"])]
