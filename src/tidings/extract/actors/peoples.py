"""Peoples who live inside states: regional and ethnic words → the countries they live in.

"Kurdish fighters", "Baloch separatists", "Darfuri militias", "Tamil protesters": the word names
no state, but the people live and act in one or a few (data/peoples.tsv, homeland first). An
actor so named is coded with the country it lives in: the one the sentence places it in, else
one the article names, else the first listed. This is knowledge, kept as data.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from tidings.extract.kb.knowledge import read_tsv, split_values


@dataclass(frozen=True, slots=True)
class People:
    """A people ('Kurds') and the countries it lives in, homeland first."""

    name: str
    countries: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_peoples() -> dict[str, People]:
    """Surface form (case-sensitive, one word) → `People`, parsed once."""
    text = (resources.files("tidings") / "data" / "peoples.tsv").read_text(encoding="utf-8")
    path = "tidings/data/peoples.tsv"
    out: dict[str, People] = {}
    for _, r in read_tsv(path, text, ("name", "forms", "countries")):
        people = People(r["name"], tuple(split_values(r["countries"])))
        for form in split_values(r["forms"]):
            out[form] = people
    return out


def home_country(people: People, here: set[str], named: set[str], main: str | None = None) -> str:
    """The country of `people` in this text: where the sentence places it (`here`: the countries
    of the places it names), else the country the article is about (`main`) when it is one of
    theirs ("Kurdish lawmakers" in a report on Iraq), else one the article names, else its homeland."""
    return next((c for c in people.countries if c in here), None) or \
        (main if main in people.countries else None) or \
        next((c for c in people.countries if c in named), people.countries[0])
