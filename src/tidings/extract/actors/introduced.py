"""Armed and opposition groups an article introduces by a name the knowledge base lacks.

A mixin for `actors.ActorIndex`. Reports name the parties of a civil war once with what they are
("fighters of the opposition SPLA-IO", "the rebel National Salvation Front", "Zama rebels") and
then by the bare name ("The SPLA-IO denied the charge"). Field convention (docs/coding_actors.md):
a domestic armed movement is a rebel (REB) of the country it fights in; a named opposition party
or movement with no arms is the opposition (OPP). The country is the place the introducing
sentence names, else the country the article is about.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.base import NameHit, actor_code
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.models import Actor

# words that say what an unknown name is when they stand before it or govern it
_ARMED_WORDS = frozenset({"rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "separatist",
                          "separatists", "jihadist", "jihadists", "guerrilla", "guerrillas", "militia", "militias",
                          "paramilitary", "fighters", "fighter", "armed", "gunmen", "extremist", "extremists"})
_OPPOSITION_WORDS = frozenset({"opposition"})


class IntroducedGroups:
    """Names introduced with a descriptor, looked up again by their bare text."""

    doc: Doc
    tokens: list[Token]
    kb: KnowledgeBase
    kids: list[list[Token]]
    text: str
    sents: list[Span]
    sent_index: list[int]
    _name_cover: dict[int, NameHit]
    places: dict[int, NameHit]
    _introduced: dict[str, Actor] | None

    def introduced(self, tok: Token) -> list[Actor]:
        """The group a proper name stands for, if the article introduced it as one."""
        if tok.pos_ != "PROPN" or tok.i in self._name_cover or tok.i in self.places or tok.ent_type_ in ("PERSON", "DATE"):
            return []
        if self._introduced is None:
            self._introduced = self._find_introductions()
        if not self._introduced:
            return []
        name = self._name_text(tok)
        actor = self._introduced.get(name)
        return [actor.model_copy(update={"text": name})] if actor else []

    def _find_introductions(self) -> dict[str, Actor]:
        found: dict[str, Actor] = {}
        for tok in self.tokens:  # built once by ActorIndex; iterating the Doc builds new Token objects
            # the small model's entity types are no guide here ("SPLA-IO" comes out a GPE)
            if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat") or tok.i in self._name_cover \
                    or tok.i in self.places or tok.ent_type_ in ("PERSON", "DATE"):
                continue
            role = self._descriptor_role(tok)
            if role is None:
                continue
            name = self._name_text(tok)
            if len(name) < 2 or name in found:
                continue
            country = self._country_for(tok)
            if country is None:
                continue
            found[name] = Actor(text=name, name=name, code=actor_code(country, [role]), country=country, roles=[role])
        return found

    def _descriptor_role(self, tok: Token) -> str | None:
        """REB for 'the rebel X', 'fighters of X', 'X rebels'; OPP for 'the opposition X'."""
        words = {c.lower_ for c in self.kids[tok.i] if c.dep_ in ("compound", "amod") and c.i < tok.i}
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _ARMED_WORDS:
            words.add("fighters")  # "fighters of the opposition SPLA-IO"
        if tok.dep_ in ("compound", "nmod") and head.lower_ in _ARMED_WORDS:
            words.add(head.lower_)
        if words & _ARMED_WORDS:
            return "REB"
        if words & _OPPOSITION_WORDS:
            return "OPP"
        return None

    def _name_text(self, tok: Token) -> str:
        """The proper name ending at `tok`: its run of proper-noun and hyphen tokens ('SPLA-IO')."""
        start = tok.i
        lo = self.sents[self.sent_index[tok.i]].start
        while start - 1 >= lo:
            prev = self.doc[start - 1]
            if prev.pos_ == "PROPN" or (prev.text == "-" and start - 2 >= lo and self.doc[start - 2].pos_ == "PROPN"):
                start -= 1
            else:
                break
        first = self.doc[start]
        return self.text[first.idx:tok.idx + len(tok.text)]

    def _country_for(self, tok: Token) -> str | None:
        sent = self.sents[self.sent_index[tok.i]]
        here = self.location_in(list(range(sent.start, sent.end)))
        if here is not None and here.country and here.country in self.kb.countries:
            return here.country
        return self.main_country() or self.context_country(tok)
