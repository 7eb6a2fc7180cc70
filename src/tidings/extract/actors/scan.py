"""The one pass of an article against the knowledge base, and what its matches say.

A mixin for `actors.ActorIndex`. `_scan` walks the tokens once per table (names, places, role
words) and fills `names`, `places`, `roles` and `peoples` with the longest dated match at each
token; `_country_roles` and `_entry_name` read a country, roles and a name off those matches
for a set of tokens, placing an ethnic minority in the country it lives in. Owns `_prefixes`,
the per-knowledge-base prefix sets that stop each attempt at the first miss.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.base import NameHit
from tidings.extract.actors.peoples import People, home_country, load_peoples
from tidings.extract.tokens import DocView
from tidings.extract.kb.knowledge import KnowledgeBase

# words after a town's name that keep it a place ("Nyala Airport", "Sidakan District")
_PLACE_HEADS = frozenset({"airport", "district", "province", "city", "town", "village", "region", "state", "county",
                          "port", "harbour", "harbor", "base", "camp", "square", "street", "road", "border",
                          "crossing", "valley", "river", "hills", "governorate", "prefecture", "municipality"})
# capitalised words that make a demonym a region's ("Latin American", "Central Asian")
_REGION_WORDS = frozenset({"Latin", "Central", "South", "North", "East", "West", "Southeast", "Northeast",
                           "Southwest", "Northwest", "Sub-Saharan", "Pan"})
_KIND_RANK = {"person": 0, "igo": 1, "institution": 2, "group": 3, "country": 4, "capital": 5, "demonym": 6}


class KnowledgeScan:
    """Dictionary matching for `ActorIndex`: the scan tables and the readings taken from them."""

    doc: Doc
    tokens: list[Token]  # the document's tokens, built once by ActorIndex
    arrays: DocView  # their attributes by index, likewise
    kb: KnowledgeBase
    day: dt.date
    words: list[str]
    names: dict[int, NameHit]
    roles: dict[int, tuple[int, tuple[str, ...], str]]
    places: dict[int, NameHit]
    peoples: dict[int, People]
    sents: list[Span]
    sent_index: list[int]
    _name_cover: dict[int, NameHit]
    _role_cover: dict[int, int]

    def _scan(self) -> None:
        """One left-to-right pass per table; a prefix set stops each attempt at the first miss."""
        words, spaces = self.words, self.arrays.spaces
        lemmas = self.arrays.lemmas  # lower-cased: "foreign ministers" is a "foreign minister"
        lower = [w.lower() for w in words]
        kb = self.kb
        name_pre, place_pre, role_pre = _prefixes(kb, "names"), _prefixes(kb, "places"), _prefixes(kb, "roles")
        for i in range(len(words)):
            # most tokens start no entry: test the prefix sets here, before a call per table
            if words[i] in name_pre:
                hit = self._longest(i, words, spaces, kb.names, name_pre, dated=True)
                if hit and not self._inside_longer_name(i, hit):
                    self.names[i] = hit
            if words[i] in place_pre:
                place = self._longest(i, words, spaces, kb.places, place_pre)
                if place and not self._town_in_a_name(i, place):
                    self.places[i] = place
            role = (self._longest(i, lower, spaces, kb.roles, role_pre) if lower[i] in role_pre else None) \
                or (self._longest(i, lemmas, spaces, kb.roles, role_pre) if lemmas[i] in role_pre else None)
            if role:
                roles, kind = role.entries
                self.roles[i] = (role.end, roles, kind)
        self._seat_of_bloc()
        peoples = load_peoples()
        # "Tamil" in "Tamil Nadu" names a place, not a people
        in_place = {k for start, hit in self.places.items() if hit.end - start > 1 for k in range(start, hit.end)}
        self.peoples = {i: peoples[w] for i, w in enumerate(words) if w in peoples and i not in self.names
                        and i not in in_place}
        for start, hit in self.names.items():
            for k in range(start, hit.end):
                self._name_cover.setdefault(k, hit)
        for start, (end, _roles, _kind) in self.roles.items():
            for k in range(start, end):
                self._role_cover.setdefault(k, start)

    def _seat_of_bloc(self) -> None:
        """'Tsikhanouskaya urged Brussels to go further': in a story about the European Union that
        names Belgium by no other word, its capital stands for the Union, not for Belgium."""
        seats = [i for i, hit in self.names.items() if self.words[i] == "Brussels" and hit.end == i + 1]
        if not seats:
            return
        codes = {(e.kind, e.country) for hit in self.names.values() for e in hit.entries}
        if ("igo", "EEC") not in codes or any(c == "BEL" and k != "capital" for k, c in codes):
            return
        union = next((e for e in self.kb.names.get("European Union", []) if e.kind == "igo"), None)
        if union is not None:
            for i in seats:
                self.names[i] = NameHit(i, i + 1, [union])

    def _town_in_a_name(self, i: int, hit: NameHit) -> bool:
        """'Falun' in 'Falun Gong' is no Swedish town: a one-word town or village that the parser
        hangs as part of the proper name after it names that, not the place. Nor is a town that
        continues a person's name ('Alpha Conde')."""
        if not all(e.place_kind in ("village", "town", "city") for e in hit.entries):
            return False
        tok = self.doc[i]
        if i > 0 and tok.ent_type_ == "PERSON" and self.doc[i - 1].ent_type_ == "PERSON":
            return True  # "Alpha Conde": a surname, not the Brazilian town of Conde
        if hit.end != i + 1 or i + 1 >= len(self.words):
            return False
        after = self.doc[i + 1]
        return tok.dep_ == "compound" and after.pos_ == "PROPN" and after.text[:1].isupper() \
            and after.lemma_.lower() not in _PLACE_HEADS \
            and (tok.head.i == i + 1 or after.dep_ == "compound" and after.head.i == tok.head.i)

    def _inside_longer_name(self, i: int, hit: NameHit) -> bool:
        """'Praia' in 'Mocímboa da Praia' is not Cape Verde's capital: a capital or country word
        that ends a longer proper name ('X da Praia', 'Port Sudan' is its own entry) is skipped.
        'American' in 'Latin American countries' names a region's peoples, not the United States
        ('South African' and 'North Korean' are entries of their own, matched from their first word)."""
        if i > 0 and self.doc[i - 1].text in _REGION_WORDS and all(e.kind == "demonym" for e in hit.entries) \
                and (i - 1) not in self.names:
            return True
        if not all(e.kind in ("capital",) for e in hit.entries) or i == 0:
            return False
        prev = self.doc[i - 1]
        if prev.lower_ in ("da", "de", "do", "del", "des", "di", "al", "el", "la") and i >= 2:
            prev = self.doc[i - 2]
        return prev.pos_ == "PROPN" and prev.head.i >= i and not prev.is_sent_start

    def _longest(self, i: int, words: list[str], spaces: list[str], table: dict, prefixes: frozenset[str],
                 dated: bool = False) -> NameHit | None:
        text = words[i]
        if text not in prefixes:
            return None
        best = None
        j = i
        while True:
            entries = table.get(text)
            if entries and not (j > i and not words[j][:1].isalnum()):
                if dated:
                    entries = [e for e in entries if e.valid_on(self.day)]
                if entries:
                    best = NameHit(i, j + 1, entries)
            j += 1
            if j >= len(words):
                break
            text = text + spaces[j - 1] + words[j]
            if text not in prefixes:
                break
        return best

    def _country_roles(self, idx: list[int]) -> tuple[str | None, list[str]]:
        country, kind_rank, roles = None, 99, []
        s = set(idx)
        nation: str | None = None  # the first country or people named before the best match
        for i in idx:
            hit = self.names.get(i)
            if hit and hit.end - 1 in s and not self._sponsor(i, hit.end):
                for e in hit.entries:
                    if e.kind == "person":
                        continue
                    rank = _KIND_RANK.get(e.kind, 9)
                    if e.kind in ("country", "demonym") and nation is None and kind_rank == 99:
                        nation = e.country
                    if rank < kind_rank:
                        if nation and nation != e.country and (e.kind == "institution" or "NGO" in e.roles):
                            # "the Nigeria Labour Congress", "the Turkish Red Crescent": a nation's own
                            # congress or society, not the U.S. Congress or the movement's committee
                            country, kind_rank, roles = nation, rank, list(e.roles)
                            continue
                        country, kind_rank = e.country, rank
                        if e.kind == "demonym" and i > 0 and self.doc[i - 1].lower_ == "ethnic":
                            country = self._minority_country(i, idx, e.country)
                        if e.roles:
                            roles = list(e.roles)
            r = self.roles.get(i)
            if r and r[0] - 1 in s:
                for role in r[1]:
                    if role not in roles:
                        roles.insert(0, role) if kind_rank > 3 and not roles else roles.append(role)
        if country is None:  # "Kurdish fighters", "Baloch separatists": the people's country
            people = next((self.peoples[i] for i in idx if i in self.peoples), None) if self.peoples else None
            if people is not None:
                sent = self.sents[self.sent_index[idx[0]]]
                here = {e.country for k in range(sent.start, sent.end) if k in self.places
                        for e in self.places[k].entries}  # a namesake elsewhere is not among its countries
                country = home_country(people, here, self._doc_countries() | self._place_countries(),
                                       self.main_country())
        if country is None:  # "leaders of the Tigray interim administration": a region's country
            for i in idx:
                place = self.places.get(i)
                e = place.entries[0] if place else None
                if e and place.end - 1 in s and e.country and e.place_kind in ("region", "province", "state"):
                    country = e.country
                    break
        return country, roles

    def _sponsor(self, start: int, end: int) -> bool:
        """'pro-Russian rebels', 'Iranian-backed militias': the state named is the one they serve,
        not theirs (domestic actors by where they live and act)."""
        low = self.arrays.lower
        before = start >= 2 and low[start - 1] == "-" and low[start - 2] == "pro" or \
            start >= 1 and low[start - 1] == "pro-"
        after = end + 1 < len(low) and low[end] == "-" and low[end + 1] in _SPONSORED
        return before or after

    def _sentence_place_country(self, i: int) -> str | None:
        sent = self.sents[self.sent_index[i]]
        here = self.location_in(list(range(sent.start, sent.end)))
        return here.country if here else None

    def _minority_country(self, i: int, idx: list[int], own: str | None) -> str | None:
        """'ethnic Albanians in southern Serbia' are Serbia's: an ethnic minority belongs to the
        country it lives in (named in its phrase, else in its sentence, else the article's)."""
        for c in self.countries_in(idx, locative=True):
            if c != own:
                return c
        here = self._sentence_place_country(i)
        if here and here != own:
            return here
        sent = self.sents[self.sent_index[i]]
        near = [c for c in self.countries_in(list(range(sent.start, sent.end)), locative=True) if c != own]
        if near:
            return near[0]
        main = self.main_country()
        return main if main and main != own else own

    def _entry_name(self, idx: list[int]) -> str | None:
        best, rank = None, 99
        for i in idx:
            hit = self.names.get(i)
            if hit:
                for e in hit.entries:
                    r = _KIND_RANK.get(e.kind, 9)
                    if r < rank:
                        best, rank = e.name, r
        return best


_SPONSORED = frozenset({"backed", "supported", "sponsored", "funded", "armed", "aligned", "allied"})


def _prefixes(kb: KnowledgeBase, table: str) -> frozenset[str]:
    """Every leading substring of every surface form in a table, computed once per knowledge base."""
    key = f"_prefixes_{table}"
    cached = kb.__dict__.get(key)
    if cached is None:
        out: set[str] = set()
        for surface in getattr(kb, table):
            for k in range(1, len(surface) + 1):
                out.add(surface[:k])
        cached = kb.__dict__[key] = frozenset(out)
    return cached
