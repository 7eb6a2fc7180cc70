"""Event coding: verbs and their dependents → CAMEO-coded events between resolved actors.

For every verb the coder finds a pattern (data/verbs.yaml) or a statement verb, decides whether
the act happened (negation, conditions, questions, future and modal verbs, and verbs governed by
"plans to" / "denied" are not acts), picks source and target through the dependency parse, and
dates the event by the time expression that governs the verb.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors import ActorIndex
from tidings.extract.codebook import CameoCode, load_codebook
from tidings.extract.patterns import PatternBook, VerbPattern
from tidings.extract.time import timex_date_range
from tidings.models import Actor, Article, Candidate, Event, Timex

_MODALS = {"would", "could", "might", "may", "should", "must", "can", "shall", "ought"}
_FUTURE = {"will", "shall", "'ll", "wo"}
_HEDGES = {"reportedly", "allegedly", "apparently", "purportedly", "possibly", "probably", "likely", "supposedly"}
_COND_MARKS = {"if", "unless", "whether", "lest"}
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_INHERIT = ("conj", "advcl", "xcomp", "ccomp")  # clauses that take their head's time
_PLACE_TARGET_ROOTS = {"07", "15", "17", "18", "19", "20"}  # acts done to a place are done to its country
_EVENT_NOUNS = {"strike", "attack", "raid", "shelling", "bombardment", "blast", "explosion", "bombing", "assault",
                "offensive", "airstrike", "operation"}
_TEMPORAL_MARKS = {"after", "before", "since", "until", "till", "once", "when", "while"}
_FACTIVE_INF = {"manage", "begin", "start", "continue", "go", "help", "proceed", "move", "come", "decide"}
_ANAPHORIC_ROOTS = {"11", "12", "16", "17"}  # reactions to "the move", "the strikes"
_DOMESTIC_ROOTS = {"08", "17"}  # yielding and coercion are often done at home: the place's country is the target
_SELF_WORDS = {"we", "us", "our", "i", "my"}


@dataclass(slots=True)
class _Mode:
    status: str  # realis | future | modal | negated | conditional | question | governed
    reason: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class _Dated:
    date: dt.date
    text: str | None
    precision: str


def extract_events(doc: Doc, article: Article, actors: ActorIndex, timexes: list[Timex],
                   book: PatternBook) -> tuple[list[Event], list[Candidate]]:
    """Code every verb of the document; return kept events and the dropped candidates."""
    coder = _Coder(doc, article, actors, timexes, book)
    for si, sent in enumerate(actors.sents):
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.dep_ == "ROOT")]
        # reported acts first, so a statement knows whether its content was coded on its own
        verbs.sort(key=lambda t: t.lemma_.lower() in book.speech)
        for tok in verbs:
            coder.code_verb(tok, sent, si)
    return coder.events, coder.dropped


class _Coder:
    def __init__(self, doc: Doc, article: Article, actors: ActorIndex, timexes: list[Timex],
                 book: PatternBook) -> None:
        self.doc, self.article, self.actors, self.book = doc, article, actors, book
        self.codebook = load_codebook()
        self.events: list[Event] = []
        self.dropped: list[Candidate] = []
        self._seen: set[tuple] = set()
        self._event_verbs: set[int] = set()
        self._targets_of: dict[int, list[Actor]] = {}  # verb index → targets coded for it
        self._timex_heads = self._anchor_timexes(timexes)

    # ---- dates --------------------------------------------------------------------------
    def _anchor_timexes(self, timexes: list[Timex]) -> dict[int, list[tuple[Timex, tuple]]]:
        """Map each dated time expression to the verb its phrase hangs from."""
        out: dict[int, list[tuple[Timex, tuple]]] = {}
        for tx in timexes:
            if tx.type not in ("DATE", "TIME"):
                continue
            rng = timex_date_range(tx.value)
            if rng is None:
                continue
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None:
                continue
            verb = _governing_verb(span.root)
            if verb is not None:
                out.setdefault(verb.i, []).append((tx, rng))
        return out

    def _date_of(self, verb: Token) -> _Dated:
        """The time expression of the verb's own clause, else of the clause it continues."""
        seen = set()
        v: Token | None = verb
        while v is not None and v.i not in seen:
            seen.add(v.i)
            if v.i in self._timex_heads:
                tx, (lo, _hi, precision) = self._timex_heads[v.i][0]
                return _Dated(lo, tx.text, precision)
            temporal = any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in v.children)
            if v.dep_ in _INHERIT and not temporal and v.head.i != v.i:
                v = v.head
            else:
                break
        return _Dated(self.article.date, None, "article")

    # ---- modality ------------------------------------------------------------------------
    def _mode(self, verb: Token, sent: Span) -> _Mode:
        kids = list(verb.children)
        if sent.text.rstrip().rstrip("\"'”’").endswith("?"):
            return _Mode("question", "the sentence is a question")
        if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in kids):
            return _Mode("negated", "negated verb")
        for c in kids:
            if c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in ("no", "neither") and d.dep_ == "det" for d in c.children):
                return _Mode("negated", "negated subject ('no talks were held')")
            if c.dep_ == "dobj" and any(d.lower_ in ("no", "neither") and d.dep_ == "det" for d in c.children):
                return _Mode("negated", "negated object ('gave no details')")
        v = verb
        for _ in range(6):
            if any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in v.children):
                return _Mode("conditional", "in a conditional clause")
            if v.dep_ in ("advcl", "ccomp", "xcomp", "conj") and v.head is not v:
                v = v.head
            else:
                break
        gov = verb.head if verb.dep_ in ("xcomp", "ccomp", "pcomp") else None
        if verb.dep_ == "pcomp" and gov is not None and gov.dep_ == "prep":
            gov = gov.head
        if gov is not None and gov.lemma_.lower() in self.book.intent_governors and gov.i != verb.i:
            return _Mode("future", f"intended ('{gov.text} to')")
        if gov is not None and gov.lemma_.lower() in self.book.irrealis and gov.i != verb.i:
            if gov.lemma_.lower() != "be" or verb.dep_ == "xcomp":
                return _Mode("governed", f"governed by '{gov.text}'")
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids) \
                and verb.head.lemma_.lower() in self.book.intent_governors:
            return _Mode("future", f"intended ('{verb.head.text} to')")
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids) \
                and verb.head.lemma_.lower() not in _FACTIVE_INF:
            return _Mode("governed", f"infinitive under '{verb.head.text}'")
        if verb.tag_ == "VBG" and not any(c.dep_ in _SUBJ for c in kids) and (
                verb.dep_ in ("pobj", "amod", "compound")
                or (verb.dep_ in ("pcomp", "conj") and _nominal_gerund(verb))):
            return _Mode("governed", "a gerund used as a noun")
        if verb.dep_ in ("acl", "amod", "compound") and verb.tag_ in ("VBN", "JJ") or verb.dep_ == "amod":
            return _Mode("governed", "a participle describing a noun ('companies accused of …')")
        auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        lemmas = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
        hedge = any(c.lower_ in _HEDGES for c in kids) or any(c.lower_ in _HEDGES for c in verb.head.children
                                                               if verb.dep_ == "ccomp")
        if lemmas & _MODALS and "have" in lemmas and verb.tag_ == "VBN":
            return _Mode("realis", "hedged (modal perfect)", 0.5)
        if lemmas & _FUTURE or any(a.lower_ == "going" for a in auxes):
            return _Mode("future", "future tense")
        if lemmas & _MODALS:
            return _Mode("modal", "modal verb")
        return _Mode("realis", "hedged" if hedge else "", 0.6 if hedge else 1.0)

    # ---- actors ---------------------------------------------------------------------------
    def _subject(self, verb: Token) -> list[Actor]:
        return self.actors.subject_of(verb)

    def _slot(self, verb: Token, slot: str) -> list[Actor]:
        if slot == "dobj" and verb.dep_ == "relcl" and (
                any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children)
                or not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
                and any(c.dep_ == "nsubj" for c in verb.children)):
            return self.actors.resolve(verb.head)  # "the test that both governments condemned"
        for c in verb.children:
            if slot in ("dobj", "dative") and c.dep_ == slot:
                found = self.actors.resolve(c)
                if found:
                    return found
            if slot == "poss" and c.dep_ in ("dobj", "nsubjpass"):
                for g in c.children:
                    if g.dep_ == "poss":
                        found = self.actors.resolve(g)
                        if found:
                            return found
            if c.dep_ in ("prep", "prt", "dative") and c.lower_ == slot:
                for g in c.children:
                    if g.dep_ == "pobj":
                        found = self.actors.resolve(g)
                        if found:
                            return found
        if slot == "dobj":
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    return self.actors.resolve(c)
        elif slot not in ("dative", "poss"):
            # "mediated talks between Rwanda and Congo", "held a call with Blinken"
            for c in verb.children:
                if c.dep_ == "dobj":
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == slot:
                            for g in p.children:
                                if g.dep_ == "pobj" and (found := self.actors.resolve(g)):
                                    return found
        return []

    def _target(self, verb: Token, pattern: VerbPattern | None, source: list[Actor]) -> tuple[list[Actor], float]:
        slots = pattern.target if pattern else ("dobj", "to", "with", "dative")
        for slot in slots:
            found = self._slot(verb, slot)
            if found and not _same(found, source):
                return self._place_victims(verb, found), 1.0
        # countries inside the object and prepositional phrases ("killed dozens in Indian-held Kashmir")
        idx = [i for c in verb.children if c.dep_ in ("dobj", "prep", "nsubjpass", "dative", "xcomp")
               for i in _phrase(c)]
        src_c = {a.country for a in source}
        for c in self.actors.countries_in(idx):
            if c not in src_c:
                return [self._country_actor(c)], 0.9
        reporter = self._reporting_country(verb)
        if reporter and reporter not in src_c and pattern is not None and pattern.code[:2] in _PLACE_TARGET_ROOTS:
            return [self._country_actor(reporter)], 0.7  # "Pakistan said Indian troops shelled a school"
        loc = self.actors.location_in(idx)
        if loc and loc.country and loc.country not in src_c and pattern is not None \
                and pattern.code[:2] in _PLACE_TARGET_ROOTS:
            return [self._country_actor(loc.country)], 0.8
        if loc and loc.country and pattern is not None and (pattern.code[:2] in _DOMESTIC_ROOTS
                                                            or pattern.code[:2] in _PLACE_TARGET_ROOTS):
            return [self._country_actor(loc.country)], 0.8
        if pattern is not None and pattern.code[:2] in _ANAPHORIC_ROOTS and self._anaphoric_object(verb):
            found = self._last_actor_of_previous_event(source)
            if found:
                return found, 0.8  # "condemned the strikes": whoever struck
        if pattern is not None and pattern.code[:2] in ("18", "19", "20") and verb.dep_ in ("advcl", "conj") \
                and verb.head.i in self._targets_of:
            return self._targets_of[verb.head.i], 0.9  # "struck targets in Lebanon, killing nine"
        if pattern is not None and pattern.code[:2] in ("18", "19", "20"):
            return [], 1.0  # force needs a stated target; a bystander named nearby is not one
        # another actor named in the same sentence, other than whoever reports it
        for m in self.actors.mentions:
            if self.actors.sent_index[m.token] == self.actors.sent_index[verb.i] and m.token != verb.i \
                    and not self._speaker_token(m.token, verb):
                cand = [a for a in m.actors if a.country and a.country not in src_c]
                if cand:
                    return cand[:1], 0.7
        return [], 1.0

    def _place_victims(self, verb: Token, found: list[Actor]) -> list[Actor]:
        """'killed 12 villagers in Nigeria's Zamfara state': victims take the country of the place."""
        if any(a.country for a in found):
            return found
        idx = [t.i for c in verb.children if c.dep_ in ("prep", "dobj") for t in c.subtree]
        if verb.dep_ == "relcl":  # "an attack on a checkpost in North Waziristan in which eight were killed"
            inside = {t.i for t in verb.subtree}
            idx += [t.i for t in verb.head.subtree if t.i not in inside]
        countries = [c for c in self.actors.countries_in(idx, locative=True)]
        loc = self.actors.location_in(idx)
        country = countries[0] if countries else (loc.country if loc else None)
        if country is None:
            return found
        return [a.model_copy(update={"country": country, "code": (country + a.roles[0]) if a.roles else country})
                for a in found]

    def _reporting_country(self, verb: Token) -> str | None:
        """The country of whoever reports this clause ('X said that …'), if any."""
        _tok, rep = self._reporter(verb)
        return next((a.country for a in rep if a.country), None) if rep else None

    def _reporter(self, verb: Token) -> tuple[Token | None, list[Actor]]:
        """Who reports this clause when a verb of saying comes first ('X said that Y attacked …')."""
        t = verb
        for _ in range(8):
            if t.head.i == t.i:
                return None, []
            t = t.head
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.book.speech:
                if t.i > verb.i:  # "X fired missiles, Seoul said": a sourced fact, not a complaint
                    return None, []
                return t, self._subject(t)
        return None, []

    def _victims_claim(self, verb: Token, source: list[Actor],
                       target: list[Actor]) -> tuple[Token | None, list[Actor]]:
        """'Azerbaijan said Armenian forces fired on its positions': only the victim's side says so,
        so the act is coded as its accusation, not as a fact. Returns the verb of saying and accuser."""
        tok, rep = self._reporter(verb)
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

    def _restates_event(self, verb: Token) -> bool:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in _EVENT_NOUNS and \
            any(d.lower_ in ("the", "these", "those", "this", "that") for d in subj.children) and bool(self.events)

    def _crowd_of_place(self, verb: Token, source: list[Actor]) -> list[Actor]:
        """Protesters with no stated nationality protest where they are."""
        idx = [t.i for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
        countries = self.actors.countries_in(idx, locative=True)
        loc = self.actors.location_in(idx) or self.actors.location_in(list(range(self.actors.sent_of(verb).start, self.actors.sent_of(verb).end)))
        country = countries[0] if countries else (loc.country if loc else None)
        if country is None:
            return source
        base = source[0] if source else None
        roles = base.roles if base and base.roles else ["CVL"]
        text = base.text if base else "protesters"
        return [Actor(text=text, name=text, code=country + roles[0], country=country, roles=roles)]

    def _slot_any(self, verb: Token, pattern: VerbPattern) -> bool:
        return any(self._slot(verb, s) for s in pattern.target)

    def _anaphoric_object(self, verb: Token) -> bool:
        """'condemned the move', 'rejected the decision': the object is an earlier event."""
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and any(d.lower_ in ("the", "this", "that", "these")
                   for d in c.children) for c in verb.children)

    def _last_actor_of_previous_event(self, source: list[Actor]) -> list[Actor]:
        src = {a.country for a in source}
        for e in reversed(self.events):
            if e.source is not None and e.source.country and e.source.country not in src:
                return [e.source]
        return []

    def _country_actor(self, code: str) -> Actor:
        name = self.actors.kb.countries.get(code, code)
        return Actor(text=name, name=name, code=code, country=code, roles=[])

    # ---- coding ---------------------------------------------------------------------------
    def code_verb(self, verb: Token, sent: Span, si: int) -> None:
        if verb.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "compound") and verb.pos_ == "VERB":
            return  # a noun the tagger took for a verb ("trade through the crossing was suspended")
        match = next((m for m in self.book.matches(verb)
                      if not m[0].protest_only or self._protest_subject(verb)), None)
        lemma = verb.lemma_.lower()
        speech = self.book.speech.get(lemma) if match is None else None
        if match is None and speech is None:
            return
        mode = self._mode(verb, sent)
        pattern, _obj = match if match else (None, None)
        date_verb: Token | None = None
        code = self._refine(verb, pattern) if pattern else speech
        source = self._subject(verb)
        if mode.status in ("negated", "conditional", "question", "governed"):
            self._drop(si, verb, code, mode.reason)
            return
        threatened = None
        if mode.status in ("future", "modal"):
            if not self._self_stated(verb, source):
                self._drop(si, verb, code, f"{mode.reason}: an act reported of another, not done")
                return
            root = code[:2]
            if pattern and pattern.intent and root <= "09":
                code = pattern.intent
            elif pattern and root >= "14":
                threatened, code = code, pattern.threat or "138"
            elif speech is None:
                self._drop(si, verb, code, f"{mode.reason}: not done")
                return
        if pattern and pattern.sym and len(source) > 1 and not self._slot_any(verb, pattern):
            source, target, conf = source[:1], source[1:], 1.0
        else:
            target, conf = self._target(verb, pattern, source)
        if not target and (code[:2] == "13" or code[:2] in _ANAPHORIC_ROOTS and self._anaphoric_object(verb)):
            target = self._last_actor_of_previous_event(source)
        if not source and self._restates_event(verb):
            self._drop(si, verb, code, "restates an earlier event ('the strikes hit …')")
            return
        if code[:2] == "14" and not any(a.country for a in source):
            source = self._crowd_of_place(verb, source)
        if speech is not None:
            code, target, conf = self._statement(verb, code, source, target, conf)
        elif code[:2] in ("18", "19", "20") and (claim := self._victims_claim(verb, source, target))[1]:
            self._drop(si, verb, code, "claimed only by the victim's side: coded as its accusation")
            code, source, target = "112", claim[1], source
            pattern, speech, lemma, date_verb = None, "112", f"claim:{lemma}", claim[0]
        if not source and not target:
            self._drop(si, verb, code, "no actor resolved")
            return
        if pattern and pattern.sym and not target:
            self._drop(si, verb, code, "a mutual act (talks, meeting) with only one party")
            return
        if speech is not None and not any(a.country for a in source):
            self._drop(si, verb, code, "statement without a known speaker")
            return
        dated = self._date_of(date_verb or verb)
        loc_idx = [t.i for c in verb.children if c.dep_ in ("prep", "dobj", "npadvmod", "advmod") for t in c.subtree]
        location = self.actors.location_in(loc_idx) or self.actors.location_in([t.i for t in sent])
        rule = pattern.rule if pattern else lemma if lemma.startswith("claim:") else f"speech:{lemma}"
        for s in source or [None]:
            for t in target or [None]:
                if s is not None and t is not None and s.name == t.name and s.code == t.code:
                    continue
                self._emit(si, sent, verb, code, s, t, dated, location, mode.confidence * conf, rule, threatened,
                           sym=bool(pattern and pattern.sym))
        self._event_verbs.add(verb.i)
        if target:
            self._targets_of[verb.i] = target

    def _refine(self, verb: Token, pattern: VerbPattern) -> str:
        if not pattern.inner:
            return pattern.code
        best = None
        chain = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        while chain:
            v = chain.pop(0)
            code = pattern.inner.get(v.lemma_.lower())
            objs = [c.lemma_.lower() for c in v.children if c.dep_ == "dobj"]
            code = code or next((pattern.inner[o] for o in objs if o in pattern.inner), None)
            if code and (best is None or len(code) > len(best)):
                best = code
            chain.extend(c for c in v.children if c.dep_ in ("xcomp", "advcl", "conj"))
        return best or pattern.code

    def _protest_subject(self, verb: Token) -> bool:
        """'protest' and 'march' code as protest only for crowds, not 'India protested the move'."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return True
        if subj.lemma_.lower() in self.book.crowd_words or subj.lower_ in self.book.crowd_words:
            return True
        actors = self.actors.resolve(subj, subject=True)
        return any(r in ("CVL", "OPP", "LAB", "EDU", "NGM", "MED", "BUS", "HRI", "AGR", "HLH")
                   for a in actors for r in a.roles)

    def _self_stated(self, verb: Token, source: list[Actor]) -> bool:
        """Future acts count as intent or threat only when the actor says them of itself."""
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if subj is not None and subj.lower_ in _SELF_WORDS:
            return True
        t = verb
        for _ in range(10):
            if t.head.i == t.i:
                return True
            t = t.head
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.book.speech:
                break
        else:
            return True
        speaker = {a.country for a in self._subject(t) if a.country}
        acting = {a.country for a in source if a.country}
        if not speaker:  # an unnamed source reports it: the report's own voice
            return True
        return bool(acting) and acting <= speaker

    def _statement(self, verb: Token, code: str, source: list[Actor], target: list[Actor],
                   conf: float) -> tuple[str, list[Actor], float]:
        """A neutral 'said that …' takes its code from what was said: threat, accusation or statement."""
        comp = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")] + [
            c for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            for c in o.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)]
        if not comp:
            return code, target, conf
        tokens = [t for c in comp for t in c.subtree]
        if any(t.i in self._event_verbs for t in tokens):  # the content is an event of its own
            return code, target, conf
        words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        text = " ".join(t.lower_ for t in tokens)
        src_c = {a.country for a in source if a.country}
        others: list[Actor] = []
        for t in tokens:
            if t.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "amod", "compound") or t.ent_type_ in ("GPE", "NORP"):
                for a in self.actors.resolve(t) if t.pos_ in ("PROPN", "NOUN", "ADJ") else []:
                    if a.country and a.country not in src_c and a not in others:
                        others.append(a)
        if not others:
            for c in self.actors.countries_in([t.i for t in tokens]):
                if c not in src_c:
                    others.append(self._country_actor(c))
        future = any(t.lower_ in _FUTURE | {"would"} for t in tokens)
        if code == "010" and future and words & self.book.threat_cues and self._threat_by_speaker(tokens, src_c):
            return "138", (others[:1] or target or self._last_actor_of_previous_event(source)), conf
        if code == "010" and others:
            accused = self._subject_actors(tokens, src_c)
            if accused and (words & self.book.accusation_cues
                            or any(c in text for c in self.book.accusation_cues if " " in c)):
                return "112", accused[:1], conf
        return code, (target or others[:1]), conf

    def _subject_actors(self, tokens: list[Token], src_c: set[str]) -> list[Actor]:
        """Other actors that are the subject (or its possessor) of a clause in the content."""
        out: list[Actor] = []
        for t in tokens:
            if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass")):
                for a in self.actors.resolve(t):
                    if a.country and a.country not in src_c:
                        out.append(a)
        return out

    def _threat_by_speaker(self, tokens: list[Token], src_c: set[str]) -> bool:
        for t in tokens:
            if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in self.book.threat_cues | {"we", "it", "they"}:
                return True
            if t.dep_ in ("nsubj", "nsubjpass"):
                cs = {a.country for a in self.actors.resolve(t) if a.country}
                if cs and cs <= src_c:
                    return True
        return False

    def _drop(self, si: int, verb: Token, code: str | None, reason: str) -> None:
        self.dropped.append(Candidate(sentence=si, evidence=self.actors.sent_of(verb).text, verb=verb.text, cameo=code, reason=reason))

    def _emit(self, si: int, sent: Span, verb: Token, code: str, s: Actor | None, t: Actor | None,
              dated: _Dated, location, confidence: float, rule: str, threatened: str | None,
              sym: bool = False) -> None:
        key = (si, code[:2], s.country if s else None, t.country if t else None, s.name if s else None)
        sc, tc = (s.country if s else None), (t.country if t else None)
        pair = frozenset((sc, tc)) if sym else (sc, tc)
        again = (code[:2], pair, dated.date)  # the same act told twice in one article
        if key in self._seen or (sc and tc and again in self._seen):
            return
        self._seen.update((key, again))
        cc: CameoCode = self.codebook[code]
        eid = hashlib.sha1(f"{self.article.id}|{si}|{verb.i}|{code}|{s and s.code}|{t and t.code}".encode()).hexdigest()[:16]
        self.events.append(Event(
            id=eid, sentence=si, evidence=sent.text, start=sent.start_char, end=sent.end_char,
            date=dated.date, date_text=dated.text, date_precision=dated.precision, source=s, target=t,
            cameo=cc.code, root=cc.root, quad_class=cc.quad_class, goldstein=cc.goldstein, plover=cc.plover,
            location=location, confidence=round(confidence, 2), rule=rule, verb=verb.text, threatened=threatened))


def _phrase(tok: Token) -> list[int]:
    """A phrase's tokens without the clauses nested in it ('the first launch since Pyongyang rejected …')."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t.i)
        stack.extend(c for c in t.children if c.dep_ not in ("advcl", "relcl", "acl", "ccomp", "parataxis")
                     or c.i == tok.i)
    return out


def _nominal_gerund(verb: Token) -> bool:
    """'a history of supporting …' names a habit; 'after accusing …' tells an act."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pcomp" and t.head.lower_ in ("of", "for", "about", "against", "in", "on", "to", "without")


def _same(a: list[Actor], b: list[Actor]) -> bool:
    return bool(a) and bool(b) and {x.name for x in a} == {x.name for x in b}


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (itself if it is one)."""
    t, steps = tok, 0
    while steps < 12:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX", "NOUN") else None
        t, steps = t.head, steps + 1
    return None
