"""Actor resolution: noun phrases and pronouns → country + role, using the knowledge base.

One `ActorIndex` is built per parsed document. It scans the document once for dictionary
matches (names, demonyms, capitals, institutions, role words, places), registers the people it
meets so that "Hegseth" and later "he" resolve to the person named earlier, and resolves any
noun phrase head to zero or more `Actor`s ("India and Pakistan" gives two). People are
registered in `people`, pronouns and anaphors resolved in `coref`, places found in `places`.
"""
from __future__ import annotations

import bisect
import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.base import (CUT_DEPS, GROUP_PRONOUNS, PERSON_PRONOUNS, STATE_ROLES,
                                        Mention, NameHit, actor_code, first_person)
from tidings.extract.actors.coref import Coreference
from tidings.extract.actors.people import PersonRegistry
from tidings.extract.actors.peoples import People, home_country, load_peoples
from tidings.extract.actors.places import PlaceFinder
from tidings.extract.kb.knowledge import Entry, KnowledgeBase
from tidings.models import Actor

__all__ = ["ActorIndex", "actor_code"]  # `actor_code` lives in actor_base; callers import it from here

_GROUP_PREPS = {"of", "from", "in", "for"}
# "in Doha" names where; "to Beijing", "from Lebanon" name whom (a visit's host, a withdrawal's target)
_MASS_ORGANS = {"police", "force", "troop", "army", "military", "authority", "government", "soldier",
                "guard", "official", "ministry", "navy", "protester", "demonstrator", "leader", "union",
                "opposition", "resident", "villager", "farmer", "worker", "student", "rebel", "militant",
                "gunman", "insurgent", "fighter", "jihadist", "separatist"}
