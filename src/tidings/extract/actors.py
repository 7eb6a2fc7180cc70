"""Actor resolution: noun phrases and pronouns → country + role, using the knowledge base.

One `ActorIndex` is built per parsed document. It scans the document once for dictionary
matches (names, demonyms, capitals, institutions, role words, places), registers the people it
meets so that "Hegseth" and later "he" resolve to the person named earlier, and resolves any
noun phrase head to zero or more `Actor`s ("India and Pakistan" gives two).
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.extract.knowledge import Entry, KnowledgeBase
from tidings.models import Actor, Location

_CUT_DEPS = {"relcl", "acl", "ccomp", "advcl", "punct", "cc", "conj", "prep_skip", "xcomp", "parataxis"}
_GROUP_PREPS = {"of", "from", "in", "for"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "into", "to", "from", "toward", "towards", "around"}
_HE = {"he", "him", "his", "she", "her", "hers"}
_THEY = {"they", "them", "their", "theirs"}
_KIND_RANK = {"person": 0, "igo": 1, "institution": 2, "group": 3, "country": 4, "capital": 5, "demonym": 6}
_SEAT_ROLE = "GOV"
_GROUP_NOUNS = {"group", "militia", "movement", "organisation", "organization", "outfit", "rebel", "militant",
                "insurgent", "faction"}
_ARMED_ROLES = {"REB", "INS", "SEP", "RAD", "UAF"}
_BODY_NOUNS = {"bloc", "alliance", "union", "organisation", "organization", "body", "agency", "court", "council",
               "mission", "fund", "bank", "league"}
_IGO_ROLES = {"IGO", "NGO"}
_STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_SHARED_SUBJECT = ("conj", "advcl", "xcomp", "acl", "pcomp", "acomp")


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    entries: list[Entry]


@dataclass(slots=True)
class _Mention:
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


class ActorIndex:
    """Dictionary matches and coreference state for one document."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date,
                 collectives: frozenset[str] = frozenset(), speech: frozenset[str] = frozenset()) -> None:
        self.doc, self.kb, self.day = doc, kb, day
        self.collectives = collectives
        self.speech = speech
        self.names: dict[int, _Hit] = {}
        self.roles: dict[int, tuple[int, tuple[str, ...], str]] = {}
        self.places: dict[int, _Hit] = {}
        self.people: dict[str, Actor] = {}
        self.mentions: list[_Mention] = []
        self._cache: dict[int, list[Actor]] = {}
        self._name_cover: dict[int, _Hit] = {}
        self._person_span: dict[int, int] = {}
        self._countries_named: set[str] | None = None
        self._person_tokens: dict[int, tuple[int, int]] = {}
        self.sents: list[Span] = list(doc.sents)
        self.sent_index: list[int] = [0] * len(doc)  # token → sentence number, computed once
        for n, sent in enumerate(self.sents):
            for k in range(sent.start, sent.end):
                self.sent_index[k] = n
        self._role_cover: dict[int, int] = {}
        self._scan()
        self._register_people()

    # ---- scanning -------------------------------------------------------------------
    def _scan(self) -> None:
        """One left-to-right pass per table; a prefix set stops each attempt at the first miss."""
        words = [t.text for t in self.doc]
        spaces = [t.whitespace_ for t in self.doc]
        lower = [w.lower() for w in words]
        kb = self.kb
        for i in range(len(words)):
            hit = self._longest(i, words, spaces, kb.names, _prefixes(kb, "names"), dated=True)
            if hit:
                self.names[i] = hit
            place = self._longest(i, words, spaces, kb.places, _prefixes(kb, "places"))
            if place:
                self.places[i] = place
            role = self._longest(i, lower, spaces, kb.roles, _prefixes(kb, "roles"))
            if role:
                roles, kind = role.entries
                self.roles[i] = (role.end, roles, kind)
        for start, hit in self.names.items():
            for k in range(start, hit.end):
                self._name_cover.setdefault(k, hit)
        for start, (end, _roles, _kind) in self.roles.items():
            for k in range(start, end):
                self._role_cover.setdefault(k, start)

    def _longest(self, i: int, words: list[str], spaces: list[str], table: dict, prefixes: frozenset[str],
                 dated: bool = False) -> _Hit | None:
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
                    best = _Hit(i, j + 1, entries)
            j += 1
            if j >= len(words):
                break
            text = text + spaces[j - 1] + words[j]
            if text not in prefixes:
                break
        return best

    def _register_people(self) -> None:
        """Resolve every PERSON entity once, so later surnames and pronouns find it."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            ent = self._full_name(ent)
            name = self._clean_name(ent)
            if not name or name in self.people:
                continue
            actor = self._person_actor(ent, name)
            self.people[name] = actor
            parts = name.split()
            last = parts[-1]
            if last not in self.people or self.people[last].country is None:
                self.people[last] = actor
            if len(parts) == 2 and actor.country:  # "Wang Yi" is later "Wang"
                self.people.setdefault(parts[0], actor)

    def _full_name(self, ent: Span) -> Span:
        """The tagger often stops short ('Amir Khan' of 'Amir Khan Muttaqi'): take the name's head too."""
        end = ent.end
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and self.doc[end - 1].head.i == end \
                and end not in self._name_cover:
            end += 1
        if end != ent.end:
            self._person_span[ent.start] = end
            for k in range(ent.start, end):
                self._person_tokens[k] = (ent.start, end)
        return self.doc[ent.start:end]

    @staticmethod
    def _clean_name(ent: Span) -> str:
        """The name as written ('Lee Jae-myung'), without a possessive or edge punctuation."""
        toks = list(ent)
        while toks and (toks[-1].is_punct or toks[-1].text in ("'s", "’s", "'", "’")):
            toks.pop()
        while toks and toks[0].is_punct:
            toks.pop(0)
        if not toks:
            return ""
        return ent.doc[toks[0].i:toks[-1].i + 1].text.strip()

    def _person_actor(self, ent: Span, name: str) -> Actor:
        entries = [e for e in self.kb.lookup(name, self.day) if e.kind == "person"]
        if not entries:
            # a known person out of office keeps a nationality, not an office
            former = [e for e in self.kb.lookup(name) if e.kind == "person"]
            if len({e.country for e in former}) == 1:
                c = former[0].country
                return Actor(text=name, name=former[0].name, code=c, country=c, roles=[])
        if not entries and " " not in name:
            # a bare surname of a known office holder ("Hegseth") when exactly one is in office;
            # "Irfaan Ali" is not "Abiy Ahmed Ali"
            last = name
            cands = [e for surface, es in self._by_surname().get(last, []) for e in es]
            entries = cands if len({e.country for e in cands}) == 1 else []
        if entries:
            e = entries[0]
            return Actor(text=name, name=e.name, code=actor_code(e.country, e.roles),
                         country=e.country, roles=list(e.roles))
        country, roles = self._context_of(ent)
        return Actor(text=name, name=name, code=actor_code(country, roles), country=country, roles=roles)

    def _by_surname(self) -> dict[str, list[tuple[str, list[Entry]]]]:
        """Known office holders by surname, limited to surnames in this document."""
        index = _surname_index(self.kb)
        words = {t.text for t in self.doc}
        return {k: [(s, [e for e in es if e.valid_on(self.day)]) for s, es in v]
                for k, v in index.items() if k in words}

    def _context_of(self, ent: Span) -> tuple[str | None, list[str]]:
        """Country and roles of an unknown person from titles around the name."""
        head = ent.root
        tokens = set(range(ent.start, ent.end))
        # the noun phrase around the name: compounds/amods before it, and what it is in apposition to
        for t in head.subtree:
            if t.dep_ not in _CUT_DEPS:
                tokens.add(t.i)
        if head.dep_ == "appos":
            top = head.head  # the parser may hang the name on the title's "for …" phrase
            while top.dep_ in ("pobj", "prep") and top.head.i != top.i:
                top = top.head
            tokens.update(t.i for t in top.subtree if t.i < head.i and t.dep_ != "punct")
        for child in head.children:
            if child.dep_ == "appos":
                tokens.update(t.i for t in child.subtree)
        return self._country_roles(sorted(tokens))

    def _country_roles(self, idx: list[int]) -> tuple[str | None, list[str]]:
        country, kind_rank, roles = None, 99, []
        s = set(idx)
        for i in idx:
            hit = self.names.get(i)
            if hit and hit.end - 1 in s:
                for e in hit.entries:
                    if e.kind == "person":
                        continue
                    rank = _KIND_RANK.get(e.kind, 9)
                    if rank < kind_rank:
                        country, kind_rank = e.country, rank
                        if e.roles:
                            roles = list(e.roles)
            r = self.roles.get(i)
            if r and r[0] - 1 in s:
                for role in r[1]:
                    if role not in roles:
                        roles.insert(0, role) if kind_rank > 3 and not roles else roles.append(role)
        if country is None:  # "leaders of the Tigray interim administration": a region's country
            for i in idx:
                place = self.places.get(i)
                e = place.entries[0] if place else None
                if e and place.end - 1 in s and e.country and e.place_kind in ("region", "province", "state"):
                    country = e.country
                    break
        return country, roles

    # ---- resolution -------------------------------------------------------------------
    def resolve(self, token: Token | None, subject: bool = False) -> list[Actor]:
        """Actors for the noun phrase headed by `token`; conjuncts give several."""
        if token is None:
            return []
        if token.i in self._cache:
            return self._cache[token.i]
        heads = [token] + [c for c in token.conjuncts if c.i > token.i]
        out: list[Actor] = []
        for h in heads:
            out.extend(self._resolve_one(h))
        if out:
            person = len(out) == 1 and (any(a.name == out[0].name for a in self.people.values())
                                        or self._titled_name(token))
            if token.pos_ != "PRON":
                bisect.insort(self.mentions, _Mention(token.i, out, subject, person), key=lambda m: m.token)
        self._cache[token.i] = out
        return out

    def _resolve_one(self, tok: Token) -> list[Actor]:
        low = tok.lower_
        if tok.pos_ == "PRON" or low in _HE | _THEY:
            return self.antecedent(tok)
        if tok.ent_type_ == "PERSON" or tok.i in self._person_tokens:
            actor = self._person_at(tok)
            if actor:
                return [self._placed(actor, tok).model_copy(update={"text": self._np_text(tok)})]
        inner = self._collective_member(tok)
        if inner is not None:
            found = self._resolve_one(inner)
            if found:
                return found
        if tok.pos_ == "PROPN" and tok.i not in self._name_cover and \
                (tok.text in self.people or tok.ent_type_ not in ("GPE", "NORP")):
            known = self.people.get(tok.text) or self._office_holder_by_surname(tok.text)
            if known is not None:
                return [known.model_copy(update={"text": self._np_text(tok)})]
        pair = self._pair_anaphor(tok) or self._definite_group(tok)
        if pair:
            return pair
        core = self._core_tokens(tok)
        if not self._has_actor_signal(tok, core):
            return []
        if self._is_locative(tok):
            return []
        idx = self._np_tokens(tok)
        # a person inside the phrase (apposition, "the minister, Rajnath Singh")
        for i in idx:
            t = self.doc[i]
            if t.ent_type_ == "PERSON" and t.i != tok.i and t.dep_ in ("appos", "compound", "pobj", "nsubj"):
                actor = self._person_at(t)
                if actor and actor.country is None:
                    country, roles = self._country_roles(idx)
                    if country:
                        actor = actor.model_copy(update={"country": country, "roles": roles,
                                                         "code": actor_code(country, roles)})
                if actor:
                    return [actor.model_copy(update={"text": self._np_text(tok)})]
        if low in ("country", "nation", "government", "state") and \
                any(c.lower_ in ("his", "her", "the", "its", "their") for c in tok.children) and \
                not self._countries_among(core):
            return self._country_anaphor(tok)
        # several countries in a group phrase: "officials from India and Pakistan"
        grouped = self._group_countries(tok)
        multi = grouped if len(grouped) > 1 else self._conjoined_modifiers(tok)
        country, roles = self._country_roles(idx)
        if len(multi) > 1:
            roles = roles or [_SEAT_ROLE]
            return [Actor(text=self._np_text(tok), name=self.kb.countries.get(c, c), code=actor_code(c, roles),
                          country=c, roles=list(roles)) for c in multi]
        if country is None:
            country = self._possessive_country(tok)
        if country is None:
            pair = self._embedded_pair(idx)
            if pair:
                return [a.model_copy(update={"text": self._np_text(tok), "roles": roles or a.roles,
                                             "code": actor_code(a.country, roles or a.roles)}) for a in pair]
        if country is None and not roles:
            return []
        if country is None and roles and roles[0] in _STATE_ROLES and self._bare_organ(tok):
            # "the foreign ministry said in a statement from Port Sudan": whose ministry
            sent = self.sent_of(tok)
            here = self.location_in(list(range(sent.start, sent.end)))
            country = self.context_country(tok, same_sentence=True) or (here.country if here else None) \
                or self.context_country(tok)
        name = self._entry_name(idx) or self._np_text(tok)
        return [Actor(text=self._np_text(tok), name=name, code=actor_code(country, roles),
                      country=country, roles=roles)]

    def _office_holder_by_surname(self, surname: str) -> Actor | None:
        """'Modi' alone, untagged by the parser: the one office holder in office with that surname."""
        cands = [e for _s, es in self._by_surname().get(surname, []) for e in es]
        if not cands:  # known, but not in office that day: a nationality without an office
            former = [e for _s, es in _surname_index(self.kb).get(surname, []) for e in es]
            if len({e.country for e in former}) != 1 or len({e.name for e in former}) != 1:
                return None
            e = former[0]
            actor = Actor(text=surname, name=e.name, code=e.country, country=e.country, roles=[])
            self.people[surname] = actor
            return actor
        if len({(e.name, e.country) for e in cands}) != 1:
            return None
        e = cands[0]
        actor = Actor(text=surname, name=e.name, code=actor_code(e.country, e.roles), country=e.country,
                      roles=list(e.roles))
        self.people[surname] = actor
        return actor

    def _collective_member(self, tok: Token) -> Token | None:
        """'a group of Moroccan diplomats' → 'diplomats'."""
        if tok.lemma_.lower() not in self.collectives and tok.lower_ not in self.collectives:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    def _titled_name(self, tok: Token) -> bool:
        """'Serbian President Aleksandar Vučić' is a person even when the tagger misses the name."""
        if tok.pos_ != "PROPN" or tok.i in self._name_cover:
            return False
        return any(self.roles.get(self._role_cover.get(c.i, -1), (0, (), ""))[2] == "title"
                   for c in tok.subtree if c.i != tok.i)

    def _bare_organ(self, tok: Token) -> bool:
        """A definite state organ with no named holder: 'the foreign ministry', 'a spokesman for the army'."""
        return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.i in self._role_cover

    def context_country(self, tok: Token, same_sentence: bool = False) -> str | None:
        """The country the text is talking about just before `tok`: the nearest earlier subject with one,
        in the same sentence or within the two previous ones."""
        here = self.sent_index[tok.i]
        for m in reversed(self.mentions):
            if m.token >= tok.i or not m.subject:
                continue
            if self.sent_index[m.token] < (here if same_sentence else here - 2):
                break
            c = next((a.country for a in m.actors if a.country), None)
            if c and len(m.actors) == 1:
                return c
        return None

    def _placed(self, actor: Actor, tok: Token) -> Actor:
        """An official with a title but no stated country ('Prime Minister Albin Kurti') serves the
        country the text is about; the choice is remembered for the rest of the article."""
        if actor.country or not any(r in _STATE_ROLES for r in actor.roles):
            return actor
        country = self.context_country(tok)
        if country is None:
            return actor
        placed = actor.model_copy(update={"country": country, "code": actor_code(country, actor.roles)})
        for key, value in list(self.people.items()):
            if value.name == actor.name:
                self.people[key] = placed
        return placed

    def _person_at(self, tok: Token) -> Actor | None:
        if tok.i in self._person_tokens:
            a, b = self._person_tokens[tok.i]
            ent = self.doc[a:b]
        else:
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
        if ent is None:
            return None
        name = self._clean_name(ent)
        return self.people.get(name) or self.people.get(name.split()[-1])

    def _core_tokens(self, tok: Token) -> list[int]:
        """The head noun and its modifiers before it: 'Pakistan's military spokesman'."""
        out = [tok.i]
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "nummod", "det", "appos") or \
                    (c.dep_ == "prep" and c.lower_ in ("of", "from") and tok.i in self._role_cover):
                out.extend(t.i for t in c.subtree)
        return sorted(out)

    def _has_actor_signal(self, tok: Token, core: list[int]) -> bool:
        if tok.i in self._name_cover or tok.i in self._role_cover:
            return True
        if tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            return True
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            return True  # "its posts": whatever the pronoun stands for
        return any(i in self._name_cover or i in self._role_cover
                   for i in core if self.doc[i].dep_ in ("poss", "compound", "amod", "nmod"))

    def _is_locative(self, tok: Token) -> bool:
        """'in Doha', 'at the Kremlin gates': a place named as where, not who."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in _LOCATIVE:
            return False
        hit = self._name_cover.get(tok.i)
        return hit is not None and all(e.kind in ("capital", "country") for e in hit.entries) and \
            not any(self.doc[i].i in self._role_cover for i in self._core_tokens(tok))

    def _countries_among(self, idx: list[int]) -> list[str]:
        return self.countries_in(idx)

    def _possessive_country(self, tok: Token) -> str | None:
        """'India attacked its posts': 'its' is not the clause's own subject unless it says 'own'."""
        verb = tok.head
        own_subject = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")} \
            if tok.dep_ in ("dobj", "pobj") and not any(c.lower_ == "own" for c in tok.children) else set()
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her"):
                ante = self.antecedent(c, exclude=own_subject)
                if ante and ante[0].country:
                    return ante[0].country
        return None

    def _pair_anaphor(self, tok: Token) -> list[Actor]:
        """'the two ministers', 'both sides': the last pair named together, else the last two parties."""
        if tok.tag_ not in ("NNS", "NNPS"):
            return []
        kids = {c.lower_ for c in tok.children}
        if not ("both" in kids or "two" in kids and kids & {"the", "these", "those"}):
            return []  # "two soldiers" counts, it does not refer back
        here = self.sent_index[tok.i]
        for m in reversed(self.mentions):
            if m.subject and self.sent_index[m.token] == here:
                continue  # "Qatar and Turkey urged both sides": the sides are others
            if m.token < tok.i and len(m.actors) == 2 and len({a.country for a in m.actors if a.country}) == 2:
                return list(m.actors)
        seen: list[Actor] = []
        for m in reversed(self.mentions):
            if m.token >= tok.i:
                continue
            for a in m.actors:
                if a.country and all(a.country != b.country for b in seen):
                    seen.append(a)
            if len(seen) >= 2:
                break
        return list(reversed(seen[:2])) if len(seen) >= 2 else self.last_two_people(tok.i)

    def _embedded_pair(self, idx: list[int]) -> list[Actor]:
        """'the directors of military operations of the two armies' → the two armies' countries."""
        for i in idx:
            t = self.doc[i]
            if t.i != idx[0] and t.dep_ == "pobj":
                pair = self._pair_anaphor(t)
                if pair:
                    return pair
        return []

    def sent_of(self, tok: Token) -> Span:
        """The token's sentence (spaCy recomputes `Token.sent` on every access)."""
        return self.sents[self.sent_index[tok.i]]

    def _definite_group(self, tok: Token) -> list[Actor]:
        """'the group', 'the rebels': the last non-state armed actor; 'the bloc': the last IGO."""
        if not any(d.lower_ == "the" for d in tok.children):
            return []
        lemma = tok.lemma_.lower()
        wanted = _ARMED_ROLES if lemma in _GROUP_NOUNS else _IGO_ROLES if lemma in _BODY_NOUNS else None
        if wanted is None:
            return []
        for m in reversed(self.mentions):
            if m.token < tok.i and any(r in wanted for a in m.actors for r in a.roles):
                return list(m.actors)
        return []

    def _role_term(self, tok: Token) -> str:
        start = self._role_cover.get(tok.i)
        if start is None:
            return ""
        end = self.roles[start][0]
        return self.doc[start:end].text.lower()

    def _is_country_name(self, idx: list[int]) -> bool:
        return any(e.kind in ("country",) for i in idx if i in self.names for e in self.names[i].entries)

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

    def _conjoined_modifiers(self, tok: Token) -> list[str]:
        """'Thai and Cambodian troops', 'Egyptian and Sudanese officials'."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and any(True for _ in c.conjuncts):
                for m in [c, *c.conjuncts]:
                    hit = self._name_cover.get(m.i)
                    country = next((e.country for e in hit.entries if e.kind != "person"), None) if hit else None
                    if country and country not in out:
                        out.append(country)
        return out if len(out) > 1 else []

    def _group_countries(self, tok: Token) -> list[str]:
        out: list[str] = []
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for h in [pobj, *pobj.conjuncts]:
                        for t in h.subtree:
                            hit = self.names.get(t.i)
                            if hit:
                                c = next((e.country for e in hit.entries if e.kind != "person"), None)
                                if c and c not in out:
                                    out.append(c)
        return out

    def _np_tokens(self, tok: Token) -> list[int]:
        out: list[int] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            out.append(t.i)
            for c in t.children:
                if c.dep_ in _CUT_DEPS:
                    continue
                if c.dep_ == "prep" and c.lower_ not in _GROUP_PREPS:
                    continue
                stack.append(c)
        return sorted(out)

    def _np_text(self, tok: Token) -> str:
        idx = self._np_tokens(tok)
        lo, hi = idx[0], idx[-1]
        if self.doc[lo].dep_ == "det" and self.doc[lo].lower_ in ("the", "a", "an"):
            lo += 1
        return self.doc[lo:hi + 1].text if lo <= hi else tok.text

    def subject_of(self, verb: Token) -> list[Actor]:
        """Who does what a verb says: its subject, the passive agent, or the subject it shares."""
        v, seen = self._reattach_report(verb), set()
        while v.i not in seen:
            seen.add(v.i)
            for c in v.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return self.resolve(objs[0], subject=True)
            for c in v.children:
                if c.dep_ in ("nsubj", "csubj"):
                    if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":  # "Qatar, which brokered …"
                        return self.resolve(v.head, subject=True)
                    return self.resolve(c, subject=True)
            if any(c.dep_ == "nsubjpass" for c in v.children):
                return self._nominal_agent(v)
            if v.dep_ == "relcl":
                return self.resolve(v.head, subject=True)
            if v.dep_ in _SHARED_SUBJECT and v.head.i != v.i:
                v = v.head
                continue
            break
        return self.according_to(verb)

    def _nominal_agent(self, verb: Token) -> list[Actor]:
        """'an attack by TTP fighters … in which eight soldiers were killed': the attack's author."""
        if verb.dep_ != "relcl":
            return []
        for c in verb.head.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self.resolve(obj, subject=True)
        return []

    def _reattach_report(self, verb: Token) -> Token:
        """'X said that Y struck a school, and warned that …': the parser often hangs 'warned' on
        'struck'; a verb of saying conjoined inside a report belongs to the outer reporter."""
        if verb.dep_ != "conj" or verb.lemma_.lower() not in self.speech \
                or verb.head.lemma_.lower() in self.speech or any(c.dep_.startswith("nsubj") for c in verb.children):
            return verb
        t = verb.head
        for _ in range(8):
            if t.head.i == t.i:
                return verb
            t = t.head
            if t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX"):
                return t
        return verb

    def according_to(self, tok: Token) -> list[Actor]:
        """The source named by 'according to X' in the token's sentence."""
        for t in self.sent_of(tok):
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                objs = [g for g in self.doc[t.i + 1].children if g.dep_ == "pobj"]
                if objs:
                    return self.resolve(objs[0])
        return []

    # ---- coreference ------------------------------------------------------------------
    def antecedent(self, tok: Token, exclude: set[int] | frozenset[int] = frozenset()) -> list[Actor]:
        """The actor a pronoun refers to: the nearest earlier mention of the right kind."""
        low = tok.lower_
        want_person = low in _HE
        want_group = low in _THEY
        if not (want_person or want_group or low in ("it", "its")):
            return []
        sent_start = self.sent_of(tok).start
        best: list[Actor] | None = None
        # same sentence first, nearest before the pronoun
        for m in reversed(self.mentions):
            if m.token >= tok.i or m.token in exclude:
                continue
            if m.token < sent_start:
                break
            if self._fits(m, want_person, want_group):
                return m.actors
        # earlier sentences: prefer the latest sentence, its subject first
        last_sent = None
        for m in reversed(self.mentions):
            if m.token >= sent_start or not self._fits(m, want_person, want_group):
                continue
            s = self.sent_index[m.token]
            if last_sent is None:
                last_sent, best = s, m.actors
                if m.subject:
                    return m.actors
            elif s == last_sent and m.subject:
                return m.actors
            elif s != last_sent:
                break
        return best or []

    @staticmethod
    def _fits(m: _Mention, person: bool, group: bool) -> bool:
        if person:
            return m.person
        if group:
            return len(m.actors) > 1 or not m.person
        return len(m.actors) == 1 and not m.person

    def _country_anaphor(self, tok: Token) -> list[Actor]:
        """'his country', 'the country': the country of the nearest earlier actor."""
        for m in reversed(self.mentions):
            if m.token < tok.i and m.actors[0].country:
                c = m.actors[0].country
                return [Actor(text=self._np_text(tok), name=self.kb.countries.get(c, c),
                              code=c, country=c, roles=[])]
        return []

    def last_two_people(self, before: int) -> list[Actor]:
        seen: list[Actor] = []
        for m in reversed(self.mentions):
            if m.token < before and m.person:
                if all(a.name != m.actors[0].name for a in seen):
                    seen.append(m.actors[0])
            if len(seen) == 2:
                break
        return seen if len(seen) == 2 else []

    def prepass(self) -> None:
        """Resolve every argument noun phrase in document order, so pronouns find antecedents."""
        for tok in self.doc:
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "attr") \
                    and tok.pos_ in ("NOUN", "PROPN", "PRON"):
                self.resolve(tok, subject=tok.dep_.startswith("nsubj"))

    # ---- places -----------------------------------------------------------------------
    def location_in(self, idx: list[int]) -> Location | None:
        """The most specific known place among the given tokens."""
        best: Entry | None = None
        best_name = ""
        for i in idx:
            hit = self.places.get(i)
            if hit is None:
                continue
            e = self._likely_entry(hit.entries)
            if e is None:
                continue
            if best is None or _place_rank(e) < _place_rank(best):
                best, best_name = e, e.name
        if best is None:
            return None
        return Location(name=best_name, country=best.country, lat=best.lat, lon=best.lon, kind=best.place_kind)

    def _likely_entry(self, entries: list[Entry]) -> Entry | None:
        """Of places sharing a name, the one in a country the article names; a town in a country
        the article never mentions is more likely a namesake than the place meant."""
        named = self._doc_countries()
        for e in entries:
            if e.country in named:
                return e
        capital = next((e for e in entries if e.place_kind in ("capital", "disputed", "sea", "strait")
                        or e.country is None), None)
        return capital

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


def _surname_index(kb: KnowledgeBase) -> dict[str, list[tuple[str, list[Entry]]]]:
    """Surname → known people, computed once per knowledge base."""
    cache = kb.__dict__.get("_surnames")
    if cache is None:
        cache = {}
        for surface, entries in kb.names.items():
            people = [e for e in entries if e.kind == "person"]
            if people and " " in surface:
                last = surface.split()[-1]
                cache.setdefault(last, []).append((surface, people))
                for prefix in ("al-", "el-", "Al-", "El-"):  # "al-Burhan" is also "Burhan"
                    if last.startswith(prefix) and len(last) > len(prefix) + 2:
                        cache.setdefault(last[len(prefix):], []).append((surface, people))
        kb.__dict__["_surnames"] = cache
    return cache


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
