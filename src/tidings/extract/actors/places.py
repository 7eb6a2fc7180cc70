"""Places in an article: the most specific known place among some tokens, and countries named.

A mixin for `actors.ActorIndex`. A place name shared by several places ("Hyderabad") is read
as the one in a country the article names; countries named only as where something happened
("in Doha") count as places, not parties, unless the caller asks for them.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tidings.extract.actors.base import NameHit
from tidings.extract.kb.knowledge import Entry, KnowledgeBase
from tidings.models import Location


_SETTLEMENTS = frozenset({"city", "town", "village", "port", "province", "region", "district"})
_LOCATIVE_PREPS = {"in", "near", "outside", "at", "around", "inside"}


class PlaceFinder:
    """Location and country look-up over the scan tables of an `ActorIndex`."""

    doc: Doc
    text: str
    sents: list
    kb: KnowledgeBase
    names: dict[int, NameHit]
    places: dict[int, NameHit]
    _countries_named: set[str] | None
    _dateline: str | None  # "" once read and found to name no country
    _place_countries_seen: set[str] | None

    def location_in(self, idx: list[int], told_as_where: bool = False) -> Location | None:
        """The most specific known place among the given tokens. With `told_as_where`, a place name
        no other place shares counts when a preposition of place governs it ("in Erbil"), though
        the article names neither its country nor another of its places: for where a crowd or a
        strike is, not for venues of talks."""
        best: Entry | None = None
        best_name = ""
        for i in idx:
            hit = self.places.get(i)
            if hit is None:
                continue
            e = self._likely_entry(hit.entries)
            if e is None and told_as_where and len({x.country for x in hit.entries}) == 1 and self._told_as_where(hit.end - 1):
                e = hit.entries[0]  # "in Erbil": a place the only place of that name, told as where
            if e is None:
                continue
            if best is None or _place_rank(e) < _place_rank(best):
                best, best_name = e, e.name
        if best is None:
            return None
        return Location(name=best_name, country=best.country, lat=best.lat, lon=best.lon, kind=best.place_kind)

    def dateline_country(self) -> str | None:
        """The country of a wire dateline's city ("MEXICO CITY, April 24 (AP) -"), which the
        parser is given as a sentence of its own (`time.dateline.for_parser`): where the report
        was filed, and so where an official the text gives no country most likely serves. Read
        once per document: every unplaced official, police force or crowd asks for it."""
        if self._dateline is None:
            self._dateline = self._read_dateline() or ""
        return self._dateline or None

    def _read_dateline(self) -> str | None:
        if len(self.sents) < 2:
            return None
        first = self.sents[0]
        words = [self.doc[i] for i in range(first.start, first.end) if self.doc[i].pos_ != "SPACE"]
        # (the city itself may be tagged a verb: "N'DJAMENA")
        if not words or len(words) > 14 or not words[0].text.isupper() or len(words[0].text) < 3 \
                or words[-1].text != "." or any(w.pos_ in ("VERB", "AUX") for w in words[1:]):
            return None
        line = self.text[first.start_char:first.end_char]
        for part in line.split("(")[0].rstrip(" .").split(","):  # "SHEPHERDSTOWN, West Virginia"
            for place in part.split("/"):  # "RIYADH/TEHRAN": the first city
                name = place.strip().title() if place.strip().isupper() else place.strip()
                entries = [e for e in self.kb.names.get(name, []) + self.kb.places.get(name, [])
                           if e.kind in ("country", "capital", "place") and e.country in self.kb.countries]
                if len({e.country for e in entries}) == 1:
                    return entries[0].country
        return None

    def _told_as_where(self, i: int) -> bool:
        """'in Erbil', 'shelled Kharkiv', 'the city of Aleppo': the name is told as the place itself."""
        tok = self.doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS:
            return True
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _SETTLEMENTS:
            return True
        if tok.dep_ != "poss":
            return False
        # "in the forests of Chhattisgarh's Dantewada district": the place owns a place told as where
        tok = tok.head
        while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
        return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS

    def _likely_entry(self, entries: list[Entry]) -> Entry | None:
        """Of places sharing a name, the one in a country the article names; a town in a country
        the article never mentions is more likely a namesake than the place meant."""
        named = self._doc_countries()
        for e in entries:
            if e.country in named:
                return e
        capital = next((e for e in entries if e.place_kind in ("capital", "disputed", "sea", "strait")
                        or e.country is None), None)
        if capital is None and len({e.country for e in entries}) == 1 and entries[0].country in self._place_countries():
            return entries[0]  # "Khan Younis" beside "Gaza", "Kalat in Balochistan": the region vouches for it
        return capital

    def _place_countries(self) -> set[str]:
        """Countries named by at least two of the article's places that have one country only."""
        if self._place_countries_seen is None:
            counts: dict[str, int] = {}
            for hit in self.places.values():
                cs = {e.country for e in hit.entries}
                if len(cs) == 1 and None not in cs:
                    c = next(iter(cs))
                    counts[c] = counts.get(c, 0) + 1
            self._place_countries_seen = {c for c, n in counts.items() if n >= 2}
        return self._place_countries_seen

    def _doc_countries(self) -> set[str]:
        if self._countries_named is None:
            self._countries_named = {e.country for hit in self.names.values() for e in hit.entries if e.country}
        return self._countries_named

    def countries_in(self, idx: list[int], locative: bool = False) -> list[str]:
        """Countries named among the tokens; places named only as where count if `locative`."""
        out: list[str] = []
        for i in idx:
            hit = self.names.get(i)
            if hit and not locative and self._is_locative(self.doc[hit.end - 1]):
                continue
            if hit:
                c = next((e.country for e in hit.entries if e.kind != "person"), None)
                if c and c not in out:
                    out.append(c)
        return out


def _place_rank(e: Entry) -> int:
    order = {"village": 0, "town": 1, "city": 2, "capital": 3, "disputed": 4, "region": 5, "island": 5}
    return order.get(e.place_kind or "", 6)
