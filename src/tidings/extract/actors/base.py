"""Pieces shared by the actor-resolution modules: the records an `ActorIndex` keeps, the code
builder and the word sets more than one of its parts reads.

They live apart so that `actors`, `people`, `coref` and `places` can share them without
importing each other in a circle.
"""
from __future__ import annotations

from dataclasses import dataclass

from tidings.extract.kb.knowledge import Entry
from tidings.models import Actor

CUT_DEPS = {"relcl", "acl", "ccomp", "advcl", "punct", "cc", "conj", "prep_skip", "xcomp", "parataxis"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs"}
FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}  # resolved only inside a quote, to its speaker


def first_person(tok) -> bool:
    """'we', 'our', 'I' as pronouns; never 'US' the country."""
    return tok.lower_ in FIRST_PERSON and tok.text != "US" and tok.pos_ == "PRON"
STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# nouns that stand for one person ("the two ministers", "the head of the team, Jane Doe")
PERSON_NOUNS = {"minister", "leader", "president", "premier", "counterpart", "chancellor", "envoy",
                "diplomat", "king", "official", "general", "commander", "chief", "secretary", "head"}


@dataclass(slots=True)
class NameHit:
    """A dictionary match over tokens [start, end) and the entries its surface form names."""

    start: int
    end: int
    entries: list[Entry]


@dataclass(slots=True)
class Mention:
    """A resolved noun phrase, kept in text order so later pronouns can look back to it."""

    token: int
    actors: list[Actor]
    subject: bool
    person: bool


def actor_code(country: str | None, roles: list[str] | tuple[str, ...]) -> str | None:
    """CAMEO-style code: country (or IGO code) followed by the first role ("PAKMIL")."""
    if country is None:
        return roles[0] if roles else None
    if roles and roles[0] not in ("IGO", "NGO") and len(country) == 3:
        return country + roles[0]
    return country


def authorities(country: str, name: str) -> Actor:
    """The unnamed authorities of a state, as the doer of an act the text gives no doer for
    ("the leader had been detained in Sfax"); `name` is how they are shown."""
    return Actor(text="(authorities)", name=name, code=actor_code(country, ["GOV"]), country=country, roles=["GOV"])
