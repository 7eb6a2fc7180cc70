"""People in an article: registering every PERSON once and finding office holders by surname.

A mixin for `actors.ActorIndex`. "Pete Hegseth" is registered when the index is built, so a
later "Hegseth" or "he" resolves to the same `Actor`; a known office holder keeps his office,
a former one his nationality, and an unknown person takes country and roles from the titles
around the name. The index supplies the document, the knowledge base and the scan tables.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.base import CUT_DEPS, PERSON_NOUNS, STATE_ROLES, NameHit, actor_code
from tidings.extract.tokens import DocView
from tidings.extract.kb.knowledge import Entry, KnowledgeBase, imported
from tidings.models import Actor


# what a name beside a title is not: "the minister, Tehran's envoy", dates, places
_NOT_PERSON = {"GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL"}


class PersonRegistry:
    """Person registration and look-up for `ActorIndex`."""

    kids: list[list[Token]]  # children by token index, built once by ActorIndex
    doc: Doc
    ents: tuple[Span, ...]  # doc.ents, built once by ActorIndex
    kb: KnowledgeBase
    day: dt.date
    people: dict[str, Actor]
    roles: dict[int, tuple[int, tuple[str, ...], str]]
    _name_cover: dict[int, NameHit]
    _role_cover: dict[int, int]
    _person_span: dict[int, int]
    _person_tokens: dict[int, tuple[int, int]]
    words: list[str]
    tokens: list[Token]
    arrays: DocView
    _surnames_here: dict[str, list[tuple[str, list[Entry]]]] | None

    def _register_people(self) -> None:
        """Resolve every PERSON entity once, so later surnames and pronouns find it."""
        persons = [e for e in self.ents if e.label_ == "PERSON"]
        tagged = {k for e in persons for k in range(e.start, e.end)}
        # a known office holder the tagger called an organisation ("Keir Starmer" as ORG)
        persons += [self.doc[h.start:h.end] for h in self.names.values()
                    if all(e.kind == "person" for e in h.entries) and not tagged & set(range(h.start, h.end))]
        taken = tagged | {k for e in persons for k in range(e.start, e.end)}
        persons += self._titled_appositions(taken)
        persons.sort(key=lambda e: e.start)
        for ent in persons:
            if ent.start not in tagged:
                for k in range(ent.start, ent.end):
                    self._person_tokens.setdefault(k, (ent.start, ent.end))
            covered = [self._name_cover.get(k) for k in range(ent.start, ent.end)
                       if not self.doc[k].is_punct and self.doc[k].tag_ != "POS"]  # "Sri Lanka's" too
            if covered and all(h is not None and all(e.kind != "person" for e in h.entries) for h in covered):
                continue  # "Sri Lanka" tagged as a person is still a country
            ent = self._full_name(ent)
            name = self._clean_name(ent)
            if not name or name in self.people or not any(sum(c.isalpha() for c in w) > 1 for w in name.split()):
                continue  # "a post on X.": a letter is no name
            actor = self._person_actor(ent, name)
            self.people[name] = actor
            parts = name.split()
            last = parts[-1]
            if last not in self.people or self.people[last].country is None:
                self.people[last] = actor
            if len(parts) == 2 and actor.country:  # "Wang Yi" is later "Wang"
                self.people.setdefault(parts[0], actor)
            if len(parts) == 3 and actor.country:  # "Hassan Sheikh Mohamud" is later "Hassan Sheikh"
                self.people.setdefault(" ".join(parts[:2]), actor)
            for prefix in ("al-", "el-", "Al-", "El-"):  # "al-Burhan" is later "Burhan"
                if last.startswith(prefix) and len(last) > len(prefix) + 2:
                    self.people.setdefault(last[len(prefix):], actor)

    def _titled_appositions(self, taken: set[int]) -> list[Span]:
        """'Moldova's deputy prime minister, Ana Moraru,': a name of two or more capitalised words
        set in apposition to a title or a person noun is a person, whatever the tagger calls it
        (it often says ORG); a known country or institution there is not."""
        out: list[Span] = []
        dep, pos = self.arrays.dep, self.arrays.pos
        for tok in self.tokens:
            if dep[tok.i] != "appos" or pos[tok.i] != "PROPN" or tok.i in taken:
                continue
            head = tok.head
            role = self.roles.get(self._role_cover.get(head.i, -1))
            if not (role is not None and role[2] == "title" or head.lemma_.lower() in PERSON_NOUNS):
                continue
            start = tok.i
            while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ == "compound" \
                    and self.doc[start - 1].head.i == tok.i:
                start -= 1
            span = self.doc[start:tok.i + 1]
            if len(span) >= 2 and all(t.text[:1].isupper() and t.i not in self._name_cover and t.i not in
                                      self._role_cover and t.ent_type_ not in _NOT_PERSON for t in span):
                out.append(span)
        return out

    def _full_name(self, ent: Span) -> Span:
        """The tagger often stops short ('Amir Khan' of 'Amir Khan Muttaqi'): take the name's head too,
        and a first name it left out at the start of a sentence ('Imran' of 'Imran Khan said')."""
        start = ent.start
        while start > 0 and self._first_name(self.doc[start - 1], ent):
            start -= 1
        if start != ent.start:
            ent = self.doc[start:ent.end]
            self._person_span[start] = ent.end
            for k in range(start, ent.end):
                self._person_tokens[k] = (start, ent.end)
        end = ent.end
        for k in range(ent.start, ent.end):  # "Ursula von der" of a known "Ursula von der Leyen"
            hit = self._name_cover.get(k)
            if hit is not None and hit.end > end and hit.entries and all(e.kind == "person" for e in hit.entries):
                end = hit.end
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and self.doc[end - 1].head.i == end \
                and end not in self._name_cover:
            end += 1
        if end != ent.end:
            self._person_span[ent.start] = end
            for k in range(ent.start, end):
                self._person_tokens[k] = (ent.start, end)
        return self.doc[ent.start:end]

    def _office_words(self, ent: Span) -> set[str]:
        """Distinguishing words of the title written just before a name ("Defence Minister")."""
        words: list[str] = []
        k = ent.start - 1
        while k >= 0 and k in self._role_cover and len(words) < 4:
            words.append(self.doc[k].lower_)
            k -= 1
        return _office_keys(" ".join(words))

    def _first_name(self, tok: Token, ent: Span) -> bool:
        return (tok.text not in _HONORIFICS and tok.pos_ == "PROPN" and tok.dep_ == "compound"
                and ent.start <= tok.head.i < ent.end
                and tok.text.istitle() and tok.i not in self._name_cover and tok.i not in self._role_cover
                and tok.ent_type_ in ("", "PERSON") and tok.lower_ not in _role_words(self.kb))

    def _clean_name(self, ent: Span) -> str:
        """The name as written ('Lee Jae-myung'), without a possessive or edge punctuation."""
        toks = list(ent)
        while toks and (toks[-1].is_punct or toks[-1].text in ("'s", "’s", "'", "’")):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].text in _HONORIFICS):  # "Mr. Wang" is Wang
            toks.pop(0)
        if not toks:
            return ""
        return self.span_text(ent.doc[toks[0].i:toks[-1].i + 1]).strip()

    def _person_actor(self, ent: Span, name: str) -> Actor:
        entries = [e for e in self.kb.lookup(name, self.day) if e.kind == "person"]
        if not entries:  # "el-Sisi" is also written "al-Sisi"
            for a, b in ((" el-", " al-"), (" al-", " el-"), (" El-", " Al-"), (" Al-", " El-")):
                if a in name:
                    entries = [e for e in self.kb.lookup(name.replace(a, b), self.day) if e.kind == "person"]
                    if entries:
                        break
        if not entries:
            # a known person out of office keeps a nationality, not an office
            former = [e for e in self.kb.lookup(name) if e.kind == "person"]
            if len({e.country for e in former}) == 1:
                c = former[0].country
                # unless the text gives the office held now ("Hanna Tetteh, head of the UN
                # Support Mission in Libya", Ghana's foreign minister years before)
                now, roles = self._context_of(ent)
                if now and now != c:
                    return Actor(text=name, name=former[0].name, code=actor_code(now, roles), country=now, roles=roles)
                return Actor(text=name, name=former[0].name, code=c, country=c, roles=[])
        if not entries and " " not in name:
            # a bare surname of a known office holder ("Hegseth") when exactly one is in office;
            # "Irfaan Ali" is not "Abiy Ahmed Ali"
            last = name
            cands = [e for surface, es in self._by_surname().get(last, []) for e in es]
            entries = cands if len({e.country for e in cands}) == 1 else []
            if not cands:  # "Putin" in a year he held no office we know of: still Russian
                former = [e for _s, es in surname_index(self.kb).get(last, []) for e in es]
                if len({e.country for e in former}) == 1:
                    c = former[0].country
                    one = len({e.name for e in former}) == 1  # two Bushes: still American, name unknown
                    return Actor(text=name, name=former[0].name if one else name, code=c, country=c, roles=[])
        country, roles = self._context_of(ent, title_only=True) if entries else (None, [])
        if entries and country and all(e.country != country for e in entries):
            # a namesake: "Colombian Defence Minister Pedro Sánchez" is not Spain's prime minister
            entries = []
        office = self._office_words(ent)
        if entries and office and all(e.title and _office_keys(e.title) and not _office_keys(e.title) & office
                                      for e in entries):
            entries = []  # "Defence Minister Pedro Sánchez" holds another office than the one we know
        if entries:
            e = next((e for e in entries if e.country == country), entries[0])
            return Actor(text=name, name=e.name, code=actor_code(e.country, e.roles),
                         country=e.country, roles=list(e.roles))
        country, roles = self._context_of(ent)
        return Actor(text=name, name=name, code=actor_code(country, roles), country=country, roles=roles)

    def _by_surname(self) -> dict[str, list[tuple[str, list[Entry]]]]:
        """Known office holders by surname, limited to surnames in this document."""
        if self._surnames_here is None:
            index = surname_index(self.kb)
            self._surnames_here = {k: [(s, [e for e in es if e.valid_on(self.day)]) for s, es in index[k]]
                                   for k in set(self.words) if k in index}
        return self._surnames_here

    def _context_of(self, ent: Span, title_only: bool = False) -> tuple[str | None, list[str]]:
        """Country and roles of an unknown person from titles around the name; with `title_only`,
        from the title before it alone ("in Washington" after a name says where, not whose)."""
        head = ent.root
        tokens = set(range(ent.start, ent.end))
        # the noun phrase around the name: compounds/amods before it, and what it is in apposition to
        where = {d.i for p in head.subtree if p.dep_ == "prep" and p.lower_ in ("in", "at", "near", "outside", "inside")
                 for d in p.subtree}  # "Ambassador Ma at the ministry in Manila": where he was, not whose
        for t in head.subtree:
            if t.dep_ not in CUT_DEPS and t.i not in where:
                tokens.add(t.i)
        if head.dep_ == "appos":
            top = head.head  # the parser may hang the name on the title's "for …" phrase
            while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
                top = top.head.head  # "representative for the dialogue, Peter Sørensen" → representative
            tokens.update(t.i for t in top.subtree if t.i < head.i and t.dep_ != "punct")
        for child in self.kids[head.i]:
            if child.dep_ == "appos":
                tokens.update(t.i for t in child.subtree)
        # the words just before the name, back to a comma or "and", outrank the rest of a phrase the
        # parser may have tangled ("Turkish Foreign Minister A and Egyptian Foreign Minister B")
        adjacent: list[int] = []
        k = ent.start - 1
        while k >= 0 and len(adjacent) < 5 and self.doc[k].pos_ in ("PROPN", "ADJ", "NOUN") \
                and not self.doc[k].is_punct and self.doc[k].dep_ in ("compound", "amod", "nmod", "poss", "conj"):
            adjacent.insert(0, k)
            k -= 1
        near = self._country_roles(adjacent) if adjacent else (None, [])
        if near[0] is not None:
            return near
        # the title before the name ("Philippine Foreign Secretary X, whose country chairs ASEAN")
        # outranks whatever follows it
        before = self._country_roles(sorted(t for t in tokens if t < ent.start))
        if before[0] is not None or title_only:
            return before
        return self._country_roles(sorted(tokens))

    def _office_holder_by_surname(self, surname: str) -> Actor | None:
        """'Modi' alone, untagged by the parser: the one office holder in office with that surname."""
        cands = [e for _s, es in self._by_surname().get(surname, []) for e in es]
        if not cands:  # known, but not in office that day: a nationality without an office
            former = [e for _s, es in surname_index(self.kb).get(surname, []) for e in es]
            if len({e.country for e in former}) != 1:
                return None
            e = former[0]
            name = e.name if len({f.name for f in former}) == 1 else surname  # two Bushes: still American
            actor = Actor(text=surname, name=name, code=e.country, country=e.country, roles=[])
            self.people[surname] = actor
            return actor
        if len({(e.name, e.country) for e in cands}) != 1:
            return None
        e = cands[0]
        actor = Actor(text=surname, name=e.name, code=actor_code(e.country, e.roles), country=e.country,
                      roles=list(e.roles))
        self.people[surname] = actor
        return actor

    def _titled_name(self, tok: Token) -> bool:
        """'Serbian President Aleksandar Vučić' is a person even when the tagger misses the name."""
        if tok.pos_ != "PROPN" or tok.i in self._name_cover or tok.i in self.places \
                or tok.ent_type_ not in ("PERSON", "", "ORG"):
            return False
        mods = [t for c in self.kids[tok.i] if c.dep_ in ("compound", "appos") for t in c.subtree]
        return any(self.roles.get(self._role_cover.get(t.i, -1), (0, (), ""))[2] == "title" for t in mods)

    def place(self, actor: Actor, tok: Token) -> Actor:
        """An official with a title but no stated country ('Prime Minister Albin Kurti') serves the
        country the text is about; the choice is remembered for the rest of the article."""
        if actor.country or not any(r in STATE_ROLES or r == "OPP" for r in actor.roles):
            return actor  # (an opposition leader is as domestic as a minister)
        country = self._fronted_capital(tok) or self._earlier_title(tok) or self._context_not_partner(tok) \
            or self.dateline_country() or self.main_country()
        if country is None:
            return actor
        placed = actor.model_copy(update={"country": country, "code": actor_code(country, actor.roles)})
        for key, value in list(self.people.items()):
            if value.name == actor.name:
                self.people[key] = placed
        return placed

    def _context_not_partner(self, tok: Token) -> str | None:
        """The country the text has been about, unless it is that of whoever acts on this official:
        in 'KATHMANDU - … Mr. Wang held talks with Foreign Minister Narayan Khadka', Khadka is the
        host's minister, not a second Chinese one (the dateline or the article's country decides)."""
        country = self.context_country(tok)
        if country is not None and country not in self.kb.countries:
            return None  # a minister serves a state, not the rights group or the UN office named before
        if country is None or tok.dep_ in ("nsubj", "nsubjpass"):
            return country
        verb = tok.head
        while verb.dep_ in ("prep", "pobj", "compound", "appos", "dobj") and verb.head.i != verb.i:
            verb = verb.head
        partner: set[str | None] = set()
        for c in self.kids[verb.i]:
            if c.dep_ in ("nsubj", "nsubjpass"):  # read off the names: the subject may not be resolved yet
                person = self._person_at(c)
                hit = self._name_cover.get(c.i)
                if person is not None:
                    partner.add(person.country)
                elif hit is not None:
                    partner |= {e.country for e in hit.entries}
        return None if country in partner else country

    def _fronted_capital(self, tok: Token) -> str | None:
        """'In Beijing, foreign ministry spokesman Liu Weimin told a briefing …': an official with no
        country in a sentence opened by a capital is that capital's."""
        sent = self.sents[self.sent_index[tok.i]]
        first = self.doc[sent.start]
        if first.lower_ not in ("in", "from") or sent.start + 2 >= sent.end:
            return None
        hit = self.names.get(sent.start + 1)
        if hit is None or not any(e.kind == "capital" for e in hit.entries) or self.doc[hit.end].text != ",":
            return None
        return next(e.country for e in hit.entries if e.kind == "capital")

    def _earlier_title(self, tok: Token) -> str | None:
        """'The Philippines summoned China's ambassador … after meeting Ambassador Ma Keqing': a
        titled name the knowledge base lacks takes the country of the same title told before."""
        k = tok.i - 1
        while k >= 0 and self.doc[k].dep_ == "compound" and self.doc[k].pos_ == "PROPN" and k not in self._role_cover:
            k -= 1  # back over the name to its title
        if k < 0 or k not in self._role_cover:
            return None
        title = self.doc[k].lemma_.lower()
        for m in reversed(self.mentions):
            if m.token >= k or len(m.actors) != 1 or not m.actors[0].country:
                continue
            if self.doc[m.token].lemma_.lower() == title:
                return m.actors[0].country
        return None

    def _person_at(self, tok: Token) -> Actor | None:
        if tok.i in self._person_tokens:
            a, b = self._person_tokens[tok.i]
            ent = self.doc[a:b]
        else:
            ent = next((e for e in self.ents if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
        if ent is None:
            return None
        name = self._clean_name(ent)
        return self.people.get(name) or self.people.get(name.split()[-1])


# courtesy titles before a surname in newspaper style ("Mr. Wang held talks …"): not part of the name
_HONORIFICS = frozenset({"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dr.", "Dr", "Mme", "Mme.", "Messrs."})

_OFFICE_KEYS = {"prime": "prime", "defence": "defence", "defense": "defence", "foreign": "foreign",
                "interior": "interior", "finance": "finance", "vice": "vice", "deputy": "deputy",
                "army": "military", "military": "military"}


def _office_keys(title: str) -> set[str]:
    """The words that tell one office from another: 'Prime Minister' {prime}, 'Defence Minister' {defence}."""
    return {_OFFICE_KEYS[w] for w in title.lower().replace("-", " ").split() if w in _OFFICE_KEYS}


def _role_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of every role term ("secretary" of "defence secretary"): never a first name."""
    cache = kb.__dict__.get("_role_words")
    if cache is None:
        cache = kb.__dict__["_role_words"] = frozenset(w for term in kb.roles for w in term.split())
    return cache


def surname_index(kb: KnowledgeBase) -> dict[str, list[tuple[str, list[Entry]]]]:
    """Surname → known people, computed once per knowledge base."""
    cache = kb.__dict__.get("_surnames")
    if cache is None:
        cache = {}
        for surface, entries in kb.names.items():
            # imported Phoenix people are found by full name only: their surnames would make ours
            # ambiguous and include common words
            people = [e for e in entries if e.kind == "person" and not imported(e)]
            if people and " " in surface:
                last = surface.split()[-1]
                cache.setdefault(last, []).append((surface, people))
                for prefix in ("al-", "el-", "Al-", "El-"):  # "al-Burhan" is also "Burhan"
                    if last.startswith(prefix) and len(last) > len(prefix) + 2:
                        cache.setdefault(last[len(prefix):], []).append((surface, people))
        kb.__dict__["_surnames"] = cache
    return cache
