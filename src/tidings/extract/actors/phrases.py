"""Noun phrases to actors: the phrase's own words, a person named in it, or what it refers to.

A mixin for `actors.ActorIndex`. `resolve` gives the actors of the phrase headed by a token
("India and Pakistan" gives two), caching each head and keeping every resolved phrase as a
`Mention` for coreference. A phrase is read, in order, as a reference (pronoun, registered
person, surname, anaphor), a person inside it ("the minister, Rajnath Singh"), or its words:
countries and roles from the scan tables, conjoined modifiers and group phrases, and for an
unnamed state organ, crowd or armed group the country it belongs to. Owns `np_text`.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from tidings.extract.actors.base import (CUT_DEPS, GROUP_PRONOUNS, PERSON_PRONOUNS, STATE_ROLES, Mention,
                                        NameHit, actor_code, first_person)
from tidings.extract.actors.peoples import People
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.models import Actor

_REFERRING_PRONOUNS = frozenset(PERSON_PRONOUNS | GROUP_PRONOUNS)  # built once, not per phrase

_GROUP_PREPS = {"of", "from", "in", "for"}
# "in Doha" names where; "to Beijing", "from Lebanon" name whom (a visit's host, a withdrawal's target)
_MASS_ORGANS = {"police", "force", "troop", "officer", "gendarme", "trooper", "sailor", "marine", "commando", "army", "military", "authority", "government", "soldier",
                "guard", "official", "ministry", "navy", "protester", "demonstrator", "leader", "union",
                "opposition", "resident", "villager", "farmer", "worker", "student", "rebel", "militant",
                "gunman", "insurgent", "fighter", "jihadist", "separatist"}
_ARMED_LOCALS = {"REB", "INS", "SEP"}
_SPONSORING = frozenset({"back", "support", "sponsor", "fund", "arm", "train", "finance"})
_LISTED_GROUPS = frozenset({"country", "state", "nation", "government", "ally", "power", "donor", "neighbour",
                            "neighbor", "member", "partner", "embassy"})
_PARTY_WORDS = frozenset({"Party", "Congress", "League", "Movement"})  # heads of party names
_UNKNOWN_ARMED = {"UAF"}  # "gunmen": unidentified armed forces, side unknown
_UNKNOWN_WORDS = {"unidentified", "unknown", "masked", "unnamed"}
_DOMESTIC_GROUPS = {"CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "MED"}
# verbs whose "at" names whom they aim at, not where
_AIMING = frozenset({"fire", "shoot", "aim", "lash", "hit", "swipe", "jab", "snap", "rail", "scoff", "lob", "hurl"})
_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "within", "throughout"}
_SEAT_ROLE = "GOV"
# entity types a bare surname never has: "respond by May", "Meta", "Fox News"
_NOT_A_NAME = {"DATE", "TIME", "ORG", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART",
               "LAW", "PRODUCT", "EVENT", "FAC", "LANGUAGE"}


class PhraseResolver:
    """Noun phrase → actors for `ActorIndex`."""

    kids: list[list[Token]]  # children by token index, built once by ActorIndex
    doc: Doc
    kb: KnowledgeBase
    collectives: frozenset[str]
    names: dict[int, NameHit]
    places: dict[int, NameHit]
    peoples: dict[int, People]
    people: dict[str, Actor]
    mentions: list[Mention]
    _cache: dict[int, list[Actor]]
    _name_cover: dict[int, NameHit]
    _role_cover: dict[int, int]
    _person_tokens: dict[int, tuple[int, int]]

    def _office_noun(self, token: Token) -> bool:
        """'Pakistan's interior minister said he …': one holder of an office named by its title is a
        person a later 'he' or 'she' can refer to."""
        return token.pos_ == "NOUN" and token.tag_ == "NN" and not token.conjuncts and token.head.lower_ != "as" \
            and self.roles.get(self._role_cover.get(token.i, -1), (0, (), ""))[2] == "title"

    def resolve(self, token: Token | None, subject: bool = False) -> list[Actor]:
        """Actors for the noun phrase headed by `token`; conjuncts give several."""
        if token is None:
            return []
        if token.i in self._cache:
            return self._cache[token.i]
        heads = [token] + [c for c in token.conjuncts if c.i > token.i] + self._listed_as_apposition(token)
        out: list[Actor] = []
        for h in heads:
            out.extend(self._resolve_one(h))
        if out and token.dep_ in ("nsubj", "nsubjpass"):
            out.extend(self._tangled_partners(token, out))
        if out:
            person = len(out) == 1 and (any(a.name == out[0].name for a in self.people.values())
                                        or self._titled_name(token) or self._office_noun(token))
            if token.pos_ != "PRON":
                bisect.insort(self.mentions, Mention(token.i, out, subject, person), key=lambda m: m.token)
        self._cache[token.i] = out
        return out

    def _listed_as_apposition(self, token: Token) -> list[Token]:
        """'Saudi Arabia, the United Arab Emirates, Bahrain and Egypt announced …': a list of states
        the parser hung on the first as an apposition; the rest of the list, not a description."""
        if not self._is_country_name(token.i):
            return []
        for c in self.kids[token.i]:
            if c.dep_ == "appos" and self._is_country_name(c.i) and any(True for _ in c.conjuncts):
                return [c] + [x for x in c.conjuncts if x.i > c.i]
        return []

    def _is_country_name(self, i: int) -> bool:
        hit = self._name_cover.get(i)
        return hit is not None and all(e.kind == "country" for e in hit.entries)

    def _resolve_one(self, tok: Token) -> list[Actor]:
        referred = self._resolve_reference(tok)
        if referred is not None:
            return referred
        core = self._core_tokens(tok)
        introduced = self.introduced(tok)  # "the SPLA-IO", introduced before as "the opposition SPLA-IO"
        if introduced:
            return introduced
        led = self._led_by(tok)
        if led:
            return led
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
        if tok.pos_ == "PRON" or low in _REFERRING_PRONOUNS or first_person(tok):
            return self.antecedent(tok)
        if tok.ent_type_ == "PERSON" or tok.i in self._person_tokens:
            actor = self._person_at(tok)
            if actor:
                return [self.place(actor, tok).model_copy(update={"text": self.np_text(tok)})]
        inner = self._collective_member(tok)
        if inner is not None:  # ("countries including A and B": every one listed)
            found = self.resolve(inner) if tok.lemma_.lower() in _LISTED_GROUPS else self._resolve_one(inner)
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
            or self._organ_anaphor(tok) or self._statement_author(tok) or self._repeated_noun(tok) \
            or self._relational(tok)
        if pair:
            return pair
        if low in ("country", "nation", "government", "state") and \
                any(c.lower_ in ("his", "her", "the", "its", "their") for c in self.kids[tok.i]) and \
                not self.countries_in(self._core_tokens(tok)) and \
                not any(c.dep_ == "prep" and c.lower_ == "of" for c in self.kids[tok.i]):
            # ("the government of army chief General Abdel Fattah al-Burhan" says whose it is)
            return self._country_anaphor(tok)  # "said the country rejects …": the speaker's
        return None

    @staticmethod
    def _under_of(t: Token, head: Token) -> bool:
        """Whether `t` hangs under an 'of' phrase of `head` ('the government of … al-Burhan')."""
        a = t
        for _ in range(8):
            if a.head.i == a.i:
                return False
            if a.dep_ == "prep" and a.lower_ == "of" and a.head.i == head.i:
                return True
            a = a.head
        return False

    def _person_in_phrase(self, tok: Token, idx: list[int]) -> list[Actor]:
        """A person inside the phrase (apposition, "the minister, Rajnath Singh")."""
        for i in idx:
            t = self.doc[i]
            if (t.ent_type_ == "PERSON" or t.i in self._person_tokens) and t.i != tok.i \
                    and t.dep_ in ("appos", "compound", "pobj", "nsubj") \
                    and t.i not in self._role_cover \
                    and not (t.head.dep_ == "poss" and t.head.i != tok.i and self._names_group(idx)):
                # "Riot police": the tagger's person is a role word; "Osama bin Laden's al-Qaeda
                # network": the possessor's group, not the possessor
                actor = self._person_at(t)
                if actor and actor.country is None:
                    country, roles = self._country_roles(idx)
                    if country:
                        actor = actor.model_copy(update={"country": country, "roles": roles,
                                                         "code": actor_code(country, roles)})
                head_role = self.roles.get(self._role_cover.get(tok.i, -1))
                if actor and actor.country and not actor.roles and t.dep_ == "compound" \
                        and head_role is not None and head_role[2] == "group":
                    # "Tamil Tiger rebels": a name the tagger called a person, on a group noun
                    roles = list(head_role[1])
                    actor = actor.model_copy(update={"roles": roles, "code": actor_code(actor.country, roles)})
                if actor and actor.country and head_role is not None and head_role[2] != "title" \
                        and self._under_of(t, tok):
                    # "the government of army chief General Abdel Fattah al-Burhan": his state's
                    # government, an organ that "it" can refer back to, not the man himself
                    roles = list(head_role[1]) or list(actor.roles)
                    return [Actor(text=self.np_text(tok), name=self.np_text(tok), code=actor_code(actor.country, roles),
                                  country=actor.country, roles=roles)]
                if actor:
                    return [actor.model_copy(update={"text": self.np_text(tok)})]
        return []

    def _led_by(self, tok: Token) -> list[Actor]:
        """'the US-led coalition', 'a Saudi-led force': the leading state's."""
        for c in self.kids[tok.i]:
            if c.dep_ == "amod" and c.lower_.endswith("-led") and len(c.text) > 4:  # "U.S.-led": one token
                country = next((e.country for e in self.kb.lookup(c.text[:-4])
                                if e.country and e.kind in ("country", "demonym", "capital")), None)
                if country:
                    _c, roles = self._country_roles(self._core_tokens(tok))
                    return [Actor(text=self.np_text(tok), name=self.kb.countries.get(country, country),
                                  code=actor_code(country, roles), country=country, roles=roles)]
            if c.dep_ == "amod" and c.lemma_.lower() == "lead" and c.tag_ == "VBN":
                for g in self.kids[c.i]:
                    if g.dep_ in ("npadvmod", "compound", "nmod") and g.i in self._name_cover:
                        country = next((e.country for e in self._name_cover[g.i].entries
                                        if e.country and e.kind in ("country", "demonym", "capital")), None)
                        if country:
                            _c, roles = self._country_roles(self._core_tokens(tok))
                            return [Actor(text=self.np_text(tok), name=self.kb.countries.get(country, country),
                                          code=actor_code(country, roles), country=country, roles=roles)]
        return []

    def _names_group(self, idx: list[int]) -> bool:
        """Whether a non-state group the knowledge base knows is named among these tokens."""
        return any(i in self._name_cover and any(e.kind == "group" for e in self._name_cover[i].entries)
                   for i in idx)

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
        if country is None and not roles and tok.pos_ == "PROPN" and tok.text in _PARTY_WORDS \
                and any(self.doc[i].pos_ == "PROPN" and self.doc[i].dep_ in ("compound", "amod", "poss") for i in core):
            # "the Republican People's Party (CHP)", a party the knowledge base lacks: of the country
            # the story is about
            country = self.context_country(tok, same_sentence=True) or self.main_country()
            if country is None or country not in self.kb.countries:
                return []
            return [Actor(text=self.np_text(tok), name=self.np_text(tok), code=country, country=country, roles=[])]
        if country is None and not roles:
            return []
        if country is None and roles and (roles[0] in STATE_ROLES or roles[0] in _DOMESTIC_GROUPS
                                          or roles[0] in _ARMED_LOCALS) and (self._bare_organ(tok) or any(
                                              i in self.names and self._sponsor(i, self.names[i].end) for i in core)):
            country = self._organ_country(tok, roles[0])
        if country is None and roles and roles[0] in _ARMED_LOCALS:
            sent = self.sent_of(tok)  # "armed groups … in northern Shan state"
            here = self.location_in(list(range(sent.start, sent.end)), told_as_where=True)
            country = here.country if here else None
        name = self._entry_name(idx) or self.np_text(tok)
        actor = Actor(text=self.np_text(tok), name=name, code=actor_code(country, roles), country=country, roles=roles)
        if country is None and tok.pos_ == "PROPN" and tok.i not in self._role_cover:
            # "Government spokesman Gassim Cherif Mahamat", a titled name the tagger did not call a
            # person: placed as a titled person is (the dateline's or the story's state)
            actor = self.place(actor, tok)
        return [actor]

    def _organ_country(self, tok: Token, role: str) -> str | None:
        """Whose unnamed organ, crowd or armed group this is (docs/coding_actors.md).

        State organs ("the foreign ministry said in a statement from Port Sudan") serve the
        country the text is about. Police and crowds are local: the country where they act.
        Rebels, insurgents and separatists with no name are domestic insurgents of the country
        they fight in: the place the sentence names, else the article's main country, else the
        country the text has just been about. Unidentified attackers ("gunmen",
        "unidentified militants") get no country: their side is unknown until the text ties
        them to a state or a group."""
        if role in _UNKNOWN_ARMED or role not in ("COP", *STATE_ROLES) and any(
                c.lower_ in _UNKNOWN_WORDS for c in self.kids[tok.i]):
            return None  # ("masked police commandos" are still the state's police)
        sent = self.sent_of(tok)
        here = self.location_in(list(range(sent.start, sent.end)))
        if role in _ARMED_LOCALS:
            # "According to Colombian Defence Minister X, the rebels had attacked …": the one country
            # the sentence names, before the article's
            # "rebels backed by Rwanda": the sponsor the participle names is not the rebels' country
            sponsor = {t.i for c in self.kids[tok.i] if c.dep_ == "acl" and c.lemma_.lower() in _SPONSORING
                       for t in c.subtree}
            named = list(dict.fromkeys(self.countries_in([i for i in range(sent.start, sent.end) if i not in sponsor])))
            sole = named[0] if len(named) == 1 and named[0] in self.kb.countries else None
            return (here.country if here else None) or sole or self.main_country() or self.context_country(tok)
        local = role == "COP" or role in _DOMESTIC_GROUPS
        if tok.lemma_.lower() in ("regime", "junta") and self.main_country():
            return self.main_country()  # "the regime bombs its own people": the government the story is about
        # "police in Turin", "protesters in Yangon": the place the phrase itself names
        own = self.location_in([t.i for c in self.kids[tok.i] if c.dep_ == "prep" and c.lower_ in ("in", "from")
                                for t in c.subtree], told_as_where=True) if local else None
        if own is None and role in _DOMESTIC_GROUPS and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
            # "protesters … stormed the Saudi embassy in Tehran": a crowd is where it acts
            own = self.location_in([t.i for c in self.kids[tok.head.i] if c.dep_ in ("dobj", "prep")
                                    for t in c.subtree], told_as_where=True)
        for country in (own.country if own else None, self.context_country(tok, same_sentence=True),
                        here.country if here else None,
                        self.main_country() if local else None, self.context_country(tok),
                        self.dateline_country() if local else None):  # "BEIJING - Police hauled away …"
            if country and (country in self.kb.countries or not local):
                return country  # police and crowds belong to a state, not to the EU official who speaks of them
        return None

    def _collective_member(self, tok: Token) -> Token | None:
        """'a group of Moroccan diplomats' → 'diplomats'; 'thirteen Western countries including the
        United States and Britain' → the countries listed."""
        if tok.lemma_.lower() in _LISTED_GROUPS and tok.tag_ in ("NNS", "NNPS"):
            for c in self.kids[tok.i]:
                if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                    return next((g for g in self.kids[c.i] if g.dep_ == "pobj"), None)
        if tok.lemma_.lower() not in self.collectives and tok.lower_ not in self.collectives:
            return None
        for c in self.kids[tok.i]:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in self.kids[c.i] if g.dep_ == "pobj"), None)
        return None

    def _bare_organ(self, tok: Token) -> bool:
        """A definite state organ with no named holder: 'the foreign ministry', 'the army' — not 'one soldier'."""
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in self.kids[tok.i]) \
            or any(p.dep_ == "prep" and p.lower_ in ("for", "of") and any(  # "a spokesman for the ministry"
                d.lower_ == "the" for o in self.kids[p.i] for d in self.kids[o.i]) for p in self.kids[tok.i])
        # "police arrested …", "security forces detained …": a bare plural or mass organ, not "two soldiers"
        bare = not any(c.dep_ in ("det", "nummod", "poss") for c in self.kids[tok.i]) and (
            tok.lemma_.lower() in _MASS_ORGANS  # "army drones struck …": the army's, as "the army" is
            or tok.tag_ == "NNS" and any(c.dep_ == "compound" and c.lemma_.lower() in ("army", "military", "navy", "police")
                                         for c in self.kids[tok.i]))
        return (definite or bare) and (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.i in self._role_cover)

    def is_demonym(self, tok: Token) -> bool:
        """Whether the token is a people's name ('Albanians', 'Kurds'), not a state's."""
        hit = self._name_cover.get(tok.i)
        return hit is not None and any(e.kind == "demonym" for e in hit.entries)

    def _core_tokens(self, tok: Token) -> list[int]:
        """The head noun and its modifiers before it: 'Pakistan's military spokesman'."""
        out = [tok.i]
        for c in self.kids[tok.i]:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "nummod", "det", "appos") or \
                    (c.dep_ == "prep" and c.lower_ in ("of", "from") and tok.i in self._role_cover):
                out.extend(t.i for t in c.subtree)
        return sorted(out)

    def _has_actor_signal(self, tok: Token, core: list[int]) -> bool:
        if tok.i in self._name_cover or tok.i in self._role_cover or any(i in self.peoples for i in core):
            return True
        if tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or tok.pos_ == "PROPN" and tok.text in _PARTY_WORDS:
            return True
        if any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.i in self._person_tokens) for c in self.kids[tok.i]):
            return True  # "the head of the mediating team, Jane Doe": the person named beside it
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in self.kids[tok.i]):
            return True  # "its posts": whatever the pronoun stands for
        return any(i in self._name_cover or i in self._role_cover
                   for i in core if self.doc[i].dep_ in ("poss", "compound", "amod", "nmod"))

    def _is_locative(self, tok: Token) -> bool:
        """'in Doha', 'at the Kremlin gates': a place named as where, not who."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in _LOCATIVE:
            return False
        if tok.head.lower_ == "at" and (tok.head.head.lemma_.lower() in _AIMING or any(
                c.dep_ == "prt" and c.lower_ in ("out", "back") for c in self.kids[tok.head.head.i])):
            return False  # "lashed out at Washington", "hit back at Algiers", "fired at Thai positions": a target
        hit = self._name_cover.get(tok.i)
        return hit is not None and all(e.kind in ("capital", "country") for e in hit.entries) and \
            not any(self.doc[i].i in self._role_cover for i in self._core_tokens(tok))

    def _conjoined_modifiers(self, tok: Token) -> list[str]:
        """'Thai and Cambodian troops', 'Egyptian and Sudanese officials'."""
        out: list[str] = []
        for c in self.kids[tok.i]:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and any(True for _ in c.conjuncts):
                for m in [c, *c.conjuncts]:
                    hit = self._name_cover.get(m.i)
                    country = next((e.country for e in hit.entries if e.kind != "person"), None) if hit else None
                    if country and country not in out:
                        out.append(country)
        return out if len(out) > 1 else []

    def _group_countries(self, tok: Token) -> list[str]:
        out: list[str] = []
        for prep in self.kids[tok.i]:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                for pobj in self.kids[prep.i]:
                    if pobj.dep_ != "pobj":
                        continue
                    for h in [pobj, *pobj.conjuncts]:
                        # "the head of the UN mission in Libya": where the body sits is no second party
                        where = {w.i for p in self.kids[h.i] if p.dep_ == "prep" and p.lower_ in _LOCATIVE
                                 for w in p.subtree}
                        for t in h.subtree:
                            if t.i in where:
                                continue
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
            for c in self.kids[t.i]:
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
        return self.span_text(self.doc[lo:hi + 1]) if lo <= hi else tok.text
