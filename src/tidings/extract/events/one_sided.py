"""Acts one party does toward another it does not name: a unilateral ceasefire ("the rebels
announced a unilateral truce") is aimed at the other side of the fighting, and a vow not to yield
("Tehran would not give up its right to enrich", "we will never withdraw") is a refusal (CAMEO
124) aimed at the party last dealt with (docs/coding.md, section 15). `OneSidedActs` is a mixin
of `events._Coder`, which supplies the actors, the pattern book and the adversary look-up.
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.models import Actor

_ARMED_PARTIES = {"REB", "INS", "SEP"}  # non-state armed parties that fight their own state


class OneSidedActs:
    """Unilateral truces and vowed refusals for `events._Coder`."""

    def _vowed_not(self, verb: Token) -> bool:
        """'will not', 'would never', 'won't': a negation stated of the future, a vow not to act."""
        kids = self.actors.kids[verb.i]
        return any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll", "shall") for c in kids)

    def _refusal_code(self, verb: Token) -> str:
        """The refusal code of the act refused ('withdraw' → 1246), from the 'refuse' pattern's table."""
        lemma = verb.lemma_.lower()
        for p in self.book.by_verb.get("refuse", ()):
            if p.inner and lemma in p.inner and p.inner[lemma][:2] == "12":
                return p.inner[lemma]
        return "124"

    def _one_sided_truce(self, verb: Token, source: list[Actor]) -> bool:
        """'The rebels announced a unilateral ceasefire': one party's truce, toward its enemy."""
        obj = [c for c in self.actors.kids[verb.i] if c.dep_ == "dobj"]
        unilateral = any(d.lower_ in ("unilateral", "one-sided") for o in obj for d in self.actors.kids[o.i])
        return unilateral or any(a.country and set(a.roles) & _ARMED_PARTIES for a in source)

    def _truce_party(self, source: list[Actor]) -> list[Actor]:
        """Whom a one-sided truce spares: rebels' own government, else the other side of the latest
        hostile event."""
        rebel = next((a for a in source if a.country and set(a.roles) & _ARMED_PARTIES), None)
        if rebel is not None:
            return [self._country_actor(rebel.country)]
        return self._adversary(source)
