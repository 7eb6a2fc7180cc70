"""Why a name resolves the way it does: `tidings actor NAME`.

An analyst who doubts a coded actor needs to see the resolver's answer for that name on a given
day and the knowledge-base rows behind it, including rows that did not apply because the person
was not in office that day. The name is parsed as the subject of a one-line sentence and resolved
by the same `ActorIndex` that codes articles, so the answer is the extractor's own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.language import Language

from tidings.extract.actors.index import ActorIndex
from tidings.extract.kb.knowledge import Entry, KnowledgeBase
from tidings.extract.events.patterns import load_patterns
from tidings.extract.actors.people import surname_index
from tidings.models import Actor


@dataclass
class Row:
    """One knowledge-base row that a word of the name matched."""

    surface: str
    entry: Entry
    valid: bool  # in force on the day asked about
    via: str  # "name", "surname", "role", "place"


@dataclass
class Explanation:
    name: str
    day: dt.date
    actors: list[Actor]
    rows: list[Row] = field(default_factory=list)
    roles: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list)  # term, roles, kind


def explain_name(name: str, day: dt.date, kb: KnowledgeBase, nlp: Language) -> Explanation:
    """Resolve `name` as a sentence subject on `day` and list the entries that took part."""
    name = " ".join(name.split())
    text = f"{name[:1].upper()}{name[1:]} said."
    doc = nlp(text)
    book = load_patterns()
    index = ActorIndex(doc, kb, day, book.collectives, frozenset(book.speech))
    index.prepass()
    verb = next((t for t in doc if t.lemma_ == "say"), None)
    actors = index.subject_of(verb) if verb is not None else []
    out = Explanation(name=name, day=day, actors=actors)
    seen: set[tuple[str, int]] = set()

    def add(surface: str, entries: list[Entry], via: str) -> None:
        for e in entries:
            if (surface, id(e)) not in seen:
                seen.add((surface, id(e)))
                out.rows.append(Row(surface, e, e.valid_on(day), via))

    add(name, kb.names.get(name, []), "name")
    for start, hit in sorted(index.names.items()):
        surface = doc[start:hit.end].text
        add(surface, kb.names.get(surface, []), "name")  # all rows, also those out of office
    for start, hit in sorted(index.places.items()):
        add(doc[start:hit.end].text, hit.entries, "place")
    if " " not in name:
        for surface, entries in surname_index(kb).get(name, []):
            add(surface, entries, "surname")
    for start, (end, roles, kind) in sorted(index.roles.items()):
        out.roles.append((doc[start:end].text, roles, kind))
    return out
