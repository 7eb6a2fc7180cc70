"""Event parties: whom a coded act is done to, and who claims it, through the dependency parse.

Split from `events` so that the coder's control flow (modality, statements, emitting) reads
apart from the many ways a target is found: a pattern's slots, countries named in the object,
the reporter of a clause, the place an act happened, or the source of the event it reacts to.
`TargetFinder` is a mixin: `events._Coder` supplies the document, its actors and the events
coded so far.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from tidings.extract.actors.base import STATE_ROLES
from tidings.extract.actors.index import ActorIndex
from tidings.extract.events.patterns import PatternBook, VerbPattern
from tidings.extract.syntax import complements, phrase_tokens
from tidings.models import Actor, Event

_PLACE_TARGET_ROOTS = {"07", "15", "17", "18", "19", "20"}  # acts done to a place are done to its country
ANAPHORIC_ROOTS = {"05", "11", "12", "16", "17"}  # reactions to "the move", "the strikes", "the offer"
# nouns that name force: "condemned the attack" points back to the latest act of force
FORCE_NOUNS = {"attack", "strike", "raid", "shelling", "bombardment", "bombing", "assault", "offensive",
               "incursion", "airstrike", "killing", "massacre", "invasion", "ambush", "shooting"}
# words for pressure put on someone, and the roots of the act that put it
_PRESSURE_NOUNS = {"ultimatum": ("13",), "threat": ("13",), "warning": ("13",), "demand": ("10", "13")}
_SANCTION_NOUNS = {"sanction", "measure", "penalty", "restriction", "embargo", "tariff", "expulsion", "blacklisting"}
_DOMESTIC_ROOTS = {"08", "17"}
_COUP_NOUNS = frozenset({"coup", "takeover", "putsch", "overthrow", "power grab"})
# things one party puts to another: whoever's they are is the target of accepting or rejecting them
_DEAL_NOUNS = {"ceasefire", "truce", "deal", "agreement", "accord", "settlement", "compromise", "formula"}
_PROPOSAL_NOUNS = {"proposal", "plan", "offer", "initiative", "request", "demand", "proposition", "bid", "roadmap",
                   "draft", "resolution", "ultimatum", "invitation", "appeal", "call", "incentive", "package", "terms", "blueprint"}
_MISSION_NOUNS = {"embassy", "consulate", "mission", "legation", "chancery"}
_WORD_ROOTS = {"02", "03", "04", "05", "10", "11", "12", "13"}  # acts done in words or meetings
_LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "within", "throughout"}
_TOPIC_PREPS = {"about", "regarding", "concerning"}
_GOVERNING_ROOTS = {"02", "10", "13"}  # appeals, demands, threats: the named act says to whom  # yielding and coercion are often done at home: the place's country is the target


_AUTHORED_NOUNS = frozenset({"sanction", "measure", "penalty", "restriction", "embargo", "tariff", "ban", "decision",
                             "move", "step", "attack", "strike", "raid", "arrest", "detention", "expulsion", "order",
                             "decree", "law", "killing", "bombing", "shelling", "incursion", "operation", "blockade",
                             "crackdown", "repression", "treatment", "annexation", "occupation", "invasion", "seizure",
                             "overthrow", "coup", "conduct", "behaviour", "behavior", "actions", "policy", "test"})
_CRITICISM_NOUNS = frozenset({"criticism", "accusation", "allegation", "charge", "condemnation", "rebuke", "censure",
                              "claim", "remark", "comment", "demand", "ultimatum"})
_DEED_ROOTS = frozenset({"06", "07", "08", "15", "16", "17", "18", "19", "20"})
_AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "declaration", "truce", "ceasefire", "pact", "treaty",
                              "settlement", "understanding", "memorandum", "signing", "cessation", "armistice"})
_AGREEING = frozenset({"agree", "sign", "reach", "conclude", "strike", "seal"})  # verb keys of agreements of two
_STEP_NOUNS = frozenset({"step", "move", "decision", "measure"})


# time spent in talks: "four days of talks"
SPANS = frozenset({"day", "week", "month", "hour", "year", "session"})
# marks of a clause told beside another, not about it
_PARALLEL_MARKS = frozenset({"while", "whereas"})


class TargetFinder:
    """Target, claimant and crowd resolution for `events._Coder`."""

    doc: Doc
    actors: ActorIndex
    book: PatternBook
    events: list[Event]
    _targets_of: dict[int, list[Actor]]

    def _subject(self, verb: Token) -> list[Actor]:
        return self.actors.subject_of(verb)

    def _slot(self, verb: Token, slot: str) -> list[Actor]:
        if slot == "dobj" and verb.dep_ == "relcl" and (
                any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in self.actors.kids[verb.i])
                or not any(c.dep_ in ("dobj", "nsubjpass") for c in self.actors.kids[verb.i])
                and any(c.dep_ == "nsubj" for c in self.actors.kids[verb.i])):
            return self.actors.resolve(verb.head)  # "the test that both governments condemned"
        for c in self.actors.kids[verb.i]:
            if slot == "dobj" and c.dep_ == "dobj" and (author := self._act_author(c)):
                return author  # "condemned the sanctions imposed by the United States on its judges"
            if slot in ("dobj", "dative") and c.dep_ == slot:
                found = self.actors.resolve(c)
                if found:
                    return found
            if slot == "poss" and c.dep_ in ("dobj", "nsubjpass"):
                for g in self.actors.kids[c.i]:
                    if g.dep_ == "poss":
                        found = self.actors.resolve(g)
                        if found:
                            return found
                for g in self.actors.kids[c.i]:  # "rejected a European proposal", "the Egyptian plan"
                    if g.dep_ in ("amod", "compound") and g.i in self.actors.names and g.i < c.i:
                        found = self.actors.resolve(g)
                        if found and c.lemma_.lower() in _PROPOSAL_NOUNS:
                            return found
                if found := self._proposer(c):
                    return found
            if slot == "poss" and c.dep_ == "prep" and c.lower_ == "to":  # "agreed to a ceasefire proposed by X"
                for g in self.actors.kids[c.i]:
                    if g.dep_ == "pobj" and (found := self._proposer(g)):
                        return found
            if c.dep_ in ("prep", "prt", "dative") and c.lower_ == slot:
                for g in self.actors.kids[c.i]:
                    if g.dep_ == "pobj":
                        found = self.actors.resolve(g)
                        if found:
                            return found
        if slot == "dobj":
            for c in self.actors.kids[verb.i]:
                if c.dep_ == "nsubjpass":
                    return self.actors.resolve(c)
                if c.dep_ == "prt" and c.lower_ == "up":
                    # "kidnapped up to 16 Russian advisers": the small model reads "up to" as a particle
                    # and a preposition; the number's noun is the object
                    obj = next((g for p in self.actors.kids[c.i] if p.dep_ == "prep" and p.lower_ == "to"
                                for g in self.actors.kids[p.i] if g.dep_ == "pobj"
                                and any(n.dep_ == "nummod" for n in self.actors.kids[g.i])), None)
                    if obj is not None and (found := self.actors.resolve(obj)):
                        return found
        elif slot not in ("dative", "poss"):
            # "mediated talks between Rwanda and Congo", "held a call with Blinken",
            # "spoke by phone with X", "during a telephone call with X"
            heads = [c for c in self.actors.kids[verb.i] if c.dep_ == "dobj"] + [
                g for c in self.actors.kids[verb.i] if c.dep_ == "prep" and c.lower_ != "as"  # "as an act against Serbs": a verdict
                for g in self.actors.kids[c.i] if g.dep_ == "pobj"]
            # "for two days of talks with her Peruvian counterpart": through the span to the talks
            heads += [g for c in heads for p in self.actors.kids[c.i] if p.dep_ == "prep" and p.lower_ == "of"
                      and c.lemma_.lower() in SPANS for g in self.actors.kids[p.i] if g.dep_ == "pobj"]
            for c in heads:
                for p in self.actors.kids[c.i]:
                    if p.dep_ == "prep" and p.lower_ == slot:
                        for g in self.actors.kids[p.i]:
                            if g.dep_ == "pobj" and (found := self.actors.resolve(g)):
                                return found
        return []

    def _target(self, verb: Token, pattern: VerbPattern | None, source: list[Actor],
                code: str | None = None) -> tuple[list[Actor], float]:
        """`code`, where given, is what the verb was coded as ("vowed to retaliate": a threat, 138)."""
        slots = pattern.target if pattern else ("dobj", "to", "with", "dative")
        if pattern is not None and pattern.code[:2] in ("18", "19", "20") and verb.tag_ == "VBG" \
                and verb.dep_ in ("advcl", "conj") and verb.head.i in self._targets_of:
            return self._targets_of[verb.head.i], 0.9  # "ambushed an army patrol, killing five soldiers"
        if pattern is not None and pattern.code[:2] in ("18", "19", "20") and verb.dep_ == "acl" \
                and verb.head.head.head.i in self._targets_of:  # "were killed in an attack carried out by gunmen"
            return self._targets_of[verb.head.head.head.i], 0.9
        judged = self._judged_step(verb, source)
        if judged:
            return judged, 0.9
        for slot in slots:
            found = self._slot(verb, slot)
            if found and not _same(found, source):
                root = pattern.code[:2] if pattern is not None else ""
                return self._speakers_own(verb, self._place_victims(verb, found, source, root), source), 1.0
        root = (code or pattern.code)[:2] if pattern is not None else ""
        if root == "16" and verb.dep_ == "conj" and self._root_of.get(verb.head.i) == "16" \
                and verb.head.i in self._targets_of:
            # "Bahrain cut ties with Iran and the UAE downgraded its relations": with Iran too
            return [a for a in self._targets_of[verb.head.i] if a.country not in {s.country for s in source}] \
                or self._targets_of[verb.head.i], 0.9
        if root == "11":
            # "filed a case at the ICJ accusing Myanmar of genocide": whom the charge names, not the court
            for c in self.actors.kids[verb.i]:
                if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ("accuse", "charge", "blame"):
                    obj = next((g for g in self.actors.kids[c.i] if g.dep_ == "dobj"), None)
                    found = [a for a in self.actors.resolve(obj) if a.country] if obj is not None else []
                    if found and not _same(found, source):
                        return found, 0.9
        if pattern is not None and root in _GOVERNING_ROOTS:
            found = self._complement_target(verb, source)
            if found:
                return found, 0.9
        # countries inside the object and prepositional phrases ("killed dozens in Indian-held Kashmir")
        place_root = pattern is not None and pattern.code[:2] in _PLACE_TARGET_ROOTS
        # "held talks in Muscat": where talks are held names no party; where force falls does
        idx = [i for c in self.actors.kids[verb.i] if c.dep_ in ("dobj", "prep", "nsubjpass", "dative", "xcomp")
               and (place_root or not (c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS))
               and not (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)  # "spoke about Taiwan": a topic
               and not (c.dep_ == "prep" and c.lower_ == "as")  # "condemned the arrests as intimidation of Serbs": a verdict
               and not (c.dep_ == "prep" and c.lower_ in ("through", "via"))  # "aid through U.N. agencies": a channel
               for i in phrase_tokens(c)]
        # "struck what the military described as hideouts of the TTP in Afghanistan": a free relative
        idx += [t.i for c in self.actors.kids[verb.i] if c.dep_ in ("ccomp", "dobj") and c.left_edge.lower_ == "what"
                for t in c.subtree]
        src_c = {a.country for a in source}
        for c in self.actors.countries_in(idx):
            if c not in src_c:
                return [self._country_actor(c)], 0.9
        reporter = self._reporting_country(verb)
        civil = pattern is not None and pattern.code[:2] == "17" and any(
            r in ("GOV", "COP", "JUD") for a in source for r in a.roles) and not any("MIL" in a.roles for a in source)
        if reporter and reporter not in src_c and pattern is not None and pattern.code[:2] in _PLACE_TARGET_ROOTS \
                and not civil:  # ("the State Department said Nicaragua's government detained priests": its own)
            return [self._country_actor(reporter)], 0.7  # "Pakistan said Indian troops shelled a school"
        loc = self.actors.location_in(idx)
        if loc and loc.country and loc.country not in src_c and pattern is not None \
                and pattern.code[:2] in _PLACE_TARGET_ROOTS:
            return [self._country_actor(loc.country)], 0.8
        if loc and loc.country and pattern is not None and (pattern.code[:2] in _DOMESTIC_ROOTS
                                                            or pattern.code[:2] in _PLACE_TARGET_ROOTS):
            return [self._country_actor(loc.country)], 0.8
        if pattern is not None and pattern.code[:2] in ANAPHORIC_ROOTS and self._anaphoric_object(verb):
            found = self._last_actor_of_previous_event(source, verb)
            if found:
                return found, 0.8  # "condemned the strikes": whoever struck
        if pattern is not None and pattern.code == "114" and pattern.objects:
            # "South Korea decided to end a pact with Japan. Tokyo lodged a strong protest": against
            # whoever did the latest deed
            if found := self._latest_author(_DEED_ROOTS, src_c):
                return found, 0.8
        if pattern is not None and pattern.code[:2] in ("18", "19", "20") and verb.dep_ in ("advcl", "conj") \
                and verb.head.i in self._targets_of:
            return self._targets_of[verb.head.i], 0.9  # "struck targets in Lebanon, killing nine"
        if pattern is not None and pattern.code[:2] in ("18", "19", "20"):
            return [], 1.0  # force needs a stated target; a bystander named nearby is not one
        if pattern is not None and pattern.code[:2] == "02":
            sides = self._sides(src_c, verb)
            if sides:
                return sides, 0.7  # "X urged restraint": the two sides of the dispute in the text
            main = self.actors.main_country()
            if main and main not in src_c and main in self.actors.kb.countries:
                return [self._country_actor(main)], 0.6  # a crisis inside one country: its parties at home
        # another actor named in the same sentence, other than whoever reports it or acts
        own = {t.i for t in self.actors.kids[verb.i] if t.dep_ in ("nsubj", "nsubjpass") for t in (t, *t.conjuncts)}
        # nor anyone named inside a relative clause of the sentence ("Oman, which mediates between …")
        sent = self.actors.sent_of(verb)
        words, dep, lower = self.actors.tokens[sent.start:sent.end], self.actors.arrays.dep, self.actors.arrays.lower
        own |= {x.i for t in words if dep[t.i] == "relcl" and t.i != verb.i
                and verb.i not in {y.i for y in t.subtree} for x in t.subtree}
        # nor a host or broker ("at talks hosted by Malaysia"), nor a place ("an agreement signed in Doha")
        own |= {x.i for t in words if dep[t.i] == "agent" and t.head.i != verb.i
                for x in t.subtree}
        own |= {x.i for t in words if dep[t.i] == "prep" and lower[t.i] in _LOCATIVE_PREPS
                for g in self.actors.kids[t.i] if g.dep_ == "pobj" and self._venue(g) for x in g.subtree}
        # nor a channel ("$3 million through U.N. agencies": the agencies pass the aid on)
        own |= {x.i for t in words if dep[t.i] == "prep" and lower[t.i] in ("through", "via") for x in t.subtree}
        own |= self._parallel_subjects(verb)
        for m in self.actors.mentions:
            if self.actors.sent_index[m.token] == self.actors.sent_index[verb.i] and m.token != verb.i \
                    and m.token not in own and not self._speaker_token(m.token, verb):
                cand = [a for a in m.actors if a.country and a.country not in src_c]
                if cand:
                    return cand[:1], 0.7
        return [], 1.0

    def _parallel_subjects(self, verb: Token) -> set[int]:
        """'Washington added 16 officials to its blacklist, while London announced travel bans':
        the actor of a clause set beside this one ('while', 'whereas') does the like, and is not
        its target; nor is the actor of the main clause the target of the 'while' clause."""
        kids = self.actors.kids
        pair = [c for c in kids[verb.i] if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _PARALLEL_MARKS for m in kids[c.i])]
        if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _PARALLEL_MARKS for m in kids[verb.i]):
            pair.append(verb.head)
        return {x.i for v in pair for s in kids[v.i] if s.dep_ in ("nsubj", "nsubjpass")
                for t in (s, *s.conjuncts) for x in t.subtree}

    def _complement_target(self, verb: Token, source: list[Actor]) -> list[Actor]:
        """The target of a threat or demand is whoever the act it names is done to: 'threatened to
        impose sanctions on Georgian officials', 'demanded that President Mugabe step down',
        'threatened to impose a curfew in Algiers'."""
        for comp in complements(verb):
            subj = next((c for c in self.actors.kids[comp.i] if c.dep_ in ("nsubj", "nsubjpass")), None)
            if comp.dep_ == "ccomp" and subj is not None:
                found = [a for a in self.actors.resolve(subj) if a.country]
                if found and not _same(found, source):
                    return found
            inner = next((m for m in self.book.matches(comp, self.actors.kids) if not m[0].crowd_subject), None)
            for slot in (inner[0].target if inner else ("dobj", "on", "against", "to")):
                found = [a for a in self._slot(comp, slot) if a.country]
                if found and not _same(found, source):
                    return found
            loc = self.actors.location_in([t.i for t in comp.subtree])
            if loc and loc.country and inner and inner[0].code[:2] in _DOMESTIC_ROOTS | {"18", "19", "20"}:
                return [self._country_actor(loc.country)]  # a curfew threatened in Algiers
            if inner and inner[0].code[:2] in ("18", "19", "20"):
                # "threatened to attack schools in Nigeria": force threatened where it would fall
                where = self.actors.countries_in([t.i for t in comp.subtree], locative=True)
                if where:
                    return [self._country_actor(where[0])]
        return []

    def _sides(self, src_c: set[str], verb: Token) -> list[Actor]:
        """The last pair of parties named together before this verb, neither of them the source."""
        for m in reversed(self.actors.mentions):
            if m.token >= verb.i or len(m.actors) != 2:
                continue
            cs = {a.country for a in m.actors if a.country}
            if len(cs) == 2 and not cs & src_c:
                return list(m.actors)
        return []

    def _place_victims(self, verb: Token, found: list[Actor], source: list[Actor] = (), root: str = "") -> list[Actor]:
        """'killed 12 villagers in Nigeria's Zamfara state': victims take the country of the place;
        'police dispersed demonstrators': a state's organs act on its own people."""
        if any(a.country for a in found):
            return found
        idx = [t.i for c in self.actors.kids[verb.i] if c.dep_ in ("prep", "dobj") for t in c.subtree]
        if verb.dep_ == "relcl":  # "an attack on a checkpost in North Waziristan in which eight were killed"
            inside = {t.i for t in verb.subtree}
            idx += [t.i for t in verb.head.subtree if t.i not in inside]
        countries = [c for c in self.actors.countries_in(idx, locative=True)]
        loc = self.actors.location_in(idx)
        country = countries[0] if countries else (loc.country if loc else None)
        if country is None:  # "Gunmen killed 17 soldiers …, Niger's defence ministry said"
            _tok, rep = self._reporter(verb, trailing=True)
            country = next((a.country for a in rep if a.country and any(r in STATE_ROLES for r in a.roles)), None)
        if country is None and root in ("17", "18", "19", "20"):
            # "killed 12 villagers in Kharkiv": where force falls is told as where; a city the
            # article names alone is enough when no reporter says whose the victims are
            loc = self.actors.location_in(idx, told_as_where=True)
            country = loc.country if loc else None
        if country is None and root in _WORD_ROOTS:
            # "Baerbock urged the new authorities to …" in Damascus: an appeal or a word to an
            # organ goes to the country the article is about, never back to the speaker's own
            main = self.actors.main_country()
            if main and main not in {a.country for a in source}:
                country = main
        elif country is None and any(r in STATE_ROLES for a in source for r in a.roles):
            country = next((a.country for a in source if a.country), None)
        if country is None:  # "police fired tear gas at farmers … Two protesters were killed": that crowd's
            here = self.actors.sent_index[verb.i]
            country = next((e.target.country for e in reversed(self.events) if e.root in ("17", "18", "19", "20")
                            and e.target is not None and e.target.country and e.sentence >= here - 1), None)
        if country is None:  # "exchanged fire with the gangs": the gangs of the country the text is about
            country = self.actors.main_country()
        if country is None:
            return found
        return [a.model_copy(update={"country": country, "code": (country + a.roles[0]) if a.roles else country})
                for a in found]

    def _venue(self, tok: Token) -> bool:
        """A city where something was signed or announced ('in Doha', 'in Geneva'), not a territory
        an act is done in ('settlements in the Gaza Strip')."""
        loc = self.actors.location_in([tok.i])
        return loc is not None and loc.kind in ("capital", "city")

    def _speakers_own(self, verb: Token, found: list[Actor], source: list[Actor]) -> list[Actor]:
        """'Fishermen said Chinese vessels fired water cannon at their boats': a hostile act on
        'their' boats, read back to its own doer, is an act on the speakers' side."""
        src_c = {a.country for a in source if a.country}
        if not src_c or not {a.country for a in found} <= src_c or not any(
                d.dep_ == "poss" and d.lower_ in ("their", "our", "his", "her")
                for c in self.actors.kids[verb.i] if c.dep_ in ("dobj", "prep") for g in (c, *self.actors.kids[c.i]) for d in self.actors.kids[g.i]):
            return found
        _tok, rep = self._reporter(verb)
        other = next((a.country for a in rep if a.country and a.country not in src_c), None)
        return [self._country_actor(other)] if other else found

    def _reporting_country(self, verb: Token) -> str | None:
        """The country of whoever reports this clause ('X said that …'), if any."""
        _tok, rep = self._reporter(verb)
        return next((a.country for a in rep if a.country), None) if rep else None

    def _reporter(self, verb: Token, trailing: bool = False) -> tuple[Token | None, list[Actor]]:
        """Who reports this clause when a verb of saying comes first ('X said that Y attacked …');
        with `trailing`, also 'Y attacked …, X said'."""
        t = verb
        for _ in range(8):
            if t.head.i == t.i:
                break
            if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "before", "since", "when", "as")
                                         for m in self.actors.kids[t.i]):
                break  # "…, she told Reuters, hours after Russian drones struck Odesa": told, not claimed
            t = t.head
            if t.lemma_.lower() == "quote" and (quoted := next((c for c in self.actors.kids[t.i] if c.dep_ == "nsubjpass"), None)):
                # '"…," Hasanov was quoted as saying': the one quoted reports it
                return (t, self.actors.resolve(quoted)) if t.i < verb.i or trailing else (None, [])
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.book.speech:
                if t.i > verb.i and not trailing:  # "X fired missiles, Seoul said": a sourced fact
                    return None, []
                return t, self._subject(t)
        if trailing:  # "…, Niger's defence ministry said": the report hangs off the act
            for c in self.actors.kids[verb.i]:
                if c.dep_ in ("parataxis", "advcl", "conj") and c.lemma_.lower() in self.book.speech:
                    return c, self._subject(c)
        return None, []

    def _victims_claim(self, verb: Token, source: list[Actor],
                       target: list[Actor]) -> tuple[Token | None, list[Actor]]:
        """'Azerbaijan said Armenian forces fired on its positions': only the victim's side says so,
        so the act is coded as its accusation, not as a fact. So is the victim's own direct quote
        ('"Armenian units fired on our positions," the ministry said'), while a report set after
        the act in plain words ('X fired missiles, Seoul said') is a sourced fact. Returns the verb of
        saying and accuser."""
        tok, rep = self._reporter(verb, trailing=bool(self.actors.speaker_at(verb.idx)))
        rc = next((a.country for a in rep if a.country), None)
        if not rc or not target or not source:
            return None, []
        if all(t.country == rc for t in target) and all(s.country and s.country != rc for s in source):
            return tok, rep
        return None, []

    def _speaker_token(self, i: int, verb: Token) -> bool:
        """The subject of a verb of saying that reports this verb's clause (or a word inside that
        subject: "South Korea's Joint Chiefs said") is its speaker, not a party."""
        t = self.doc[i]
        while t.dep_ in ("poss", "compound", "amod", "pobj", "prep", "appos") and t.head.i != t.i:
            t = t.head
        head = t.head
        return t.dep_.startswith("nsubj") and head.lemma_.lower() in self.book.speech and head.i != verb.i \
            and verb.i in {x.i for x in head.subtree}

    def _crowd_of_place(self, verb: Token, source: list[Actor]) -> list[Actor]:
        """Protesters with no stated nationality protest where they are."""
        # "outside the Turkish consulate in Erbil": the mission names whom they protest, not where they are
        idx = [t.i for c in self.actors.kids[verb.i] if c.dep_ in ("prep", "npadvmod", "nsubj") for t in c.subtree
               if not (t.dep_ in ("amod", "compound", "poss") and t.head.lemma_.lower() in _MISSION_NOUNS)]
        countries = self.actors.countries_in(idx, locative=True)
        sent = self.actors.sent_of(verb)
        loc = self.actors.location_in(idx, told_as_where=True) or self.actors.location_in(
            list(range(sent.start, sent.end)), told_as_where=True)
        country = countries[0] if countries else (loc.country if loc else None)
        if country is None:
            return source
        base = source[0] if source else None
        roles = base.roles if base and base.roles else ["CVL"]
        text = base.text if base else "protesters"
        return [Actor(text=text, name=text, code=country + roles[0], country=country, roles=roles)]

    def _act_author(self, noun: Token) -> list[Actor]:
        """'the sanctions imposed by the United States', 'the raid carried out by Turkish troops':
        an act told by a noun with its author in a participle's 'by' phrase is the author's."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _AUTHORED_NOUNS:
            return []
        poss = next((c for c in self.actors.kids[noun.i] if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
        if poss is not None:  # "condemning the interim government's bloody crackdown": the government's
            found = [a for a in self.actors.resolve(poss) if a.country]
            if found:
                return found
        obj = next(self._participle_agents([noun]), None)
        return [a for a in self.actors.resolve(obj) if a.country] if obj is not None else []

    def _participle_agents(self, nouns: list[Token]) -> Iterator[Token]:
        """The 'by' objects of the participles describing these nouns ('the sanctions imposed by X',
        'a plan drawn up by Y'), in order."""
        for acl in (a for n in nouns for a in self.actors.kids[n.i]):
            if acl.dep_ == "acl" and acl.tag_ == "VBN":
                for agent in self.actors.kids[acl.i]:
                    if agent.dep_ == "agent":
                        obj = next((g for g in self.actors.kids[agent.i] if g.dep_ == "pobj"), None)
                        if obj is not None:
                            yield obj

    def _proposer(self, noun: Token) -> list[Actor]:
        """'a peace plan drawn up by Norway', 'a ceasefire proposed by Carter': whose it is."""
        if noun.lemma_.lower() not in _PROPOSAL_NOUNS | _DEAL_NOUNS:
            return []
        inner = [g for p in self.actors.kids[noun.i] if p.dep_ == "prep" and p.lower_ == "of"
                 for g in self.actors.kids[p.i] if g.dep_ == "pobj"]  # "a package of incentives offered by …"
        for obj in self._participle_agents([noun, *inner]):
            if found := [a for a in self.actors.resolve(obj) if a.country]:
                return found
        return []

    def _slot_any(self, verb: Token, pattern: VerbPattern) -> bool:
        return any(self._slot(verb, s) for s in pattern.target)

    def _judged_step(self, verb: Token, source: list[Actor]) -> list[Actor]:
        """'…, a step the European Union hailed as a milestone': a verdict in a relative clause on a
        'step' or 'move' set beside the main clause judges whoever took that step."""
        head = verb.head
        if verb.dep_ != "relcl" or head.lemma_.lower() not in _STEP_NOUNS or head.dep_ not in ("appos", "npadvmod", "dobj") \
                or any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in self.actors.kids[verb.i]):
            return []
        main = head.head if head.head.pos_ in ("VERB", "AUX") else None
        if main is None and head.dep_ == "appos":
            main = head.head.head if head.head.head.pos_ in ("VERB", "AUX") else None
        if main is None:
            return []
        names = {a.name for a in source}  # ("a move that opposition leader Odinga denounced": a domestic verdict)
        return [a for a in self.actors.subject_of(main) if a.country and a.name not in names]

    def _anaphoric_object(self, verb: Token) -> bool:
        """'condemned the move', 'rejected the decision': the object is an earlier event; so is
        'condemned what he called a cruel attack'."""
        return self._called_object(verb) is not None or any(
            (c.dep_ == "dobj" or c.dep_ == "nsubjpass" and c.lemma_.lower() in _CRITICISM_NOUNS)
            and c.pos_ == "NOUN" and any(d.lower_ in ("the", "this", "that", "these")
                                         for d in self.actors.kids[c.i]) for c in self.actors.kids[verb.i])

    def _called_object(self, verb: Token) -> Token | None:
        """The noun of 'what he called a cruel attack' as the verb's object, else None."""
        kids = self.actors.kids
        for c in kids[verb.i]:
            if c.dep_ == "ccomp" and c.lemma_.lower() in ("call", "describe", "term", "brand", "label") \
                    and any(w.dep_ == "dobj" and w.lower_ == "what" for w in kids[verb.i] + kids[c.i]):
                return next((o for o in kids[c.i] if o.dep_ in ("oprd", "xcomp", "dobj") and o.pos_ == "NOUN"), None)
        return None

    def _adversary(self, source: list[Actor], root: str = "") -> list[Actor]:
        """Whom a threat or a closed crossing is aimed at: the other party of the latest hostile event
        (CAMEO 10–20) the source's country took part in, else of the latest event of anyone else.
        An earlier act of the same kind by someone else ('the EU froze assets …; Washington added
        16 officials to its blacklist') is done alongside, so it lends its target, not its author."""
        src = {a.country for a in source}
        found = self._other_party(src, hostile=True)
        if found:
            return found
        for e in reversed(self.events):
            for a in ((e.target,) if root and e.root == root else (e.source, e.target)):
                if a is not None and a.country and a.country not in src:
                    return [a]
        return []

    def _partner(self, source: list[Actor]) -> list[Actor]:
        """The other party of the latest event the source's country took part in."""
        return self._other_party({a.country for a in source if a.country})

    def _other_party(self, src: set[str | None], hostile: bool = False) -> list[Actor]:
        """The party not of `src` in the latest event (hostile: of CAMEO 10–20) a country of `src`
        took part in."""
        for e in reversed(self.events):
            if hostile and e.root < "10" or not ({e.source and e.source.country, e.target and e.target.country} & src):
                continue
            for a in (e.source, e.target):
                if a is not None and a.country and a.country not in src:
                    return [a]
        return []

    def _last_actor_of_previous_event(self, source: list[Actor], verb: Token | None = None,
                                      noun: Token | None = None) -> list[Actor]:
        """Whoever did what 'the move' or 'the attack' refers to: the latest earlier event of
        someone else, of force when the noun (`noun`, else the verb's object) names force."""
        src = {a.country for a in source}
        obj = noun or (next((c for c in self.actors.kids[verb.i] if c.dep_ == "dobj"), None) if verb is not None else None)
        if verb is not None and noun is None and (called := self._called_object(verb)) is not None:
            obj = called  # "condemned what he called a cruel attack": an attack
        if obj is None and verb is not None:  # "the criticism was rejected by Ankara"
            obj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "nsubjpass"
                        and c.lemma_.lower() in _CRITICISM_NOUNS), None)
        if obj is not None and obj.lemma_.lower() in _CRITICISM_NOUNS:
            # "rejected the criticism": whoever criticised or accused, latest first
            if found := self._latest_author(("11", "10"), src):
                return found
        if obj is not None and obj.lemma_.lower() in _PRESSURE_NOUNS:
            # "rejected the ultimatum": whoever issued it (a threat, 13), or made the demand (10)
            if found := self._latest_author(_PRESSURE_NOUNS[obj.lemma_.lower()], src):
                return found
        if obj is not None and obj.lemma_.lower() in _COUP_NOUNS:
            # "France condemned the takeover": the coup makers of the country the story is about
            main = self.actors.main_country()
            if main and main not in src and main in self.actors.kb.countries:
                return [self._country_actor(main)]
        force = obj is not None and obj.lemma_.lower() in FORCE_NOUNS
        if obj is not None and obj.lemma_.lower() in _SANCTION_NOUNS:
            # "rejected the measures": whoever imposed sanctions, if anyone did; else as any act
            if found := self._latest_author(("16",), src):
                return found
        if obj is not None and obj.lemma_.lower() in _AGREEMENT_NOUNS:
            # "welcomed the agreement": the parties to the latest agreement or truce between two
            # parties (a government and its rebels agreeing or signing count); a verdict on it ("also
            # praised the accord") is not it, nor a state's offer or pledge of its own ("Cairo has
            # offered troops")
            agreements = [e for e in reversed(self.events) if (e.root in ("03", "06") or e.cameo[:3] in ("057", "087"))
                          and not (e.source is not None and e.target is not None
                                   and e.source.country == e.target.country
                                   and e.rule.rpartition(":")[2].split("+")[0] not in _AGREEING)]
            for e in sorted(agreements, key=lambda e: e.target is None):  # stable: latest first within each kind
                parties = [a for a in (e.source, e.target) if a is not None and a.country and a.country not in src]
                if parties:
                    return list({a.country: a for a in parties}.values())
                if e.source is not None and e.target is not None and e.source.country == e.target.country:
                    return [self._country_actor(e.source.country)]  # its own peace deal, welcomed at home
        if obj is not None and obj.lemma_.lower() in ("decision", "move", "step"):
            # "regretted the decision": the latest deed of someone else (a sanction, an expulsion, a
            # strike), not the words said about it since
            if found := self._latest_author(_DEED_ROOTS, src):
                return found
        for e in reversed(self.events):
            if force and e.root not in ("18", "19", "20"):
                continue
            if e.source is not None and e.source.country and e.source.country not in src:
                return [e.source]
        return []

    def _latest_author(self, roots: Iterable[str], src: set[str | None]) -> list[Actor]:
        """The source of the latest event of one of these roots done by someone not in `src`."""
        found = next((e.source for e in reversed(self.events) if e.root in roots and e.source is not None
                      and e.source.country and e.source.country not in src), None)
        return [found] if found is not None else []

    def _country_actor(self, code: str) -> Actor:
        name = self.actors.kb.countries.get(code, code)
        return Actor(text=name, name=name, code=code, country=code, roles=[])


def _same(a: list[Actor], b: list[Actor]) -> bool:
    return bool(a) and bool(b) and {x.name for x in a} == {x.name for x in b}
