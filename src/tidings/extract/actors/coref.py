"""Coreference for actor resolution: pronouns, pairs, definite descriptions and context countries.

A mixin for `actors.ActorIndex`. Every resolved noun phrase is kept as a `Mention` in text
order; "he", "the two ministers", "the group" and "his country" look back through those
mentions for the nearest fitting one, and an official with no stated country serves the
country the text has just been talking about.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from tidings.extract.actors.base import GROUP_PRONOUNS, PERSON_NOUNS, PERSON_PRONOUNS, Mention, actor_code, first_person
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.extract.syntax import verb_above
from tidings.models import Actor

_GROUP_NOUNS = {"group", "militia", "movement", "organisation", "organization", "outfit", "rebel", "militant",
                "insurgent", "faction"}
_ARMED_ROLES = {"REB", "INS", "SEP", "RAD", "UAF"}
_BODY_NOUNS = {"bloc", "alliance", "union", "organisation", "organization", "body", "agency", "court", "council",
               "mission", "fund", "bank", "league"}
_IGO_ROLES = {"IGO", "NGO"}


# "the statement said", "the communique added": the words of whoever issued it
_STATEMENT_NOUNS = {"statement", "communique", "communiqué", "readout", "release", "declaration"}
# "the ministry said": the ministry named earlier in the article, not the country of the nearest subject
_ORGAN_NOUNS = {"ministry", "department", "office", "embassy", "presidency", "army", "military", "government"}



class Coreference:
    """Antecedent look-up over the mentions an `ActorIndex` has resolved so far."""

    kids: list[list[Token]]  # children by token index, built once by ActorIndex
    doc: Doc
    kb: KnowledgeBase
    mentions: list[Mention]
    sent_index: list[int]
    _cache: dict[int, list[Actor]]
    _speakers: list[tuple[int, int, Actor]]

    def set_speakers(self, spans: list[tuple[int, int, Actor]]) -> None:
        """The direct quotes' character spans and speakers, once quotes are attributed: a "we" or
        "I" inside a quote is its speaker. Pronouns resolved before are looked up again."""
        self._speakers = spans
        for i in [i for i in self._cache if first_person(self.doc[i])]:  # only resolved tokens can be stale
            del self._cache[i]

    def speaker_at(self, char: int) -> list[Actor]:
        for start, end, actor in self._speakers:
            if start <= char < end:
                return [actor]
        return []

    def antecedent(self, tok: Token, exclude: set[int] | frozenset[int] = frozenset()) -> list[Actor]:
        """The actor a pronoun refers to: the nearest earlier mention of the right kind."""
        low = tok.lower_
        if first_person(tok):  # "“We will respond,” the army said": the speaker
            return self.speaker_at(tok.idx)
        want_person = low in PERSON_PRONOUNS
        want_group = low in GROUP_PRONOUNS
        if not (want_person or want_group or low in ("it", "its")):
            return []
        sent_start = self.sent_of(tok).start
        best: list[Actor] | None = None
        # an object pronoun is not its own clause's subject ("Guterres spoke with Burhan and urged him")
        not_names = self._clause_subject_names(tok) if tok.lower_ in ("him", "her", "them") else set()
        # same sentence first, nearest before the pronoun; a subject pronoun takes an earlier subject
        # before an object ("Dar briefed Wang on the attacks, and he thanked Beijing": Dar)
        subject_first = tok.dep_ in ("nsubj", "nsubjpass") and want_person
        if subject_first and tok.head.dep_ == "conj":
            # "Merkel said that tests showed Navalny was poisoned, and she demanded …": the subject of
            # the clause hers is conjoined to, not a person named inside its reported content
            v = tok.head
            while v.dep_ == "conj" and v.head.i != v.i:
                v = v.head
            subj = next((c for c in self.kids[v.i] if c.dep_ == "nsubj"), None)
            m = next((m for m in self.mentions if subj is not None and m.token == subj.i), None)
            if m is not None and m.token not in exclude and self._fits(m, want_person, want_group):
                return m.actors
        for wanted in ((True, False) if subject_first else (False,)):
            for m in reversed(self.mentions):
                if m.token >= tok.i or m.token in exclude:
                    continue
                if m.token < sent_start:
                    break
                if wanted and not m.subject:
                    continue
                if self._fits(m, want_person, want_group) and not {a.name for a in m.actors} & not_names:
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

    def _clause_subject_names(self, tok: Token) -> set[str]:
        verb = tok.head
        while verb.dep_ == "prep" and verb.head.i != verb.i:
            verb = verb.head
        v = verb
        for _ in range(4):
            subj = next((c for c in self.kids[v.i] if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i < tok.i:
                return {a.name for a in self._cache.get(subj.i, [])}
            if v.dep_ != "conj" or v.head.i == v.i:
                break
            v = v.head
        return set()

    def _fits(self, m: Mention, person: bool, group: bool) -> bool:
        if person:
            return m.person
        if group:
            return len(m.actors) > 1 or not m.person
        # "it" is never a plural noun: in "Y said Armenian forces fired on its positions", its = Y's
        return len(m.actors) == 1 and not m.person and self.doc[m.token].tag_ != "NNS"

    def _country_anaphor(self, tok: Token) -> list[Actor]:
        """'his country', 'the country': the country of the nearest earlier actor that is of a state
        ('the military government' after 'this month's ASEAN summit' is not the bloc's)."""
        for m in reversed(self.mentions):
            if m.token < tok.i and m.actors[0].country and m.actors[0].country in self.kb.countries:
                c = m.actors[0].country
                return [Actor(text=self.np_text(tok), name=self.kb.countries.get(c, c),
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

    def _pair_anaphor(self, tok: Token) -> list[Actor]:
        """'the two ministers', 'both sides': the last pair named together, else the last two parties."""
        each = tok.lemma_.lower() in ("side", "party", "country") and any(
            c.dep_ == "det" and c.lower_ == "each" for c in self.kids[tok.i])
        if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ not in ("two", "both") and not each:
            return []
        if (group := self._numbered_group(tok)) is not None:
            return group
        kids = {c.lower_ for c in self.kids[tok.i]}
        bare = tok.lower_ in ("two", "both") and (tok.lower_ == "both" or "the" in kids)  # "the two agreed"
        if tok.tag_ not in ("NNS", "NNPS") and not bare and not (tok.lemma_.lower() in ("side", "party", "country")
                                                                and "each" in kids):
            return []
        if not bare and not ("both" in kids or "each" in kids and tok.lemma_.lower() in ("side", "party", "country")
                             or "two" in kids and kids & {"the", "these", "those"}):
            return []  # "two soldiers" counts, it does not refer back; "each side" is both sides
        here = self.sent_index[tok.i]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            pair = self._pair_in_sentence(tok)
            if pair:
                return pair  # "X discussed the launch with Y, and the two agreed …": X and Y
        # "Trump said he had spoken with both leaders": the pair is others than the sentence's speaker
        own = {a.country for m in self.mentions if m.subject and m.token < tok.i and self.sent_index[m.token] == here
               for a in m.actors if a.country}
        for m in reversed(self.mentions):
            if m.subject and self.sent_index[m.token] == here:
                continue  # "Qatar and Turkey urged both sides": the sides are others
            if m.token < tok.i and len(m.actors) == 2 and (len({a.country for a in m.actors if a.country}) == 2
                                                           or _state_and_rebel(m.actors)) \
                    and not (tok.dep_ not in ("nsubj", "nsubjpass") and own & {a.country for a in m.actors}):
                return list(m.actors)  # "Congo and the M23 rebels signed … The two sides": a civil war's
        if tok.lemma_.lower() in PERSON_NOUNS:  # "the two ministers": the last two people, not places
            people = self.last_two_people(tok.i)
            if len({a.country for a in people}) == 2:
                return people
        sides = self._salient_pair(tok)
        if len(sides) == 2:
            return sides
        seen = _distinct_countries((m for m in reversed(self.mentions) if m.token < tok.i), 2)
        return list(reversed(seen[:2])) if len(seen) >= 2 else self.last_two_people(tok.i)

    def _numbered_group(self, tok: Token) -> list[Actor] | None:
        """'the three allies', 'the four governments': the last group named together with that many
        countries, else the last that many countries named (None: not such a phrase)."""
        num = next((c for c in self.kids[tok.i] if c.dep_ == "nummod"), None)
        size = _GROUP_SIZES.get(num.lower_) if num is not None else None
        if size is None or tok.lemma_.lower() not in _GROUP_HEADS:
            return None
        here = self.sent_index[tok.i]
        if not any(c.lower_ in ("the", "these", "those", "all") for c in self.kids[tok.i]):
            return self._group_named_next(tok, size, here)
        by_sentence: dict[int, list[Mention]] = {}
        for m in reversed(self.mentions):  # in text order, so the walk back can stop
            if m.token >= tok.i:
                continue
            if self.sent_index[m.token] < here - 3:
                break
            if self.sent_index[m.token] < here:
                by_sentence.setdefault(self.sent_index[m.token], []).append(m)
        for sentence in sorted(by_sentence, reverse=True):  # "Japan, South Korea and the United States …"
            # the doers of that sentence only: countries named as objects or places are not "the three"
            group = _distinct_countries([m for m in by_sentence[sentence] if m.subject], size + 1)
            if len(group) == size:
                return list(reversed(group))
        return []

    def _group_named_next(self, tok: Token, size: int, here: int) -> list[Actor] | None:
        """'… a day after four Arab states cut ties with Doha. Saudi Arabia, the UAE, Bahrain and
        Egypt announced the move on Monday': a group counted first and named in the next sentence,
        as its subject (None when the next sentence's subject is not that many states)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or here + 1 >= len(self.sents):
            return None
        nxt = self.sents[here + 1]
        seen: list[str] = []
        for i in range(nxt.start, nxt.end):
            t = self.doc[i]
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                for a in self.resolve(t, subject=True):
                    if a.country and a.country in self.kb.countries and a.country not in seen:
                        seen.append(a.country)
        if len(seen) != size:
            return None
        return [Actor(text=self.np_text(tok), name=self.kb.countries.get(c, c), code=c, country=c, roles=[])
                for c in seen]

    def _pair_in_sentence(self, tok: Token) -> list[Actor]:
        """The two parties of different countries named earlier in the sentence of a subject 'the
        two' (none when the sentence names more or fewer)."""
        here = self.sent_index[tok.i]
        seen = _distinct_countries((m for m in self.mentions if m.token < tok.i and self.sent_index[m.token] == here), 3)
        return seen if len(seen) == 2 else []

    def _appealer(self, tok: Token) -> set[int]:
        """Tokens of the subject of the verb that governs `tok` ("Wang urged both sides"), unless
        `tok` is part of that subject itself ("the two sides agreed")."""
        verb = verb_above(tok)
        subjects = [c for c in self.kids[verb.i] if c.dep_ in ("nsubj", "nsubjpass")]
        cover = {t.i for s in subjects for t in s.subtree}
        return set() if tok.i in cover else cover

    def _salient_pair(self, tok: Token) -> list[Actor]:
        """'both sides' with no pair named together: the two countries the article has been about
        most so far, not the last two named. Whoever appeals to the sides is never one of them, nor
        is an organisation; a tie goes to the later-named country."""
        appealer = self._appealer(tok)
        speakers = {a.country for m in self.mentions if m.token in appealer for a in m.actors if a.country}
        weight: dict[str, tuple[int, int]] = {}
        first: dict[str, Actor] = {}
        for m in self.mentions:
            if m.token >= tok.i:
                break
            for a in m.actors:
                c = a.country
                if not c or c in speakers or c not in self.kb.countries or any(r in _IGO_ROLES for r in a.roles):
                    continue
                count, _ = weight.get(c, (0, 0))
                weight[c] = (count + 1, m.token)
                first.setdefault(c, a)
        ranked = sorted(weight, key=lambda c: weight[c], reverse=True)[:2]
        ranked.sort(key=lambda c: weight[c][1])
        return [first[c] for c in ranked]

    def _embedded_pair(self, idx: list[int]) -> list[Actor]:
        """'the directors of military operations of the two armies' → the two armies' countries."""
        for i in idx:
            t = self.doc[i]
            if t.i != idx[0] and t.dep_ == "pobj":
                pair = self._pair_anaphor(t)
                if pair:
                    return pair
        return []

    def _definite_group(self, tok: Token) -> list[Actor]:
        """'the group', 'the rebels': the last non-state armed actor; 'the bloc': the last IGO."""
        lemma = tok.lemma_.lower()
        wanted = _ARMED_ROLES if lemma in _GROUP_NOUNS else _IGO_ROLES if lemma in _BODY_NOUNS else None
        if wanted is None:
            return []
        if not any(d.lower_ == "the" for d in self.kids[tok.i]) or tok.i in self._name_cover:
            return []  # "the European Union" is a name, not "the union" referring back
        for m in reversed(self.mentions):
            if m.token < tok.i and any(r in wanted for a in m.actors for r in a.roles):
                return list(m.actors)
        return []

    def context_country(self, tok: Token, same_sentence: bool = False) -> str | None:
        """The country the text is talking about just before `tok`: the nearest earlier subject with one,
        in the same sentence or within the two previous ones."""
        here = self.sent_index[tok.i]
        verb = tok.head
        while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
            verb = verb.head
        heads = [verb]
        while heads[-1].dep_ == "conj" and heads[-1].head.i != heads[-1].i and len(heads) < 4:
            heads.append(heads[-1].head)  # "the embassy voiced concern and urged the authorities": a shared subject
        own = {c.i for v in heads for c in self.kids[v.i] if c.dep_ in ("nsubj", "nsubjpass")} \
            if tok.dep_ not in ("nsubj",) else set()
        # the subject of a main clause first: in "China accused Japan after Tokyo's premier spoke.
        # 'We urge Japan …,' the ministry said", the ministry is China's, not Tokyo's
        for main_only in (True, False):
            for m in reversed(self.mentions):
                if m.token >= tok.i or not m.subject or m.token in own:
                    continue  # "the UN office urged the authorities": not the UN's authorities
                if self.sent_index[m.token] < (here if same_sentence else here - 2):
                    break
                if main_only and self.doc[m.token].head.dep_ not in ("ROOT", "conj"):
                    continue
                c = next((a.country for a in m.actors if a.country), None)
                if c and len(m.actors) == 1:
                    return c
        return None

    def main_country(self) -> str | None:
        """The country the article is mostly about: the one its names and places mention most
        (first mentioned wins a tie); None when no country stands out."""
        if self._main is None:
            counts: dict[str, int] = {}
            for start in sorted(set(self.names) | set(self.places)):
                hit = self.names.get(start) or self.places.get(start)
                if len({e.country for e in hit.entries}) > 1:
                    continue  # a place name several countries share (Córdoba, Tripoli) says nothing
                e = next((e for e in hit.entries if e.kind != "igo" and e.country and len(e.country) == 3), None)
                if e is not None and e.country in self.kb.countries:
                    counts[e.country] = counts.get(e.country, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            self._main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else ""
        return self._main or None

    def _organ_anaphor(self, tok: Token) -> list[Actor]:
        """'the ministry said', 'the defence ministry added': the nearest earlier mention of a
        ministry (an office, an embassy) with a country, its qualifier agreeing ('defence')."""
        if tok.lemma_.lower() not in _ORGAN_NOUNS or not any(c.lower_ == "the" for c in self.kids[tok.i]):
            return []
        core = self._core_tokens(tok)
        if self.countries_in(core) or any(c.dep_ == "prep" for c in self.kids[tok.i]):
            return []
        quals = {self.doc[i].lower_ for i in core if self.doc[i].dep_ in ("amod", "compound")}
        for m in reversed(self.mentions):
            if m.token >= tok.i or m.person or len(m.actors) != 1 or not m.actors[0].country:
                continue
            words = {w.lower().strip("'s") for w in m.actors[0].text.split()}
            head = self.doc[m.token]
            if (head.lemma_.lower() == tok.lemma_.lower() or tok.lower_ in words) and quals <= words:
                return [m.actors[0]]
        if tok.lemma_.lower() == "ministry" and quals:
            # "Foreign Minister X said … The foreign ministry said in a statement …": the minister's
            # ministry, when no ministry was named before
            for m in reversed(self.mentions):
                if m.token >= tok.i or len(m.actors) != 1 or not m.actors[0].country or \
                        self.sent_index[m.token] < self.sent_index[tok.i] - 3:
                    continue
                head = self.doc[m.token]
                words = {self.doc[k].lower_ for k in range(max(head.left_edge.i, m.token - 12), m.token + 1)}
                if "minister" in words and quals <= words:
                    country = m.actors[0].country
                    return [Actor(text=self.np_text(tok), name=self.kb.countries.get(country, country),
                                  code=actor_code(country, ["GOV"]), country=country, roles=["GOV"])]
        return []

    def _relational(self, tok: Token) -> list[Actor]:
        """'Romania pledged electricity to its neighbour', 'urged its ally': the country named last
        before it other than the possessor's own."""
        if tok.lemma_.lower() not in _RELATIONAL_NOUNS or tok.tag_ != "NN":
            return []
        poss = next((c for c in self.kids[tok.i] if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if poss is None:
            return []
        own = {a.country for a in self.antecedent(poss) if a.country}
        if not own:
            return []
        for m in reversed(self.mentions):
            if m.token >= tok.i:
                continue
            c = next((a.country for a in m.actors if a.country and a.country not in own
                      and a.country in self.kb.countries), None)
            if c is not None:
                return [Actor(text=self.np_text(tok), name=self.kb.countries.get(c, c), code=c, country=c, roles=[])]
        return []

    def _repeated_noun(self, tok: Token) -> list[Actor]:
        """'expelled three Russian diplomats … the diplomats had spied': a definite plural noun
        repeating the head of a mention made within the two sentences before is that mention."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in self.kids[tok.i]):
            return []
        if any(c.dep_ in ("amod", "compound", "nummod", "prep") for c in self.kids[tok.i]) or self.countries_in(self._core_tokens(tok)):
            return []  # "the Russian diplomats", "the diplomats in Oslo" say whose they are
        here = self.sent_index[tok.i]
        # "European Union leaders agreed … The leaders also demanded …": a summit's leaders or a
        # meeting's ministers are named once and referred to paragraphs later
        reach = 5 if tok.lemma_.lower() in ("leader", "minister") else 2
        for m in reversed(self.mentions):
            if m.token >= tok.i:
                continue
            if self.sent_index[m.token] < here - reach:
                break
            head = self.doc[m.token]
            if head.lemma_.lower() == tok.lemma_.lower() and m.actors and m.actors[0].country \
                    and len({a.country for a in m.actors}) == 1:
                return [a.model_copy(update={"text": self.np_text(tok)}) for a in m.actors[:1]]
        return []

    def _statement_author(self, tok: Token) -> list[Actor]:
        """'The statement said …': the author it names ('a statement from X'), else the author of
        the last statement the article mentions ('said in a statement', 'a statement from X'), else the last body (not a person) that spoke as the
        subject of a main clause before it."""
        if tok.lemma_.lower() not in _STATEMENT_NOUNS:
            return []
        according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
        own = self._author_of(tok, named_only=True) if according or tok.dep_ not in ("pobj", "dobj") else []
        if own:  # "said a statement from the UN office", "according to a statement by X": X
            return own
        if not any(c.lower_ == "the" for c in self.kids[tok.i]):
            return []
        for k in range(tok.i - 1, -1, -1):
            t = self.doc[k]
            if t.lemma_.lower() in _STATEMENT_NOUNS and t.pos_ == "NOUN":
                author = self._author_of(t)
                if author:
                    return author
        for m in reversed(self.mentions):
            head = self.doc[m.token]
            if m.token < tok.i and m.subject and not m.person and len(m.actors) == 1 \
                    and m.actors[0].country and head.head.dep_ == "ROOT" and m.actors[0].roles:
                return m.actors
        return []

    def _author_of(self, statement: Token, named_only: bool = False) -> list[Actor]:
        """Who issued a statement: its possessor or 'from/by/of X', else (unless `named_only`)
        the subject of the verb it hangs on ('said in a statement')."""
        for c in self.kids[statement.i]:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                return self.resolve(c)
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((g for g in self.kids[c.i] if g.dep_ == "pobj"), None)
                if obj is not None and self.resolve(obj):
                    return self.resolve(obj)
        verb = statement.head.head if statement.dep_ == "pobj" else statement.head
        if not named_only and statement.dep_ in ("pobj", "dobj") and verb.pos_ in ("VERB", "AUX"):
            return self.subject_of(verb)
        return []

    def _title_anaphor(self, tok: Token) -> list[Actor]:
        """'the president said', 'The Secretary praised': the last one named with that title, a
        person or an office with no name given ("France's foreign minister … The minister")."""
        if tok.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ == "the" for c in self.kids[tok.i]) \
                or tok.i not in self._role_cover:
            return []
        start = self._role_cover[tok.i]
        end, _roles, kind = self.roles[start]
        if kind != "title":
            return []
        title = self.doc[start:end].text.lower()
        # "the recall of their ambassadors … summoned the Algerian ambassador": a title with a
        # country of its own refers back only to one of that country
        own = set(self.countries_in(self._core_tokens(tok)))
        for m in reversed(self.mentions):
            if m.token < tok.i and len(m.actors) == 1 and title in m.actors[0].text.lower() \
                    and (m.person or m.actors[0].country) and (not own or m.actors[0].country in own):
                return m.actors
        # "A spokeswoman for the German Foreign Office said … the spokeswoman added": the body she
        # speaks for, when no one was named with the title
        for m in reversed(self.mentions):
            if m.token < tok.i and len(m.actors) == 1 and m.actors[0].country \
                    and self.doc[m.token].lower_ == tok.lower_ and any(c.dep_ == "prep" for c in self.kids[self.doc[m.token].i]):
                return m.actors
        return []

    def _possessive_country(self, tok: Token) -> str | None:
        """'India attacked its posts': 'its' is not the clause's own subject unless it says 'own'."""
        verb = tok.head
        own_subject = {c.i for c in self.kids[verb.i] if c.dep_ in ("nsubj", "nsubjpass")} \
            if tok.dep_ in ("dobj", "pobj") and not any(c.lower_ == "own" for c in self.kids[tok.i]) else set()
        for c in self.kids[tok.i]:
            if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her"):
                ante = self.antecedent(c, exclude=own_subject)
                if ante and ante[0].country:
                    return ante[0].country
            if c.dep_ == "poss" and c.lower_ == "whose":  # "New Zealand, whose prime minister said …"
                rel = tok
                while rel.dep_ != "relcl" and rel.head.i != rel.i:
                    rel = rel.head
                if rel.dep_ == "relcl":
                    owner = self.resolve(rel.head)
                else:  # the parser lost the relative clause: the noun just before "whose"
                    k = c.i - 1
                    while k > 0 and self.doc[k].pos_ == "PUNCT":
                        k -= 1
                    head = self.doc[k]
                    while head.dep_ == "conj" and head.head.i != head.i:
                        head = head.head
                    owner = self.resolve(head) if head.pos_ in ("PROPN", "NOUN") else []
                if owner and owner[0].country:
                    return owner[0].country
            if c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation") and \
                    any(d.lower_ == "the" for d in self.kids[c.i]):  # "the country's rebels"
                ante = self._country_anaphor(c)
                if ante:
                    return ante[0].country
        return None


# "its neighbour", "their ally": a state named by its relation to another
_RELATIONAL_NOUNS = {"neighbour", "neighbor", "ally", "rival", "adversary", "foe", "enemy"}
# "the three allies", "the four governments": nouns that name a group of states or their people
_GROUP_HEADS = {"ally", "country", "nation", "government", "state", "power", "partner", "member", "neighbour",
                "neighbor", "leader", "minister", "capital", "signatory", "side", "party"}
_GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}


def _state_and_rebel(actors: list[Actor]) -> bool:
    """A government and an armed movement of one country: the two sides of a civil war."""
    a, b = actors
    if not a.country or a.country != b.country or a.name == b.name:
        return False
    armed = {"REB", "INS", "SEP"}
    return bool(set(a.roles) & armed) != bool(set(b.roles) & armed)


def _distinct_countries(mentions: Iterable[Mention], stop: int) -> list[Actor]:
    """Actors of distinct countries in the order the mentions come, read until `stop` are found
    (all of a mention's actors are read)."""
    seen: list[Actor] = []
    for m in mentions:
        for a in m.actors:
            if a.country and all(a.country != b.country for b in seen):
                seen.append(a)
        if len(seen) >= stop:
            break
    return seen