_ARMED_LOCALS = {"REB", "INS", "SEP"}
_UNKNOWN_ARMED = {"UAF"}  # "gunmen": unidentified armed forces, side unknown
_UNKNOWN_WORDS = {"unidentified", "unknown", "masked", "unnamed"}
_DOMESTIC_GROUPS = {"CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "MED"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "within", "throughout"}
_KIND_RANK = {"person": 0, "igo": 1, "institution": 2, "group": 3, "country": 4, "capital": 5, "demonym": 6}
_SEAT_ROLE = "GOV"
# entity types a bare surname never has: "respond by May", "Meta", "Fox News"
_NOT_A_NAME = {"DATE", "TIME", "ORG", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART",
               "LAW", "PRODUCT", "EVENT", "FAC", "LANGUAGE"}
# "X said Guyana would hold drills, calling the plan a provocation": the reporter calls it so
_JUDGING = {"call", "describe", "term", "brand", "label", "accuse", "blame", "condemn", "criticize", "criticise",
            "denounce", "say", "warn", "add", "insist", "stress"}
_TIME_MARKS = {"after", "before", "since", "until", "when", "while", "as", "once"}
_SHARED_SUBJECT = ("conj", "advcl", "xcomp", "acl", "pcomp", "acomp")


class ActorIndex(PersonRegistry, Coreference, PlaceFinder):
    """Dictionary matches and coreference state for one document."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date,
                 collectives: frozenset[str] = frozenset(), speech: frozenset[str] = frozenset()) -> None:
        self.doc, self.kb, self.day = doc, kb, day
        self.collectives = collectives
        self.speech = speech
        self.names: dict[int, NameHit] = {}
        self.roles: dict[int, tuple[int, tuple[str, ...], str]] = {}
        self.places: dict[int, NameHit] = {}
        self.people: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self._cache: dict[int, list[Actor]] = {}
        self._speakers: list[tuple[int, int, Actor]] = []
        self._surnames_here: dict[str, list[tuple[str, list[Entry]]]] | None = None  # see people._by_surname
        self._place_countries_seen: set[str] | None = None  # see places._place_countries
        self._name_cover: dict[int, NameHit] = {}
        self._person_span: dict[int, int] = {}
        self._countries_named: set[str] | None = None
        self._main: str | None = None
        self._person_tokens: dict[int, tuple[int, int]] = {}
        self.sents: list[Span] = list(doc.sents)
        self.sent_index: list[int] = [0] * len(doc)  # token → sentence number, computed once
        for n, sent in enumerate(self.sents):
            for k in range(sent.start, sent.end):
                self.sent_index[k] = n
        self._role_cover: dict[int, int] = {}
        self.peoples: dict[int, People] = {}  # "Kurdish", "Baloch": a people living inside states
        self._scan()
        self._register_people()

    # ---- scanning -------------------------------------------------------------------
    def _scan(self) -> None:
        """One left-to-right pass per table; a prefix set stops each attempt at the first miss."""
        words, spaces, lemmas = [], [], []
        for t in self.doc:  # one pass: every Token object spaCy builds costs time
            words.append(t.text)
            spaces.append(t.whitespace_)
            lemmas.append(t.lemma_.lower())  # "foreign ministers" is a "foreign minister"
        lower = [w.lower() for w in words]
        self.words = words
        kb = self.kb
        for i in range(len(words)):
            hit = self._longest(i, words, spaces, kb.names, _prefixes(kb, "names"), dated=True)
            if hit and not self._inside_longer_name(i, hit):
                self.names[i] = hit
            place = self._longest(i, words, spaces, kb.places, _prefixes(kb, "places"))
            if place:
                self.places[i] = place
            role = self._longest(i, lower, spaces, kb.roles, _prefixes(kb, "roles")) \
                or self._longest(i, lemmas, spaces, kb.roles, _prefixes(kb, "roles"))
            if role:
                roles, kind = role.entries
                self.roles[i] = (role.end, roles, kind)
        peoples = load_peoples()
        self.peoples = {i: peoples[w] for i, w in enumerate(words) if w in peoples and i not in self.names}
        for start, hit in self.names.items():
            for k in range(start, hit.end):
                self._name_cover.setdefault(k, hit)
        for start, (end, _roles, _kind) in self.roles.items():
            for k in range(start, end):
                self._role_cover.setdefault(k, start)

    def _inside_longer_name(self, i: int, hit: NameHit) -> bool:
        """'Praia' in 'Mocímboa da Praia' is not Cape Verde's capital: a capital or country word
        that ends a longer proper name ('X da Praia', 'Port Sudan' is its own entry) is skipped."""
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
        for i in idx:
            hit = self.names.get(i)
            if hit and hit.end - 1 in s:
                for e in hit.entries:
                    if e.kind == "person":
                        continue
                    rank = _KIND_RANK.get(e.kind, 9)
                    if rank < kind_rank:
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
            people = next((self.peoples[i] for i in idx if i in self.peoples), None)
            if people is not None:
                sent = self.sents[self.sent_index[idx[0]]]
                here = {e.country for k in range(sent.start, sent.end) if k in self.places
                        for e in self.places[k].entries}  # a namesake elsewhere is not among its countries
                country = home_country(people, here, self._doc_countries() | self._place_countries())
        if country is None:  # "leaders of the Tigray interim administration": a region's country
            for i in idx:
                place = self.places.get(i)
                e = place.entries[0] if place else None
                if e and place.end - 1 in s and e.country and e.place_kind in ("region", "province", "state"):
                    country = e.country
                    break
        return country, roles

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
                bisect.insort(self.mentions, Mention(token.i, out, subject, person), key=lambda m: m.token)
        self._cache[token.i] = out
        return out

    def _resolve_one(self, tok: Token) -> list[Actor]:
        referred = self._resolve_reference(tok)
        if referred is not None:
            return referred
        core = self._core_tokens(tok)
        if not self._has_actor_signal(tok, core):
            return []
        if self._is_locative(tok):
            return []
        idx = self._np_tokens(tok)
        named = self._person_in_phrase(tok, idx)
        if named:
            return named
        return self._resolve_phrase(tok, core, idx)

    def _resolve_reference(self, tok: Token) -> list[Actor] | None:
        """Pronouns, registered people, 'a group of …', bare surnames and pair or group anaphors;
        None when the phrase has to be read from its own words."""
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS or first_person(tok):
            return self.antecedent(tok)
        if tok.ent_type_ == "PERSON" or tok.i in self._person_tokens:
            actor = self._person_at(tok)
            if actor:
                return [self.place(actor, tok).model_copy(update={"text": self.np_text(tok)})]
        inner = self._collective_member(tok)
        if inner is not None:
            found = self._resolve_one(inner)
            if found:
                return found
        if tok.i not in self._name_cover and tok.i not in self.places and (
                tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.text in self.people)):
            # a surname, whatever the tagger calls it ("Burhan" tagged as a place, "Starmer" as a noun);
            # one never named in this article is looked up only if the tagger did not call it a
            # date or an organisation ("respond by May", "Meta")
            known = self.people.get(tok.text) or (
                self._office_holder_by_surname(tok.text) if tok.ent_type_ not in _NOT_A_NAME else None)
            if known is not None:
                return [known.model_copy(update={"text": self.np_text(tok)})]
        pair = self._pair_anaphor(tok) or self._definite_group(tok) or self._title_anaphor(tok) \
            or self._organ_anaphor(tok) or self._statement_author(tok)
        if pair:
            return pair
        if low in ("country", "nation", "government", "state") and \
                any(c.lower_ in ("his", "her", "the", "its", "their") for c in tok.children) and \
                not self.countries_in(self._core_tokens(tok)):
            return self._country_anaphor(tok)  # "said the country rejects …": the speaker's
        return None

    def _person_in_phrase(self, tok: Token, idx: list[int]) -> list[Actor]:
        """A person inside the phrase (apposition, "the minister, Rajnath Singh")."""
        for i in idx:
            t = self.doc[i]
            if t.ent_type_ == "PERSON" and t.i != tok.i and t.dep_ in ("appos", "compound", "pobj", "nsubj") \
                    and t.i not in self._role_cover:  # "Riot police": the tagger's person is a role word
                actor = self._person_at(t)
                if actor and actor.country is None:
                    country, roles = self._country_roles(idx)
                    if country:
                        actor = actor.model_copy(update={"country": country, "roles": roles,
                                                         "code": actor_code(country, roles)})
                if actor:
                    return [actor.model_copy(update={"text": self.np_text(tok)})]
        return []

    def _resolve_phrase(self, tok: Token, core: list[int], idx: list[int]) -> list[Actor]:
        """Country and roles from the phrase's words: 'his country', 'officials from India and
        Pakistan', 'Thai and Cambodian troops', 'its army', 'the foreign ministry'."""
        # several countries in a group phrase: "officials from India and Pakistan"
        grouped = self._group_countries(tok)
        multi = grouped if len(grouped) > 1 else self._conjoined_modifiers(tok)
        # the words before the head ("the Turkish ambassador in Baghdad") outrank its phrases
        country, roles = self._country_roles(core)
        if country is None:
            country, roles = self._country_roles(idx)
        if len(multi) > 1:
            roles = roles or [_SEAT_ROLE]
            return [Actor(text=self.np_text(tok), name=self.kb.countries.get(c, c), code=actor_code(c, roles),
                          country=c, roles=list(roles)) for c in multi]
        if country is None:
            country = self._possessive_country(tok)
        if country is None:
            pair = self._embedded_pair(idx)
            if pair:
                return [a.model_copy(update={"text": self.np_text(tok), "roles": roles or a.roles,
                                             "code": actor_code(a.country, roles or a.roles)}) for a in pair]
        if country is None and not roles:
            return []
        if country is None and roles and (roles[0] in STATE_ROLES or roles[0] in _DOMESTIC_GROUPS
                                          or roles[0] in _ARMED_LOCALS) and self._bare_organ(tok):
            country = self._organ_country(tok, roles[0])
        name = self._entry_name(idx) or self.np_text(tok)
        return [Actor(text=self.np_text(tok), name=name, code=actor_code(country, roles),
                      country=country, roles=roles)]

    def _organ_country(self, tok: Token, role: str) -> str | None:
        """Whose unnamed organ, crowd or armed group this is (docs/coding_actors.md).

        State organs ("the foreign ministry said in a statement from Port Sudan") serve the
        country the text is about. Police and crowds are local: the country where they act.
        Rebels, insurgents and separatists with no name are domestic insurgents of the country
        they fight in: the place the sentence names, else the article's main country, else the
        country the text has just been about. Unidentified attackers ("gunmen",
        "unidentified militants") get no country: their side is unknown until the text ties
        them to a state or a group."""
        if role in _UNKNOWN_ARMED or any(c.lower_ in _UNKNOWN_WORDS for c in tok.children):
            return None
        sent = self.sent_of(tok)
        here = self.location_in(list(range(sent.start, sent.end)))
        if role in _ARMED_LOCALS:
            return (here.country if here else None) or self.main_country() or self.context_country(tok)
        local = role == "COP" or role in _DOMESTIC_GROUPS
        return self.context_country(tok, same_sentence=True) or (here.country if here else None) \
            or (self.main_country() if local else None) or self.context_country(tok)

    def _collective_member(self, tok: Token) -> Token | None:
        """'a group of Moroccan diplomats' → 'diplomats'."""
        if tok.lemma_.lower() not in self.collectives and tok.lower_ not in self.collectives:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    def _bare_organ(self, tok: Token) -> bool:
        """A definite state organ with no named holder: 'the foreign ministry', 'the army' — not 'one soldier'."""
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in tok.children) \
            or any(p.dep_ == "prep" and p.lower_ in ("for", "of") and any(  # "a spokesman for the ministry"
                d.lower_ == "the" for o in p.children for d in o.children) for p in tok.children)
        # "police arrested …", "security forces detained …": a bare plural or mass organ, not "two soldiers"
        bare = not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children) and \
            tok.lemma_.lower() in _MASS_ORGANS
        return (definite or bare) and (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.i in self._role_cover)

    def is_demonym(self, tok: Token) -> bool:
        """Whether the token is a people's name ('Albanians', 'Kurds'), not a state's."""
        hit = self._name_cover.get(tok.i)
        return hit is not None and any(e.kind == "demonym" for e in hit.entries)

    def _core_tokens(self, tok: Token) -> list[int]:
        """The head noun and its modifiers before it: 'Pakistan's military spokesman'."""
        out = [tok.i]
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "nummod", "det", "appos") or \
                    (c.dep_ == "prep" and c.lower_ in ("of", "from") and tok.i in self._role_cover):
                out.extend(t.i for t in c.subtree)
        return sorted(out)

    def _has_actor_signal(self, tok: Token, core: list[int]) -> bool:
        if tok.i in self._name_cover or tok.i in self._role_cover or any(i in self.peoples for i in core):
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

    def sent_of(self, tok: Token) -> Span:
        """The token's sentence (spaCy recomputes `Token.sent` on every access)."""
        return self.sents[self.sent_index[tok.i]]

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
                if c.dep_ in CUT_DEPS:
                    continue
                if c.dep_ == "prep" and c.lower_ not in _GROUP_PREPS:
                    continue
                stack.append(c)
        return sorted(out)

    def np_text(self, tok: Token) -> str:
        """The noun phrase headed by `tok`, as written."""
        idx = self._np_tokens(tok)
        lo, hi = idx[0], idx[-1]
        if self.doc[lo].dep_ == "det" and self.doc[lo].lower_ in ("the", "a", "an"):
            lo += 1
        return self.doc[lo:hi + 1].text if lo <= hi else tok.text

    def subject_of(self, verb: Token) -> list[Actor]:
        """Who does what a verb says: its subject, the passive agent, or the subject it shares."""
        quoted = self._quoted_speaker(verb)
        if quoted is not None:
            return quoted
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
                    return self.resolve(c, subject=True) or self._launched_by(c)
            if any(c.dep_ == "nsubjpass" for c in v.children):
                return self._nominal_agent(v)
            if v.dep_ == "relcl":
                return self.resolve(v.head, subject=True)
            if v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj") and v.head.head.pos_ in ("VERB", "ADP"):
                # "issued a declaration demanding that …": whoever issued it demands
                v = v.head.head if v.head.dep_ == "dobj" else v.head.head.head
                continue
            if v.dep_ == "advcl" and v.tag_ in ("VBD", "VBZ", "VBP") and any(
                    c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in v.children):
                break  # "… days after a strike killed 20 children": a finite clause of its own
            if v.dep_ in _SHARED_SUBJECT and v.head.i != v.i:
                v = v.head
                if v.dep_ == "prep" and v.head.i != v.i:  # "responded by expelling": the responder
                    v = v.head
                continue
            break
        return self.according_to(verb)

    def _quoted_speaker(self, verb: Token) -> list[Actor] | None:
        """'IRNA quoted the minister as saying …', 'the minister was quoted as saying by a
        statement …': the words are the minister's, whoever relays them. None when the verb is
        not part of a 'quote … as saying' construction."""
        quote = verb
        if verb.lemma_.lower() in ("say", "tell") and verb.head.lower_ == "as" and verb.head.head.i != verb.head.i:
            quote = verb.head.head
        if quote.lemma_.lower() != "quote" or not any(
                c.lower_ == "as" and any(g.lemma_.lower() in ("say", "tell") for g in c.children)
                for c in quote.children):
            return None
        who = next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return self.resolve(who, subject=True) if who is not None else None

    def _launched_by(self, subj: Token) -> list[Actor]:
        """'Drones launched by the RSF struck …': whoever launched the weapon."""
        for acl in subj.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN":
                for agent in acl.children:
                    if agent.dep_ == "agent":
                        obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                        if obj is not None:
                            return self.resolve(obj, subject=True)
        return []

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
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _JUDGING
        if not (verb.dep_ == "conj" and verb.lemma_.lower() in self.speech or participle) \
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

    def prepass(self) -> None:
        """Resolve every argument noun phrase in document order, so pronouns find antecedents."""
        for tok in self.doc:
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "attr") \
                    and tok.pos_ in ("NOUN", "PROPN", "PRON"):
                self.resolve(tok, subject=tok.dep_.startswith("nsubj"))


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
