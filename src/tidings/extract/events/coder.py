"""Event coding: verbs and their dependents → CAMEO-coded events between resolved actors.

For every verb the coder finds a pattern (data/verbs.yaml) or a statement verb, decides whether
the act happened (negation, conditions, questions, future and modal verbs, and verbs governed by
"plans to" / "denied" are not acts), picks source and target through the dependency parse, and
dates the event by the time expression that governs the verb. Modality is decided in
`modality`, targets are found in `targets`, what a statement says (threat, accusation, demand,
verdict) in `speech`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.base import STATE_ROLES, authorities
from tidings.extract.actors.index import ActorIndex, actor_code
from tidings.extract.events.codebook import CameoCode, load_codebook
from tidings.extract.events.modality import SUBJECT_DEPS, Mode, verb_mode
from tidings.extract.events.nominal import NominalActs
from tidings.extract.events.one_sided import OneSidedActs
from tidings.extract.events.patterns import PatternBook, VerbPattern
from tidings.extract.events.speech import SpeechContent
from tidings.extract.syntax import complements, inside_other_time, phrase_tokens
from tidings.extract.events.targets import ANAPHORIC_ROOTS, SPANS, TargetFinder
from tidings.extract.time.dateline import dateline_end
from tidings.extract.time.timex import timex_date_range
from tidings.models import Actor, Article, Candidate, Event, Location, Timex

_INHERIT = ("conj", "advcl", "xcomp", "ccomp")  # clauses that take their head's time
_PLACE_ROOTS = {"07", "08", "14", "15", "16", "17", "18", "19", "20"}
_EVENT_NOUNS = {"strike", "attack", "raid", "shelling", "bombardment", "blast", "explosion", "bombing", "assault",
                "missile", "rocket", "drone", "shell", "projectile",
                "offensive", "airstrike", "operation"}
_TEMPORAL_MARKS = {"after", "before", "since", "until", "till", "once", "when", "while"}
_SAME_DAY_MARKS = {"after", "when", "while", "once"}  # "after" only under a clause dated to a day
_SELF_WORDS = {"we", "us", "our", "i", "my"}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
_ROUND_NOUNS = {"round", "session", "meeting", "talks", "talk", "summit", "negotiation"}
_VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13"}  # acts done in words
_FORCE_ROOTS = {"18", "19", "20"}
# nouns of non-violent measures: as a subject they make "target", "hit", "strike" figurative
_MEASURE_NOUNS = {"sanction", "measure", "penalty", "restriction", "embargo", "tariff", "ban", "law", "rule",
                  "order", "decree", "bill", "policy", "freeze", "asset", "designation", "listing"}
_STEPPING_DOWN = {"0831", "1231", "1041"}  # resigning, refusing to, being told to: a domestic matter
_DOMESTIC_FORCES = {"REB", "INS", "SEP", "COP", "UAF"}  # non-state armed parties and police fight at home
# acts that are done toward someone (appeals, consultations, cooperation, aid, demands, disapproval,
# rejection): with no one named as their object they are no dyadic event. Intents (03), concessions
# (08) and threats (13) are often one party's alone ("agreed to reopen its borders", "eased the
# curfew", "vowed revenge").
# who inspects rather than visits ("inspectors toured the plant"): docs/coding.md section 16
_INVESTIGATORS = frozenset({"inspector", "investigator", "detective", "monitor", "prosecutor", "auditor"})
# outcomes of a state's own institutions: rejected or criticised with no one named, at home
_OUTCOMES = frozenset({"result", "outcome", "verdict", "ruling", "count", "tally", "law", "bill", "budget",
                       "amendment", "referendum", "election", "vote", "constitution", "sentence",
                       # unrest at home: "the interior minister called the unrest an attempted coup"
                       "unrest", "riot", "uprising"})
_EXPLOSIVES = frozenset({"bomb", "mine", "landmine", "device", "explosive", "ied"})
_VISITING = frozenset({"visit", "tour", "enter", "inspect", "arrive", "return"})
_TOWARD_ROOTS = {"02", "04", "05", "07", "10", "11", "12", "13"}
_MOTIONS = frozenset({"motion", "bill", "proposal", "resolution", "draft", "measure", "amendment", "request"})
_CONCLUDING = frozenset({"end", "conclude", "wrap", "close", "complete", "finish"})
_TALKS = frozenset({"talk", "talks", "negotiation", "dialogue", "consultation", "meeting"})


@dataclass(slots=True)
class _Dated:
    date: dt.date
    text: str | None
    precision: str


def extract_events(doc: Doc, article: Article, actors: ActorIndex, timexes: list[Timex],
                   book: PatternBook) -> tuple[list[Event], list[Candidate]]:
    """Code every verb of the document; return kept events and the dropped candidates."""
    coder = _Coder(doc, article, actors, timexes, book)
    tokens, pos, dep, lemmas = actors.tokens, actors.arrays.pos, actors.arrays.dep, actors.arrays.lemmas
    for si, sent in enumerate(actors.sents):
        verbs = [tokens[i] for i in range(sent.start, sent.end)
                 if pos[i] in ("VERB", "AUX") or (pos[i] == "NOUN" and dep[i] == "ROOT")]
        # reported acts first, so a statement knows whether its content was coded on its own
        verbs.sort(key=lambda t: lemmas[t.i] in book.speech)
        for tok in verbs:
            coder.code_verb(tok, sent, si)
        coder.code_nominal_acts(sent, si)
    return coder.events, coder.dropped


class _Coder(TargetFinder, NominalActs, SpeechContent, OneSidedActs):
    """Coding state for one document: events kept, candidates dropped, targets per verb."""

    def __init__(self, doc: Doc, article: Article, actors: ActorIndex, timexes: list[Timex],
                 book: PatternBook) -> None:
        self.doc, self.article, self.actors, self.book = doc, article, actors, book
        self.codebook = load_codebook()
        self.events: list[Event] = []
        self.dropped: list[Candidate] = []
        self._seen: set[tuple] = set()
        self._told: dict[tuple, int] = {}  # (root, pair, day) -> the sentence that first told it
        self._dated_as: dict[int, _Dated] = {}  # verb → the day of the earlier act it refers to
        self._verb_slots: set[tuple] = set()  # (sentence, root, source, target) told by a verb
        self._nominal_slots: set[tuple] = set()  # … told by a noun
        self._event_verbs: set[int] = set()
        self._root_of: dict[int, str] = {}  # verb index → root coded for it
        self._targets_of: dict[int, list[Actor]] = {}
        self._claimed: set[int] = set()  # verbs whose act only its victim reports
        self._timex_tokens: dict[int, tuple[Timex, tuple]] = {}
        self._last_day_in: dict[int, tuple[Timex, tuple]] = {}  # sentence → its last day-precise timex
        self._timex_heads = self._anchor_timexes(timexes)

    # ---- dates --------------------------------------------------------------------------
    def _anchor_timexes(self, timexes: list[Timex]) -> dict[int, list[tuple[Timex, tuple]]]:
        """Map each dated time expression to the verb its phrase hangs from."""
        out: dict[int, list[tuple[Timex, tuple]]] = {}
        filed = dateline_end(self.article.text[:200])
        for tx in timexes:
            if tx.type not in ("DATE", "TIME") or tx.end <= filed:
                continue  # "NAIROBI, July 8 -": when the report was filed, not when anything happened
            rng = timex_date_range(tx.value)
            if rng is None:
                continue
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self._timex_tokens[tok.i] = (tx, rng)
            if rng[2] == "day":  # the last day named in each sentence, for the sentence after it
                self._last_day_in[self.actors.sent_index[span.start]] = (tx, rng)
            if inside_other_time(span.root):
                continue  # "… a day after sanctions over the forced landing of a jet last month": the landing's month
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
                return self._head_date(v.i)
            purpose = self._purpose_day(v)  # "used water cannon to disperse protesters … late on Tuesday"
            if purpose is not None:
                return purpose
            # a clause of "before", "since" or "until" is another time
            marks = {c.lower_ for c in self.actors.kids[v.i] if c.dep_ == "mark"} & _TEMPORAL_MARKS
            temporal = bool(marks - _SAME_DAY_MARKS)
            if v.dep_ == "relcl" and v.head.i in self._timex_tokens:  # "on Monday, when they signed …"
                tx, (lo, _hi, precision) = self._timex_tokens[v.head.i]
                return _Dated(lo, tx.text, precision)
            if v.dep_ == "relcl" and any(c.tag_ == "WRB" and c.lower_ in ("where", "when") for c in self.actors.kids[v.i]):
                v = _governing_verb(v.head)  # "met in Tokyo on Monday, where they signed …": that Monday
            elif v.dep_ in _INHERIT and not temporal and v.head.i != v.i:
                if "after" not in marks:
                    v = v.head
                    continue
                # "agreed on Saturday … after their army chiefs spoke by telephone": that day, when the
                # head is dated to one; otherwise the clause keeps its own time
                head = self._date_of(v.head)
                if head.precision == "day":
                    # "closed the border on Thursday, a day after a drone strike killed …": Wednesday
                    return _Dated(head.date - dt.timedelta(days=self._days_before(v)), head.text, head.precision)
                break
            elif v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in ("by", "in", "after", "upon", "while", "with") \
                    and v.head.head.i != v.head.i:
                v = v.head.head  # "responded on Tuesday by expelling …", "vowed … on Tuesday after accusing …": that Tuesday
            else:
                break
        carried = self._continued_date(verb, v) or self._participle_day(v)
        return carried or _Dated(self.article.date, None, "article")

    def _participle_day(self, verb: Token) -> _Dated | None:
        """'Lukashenko, speaking at a meeting on Tuesday, dismissed …': an undated act takes the day
        of a participle clause on it or on its subject, the occasion it was done at."""
        kids = self.actors.kids
        subj = [c for c in kids[verb.i] if c.dep_ == "nsubj"]
        for c in list(kids[verb.i]) + [a for s in subj for a in kids[s.i]]:
            if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and c.i in self._timex_heads \
                    and not any(m.dep_ == "mark" for m in kids[c.i]) and (day := self._head_date(c.i)).precision == "day":
                return day
        return None

    def _days_before(self, clause: Token) -> int:
        """'a day after', 'two days after', 'a week after': how many days the clause comes before
        its head; 0 for 'hours after' or a bare 'after'."""
        around = list(self.actors.kids[clause.i])
        if clause.dep_ == "prep" and clause.head.dep_ == "npadvmod":
            around.append(clause.head)  # "a day after sanctions …": the parser hangs "after" on "day"
        for c in around:
            if c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "week"):
                unit = 7 if c.lemma_.lower() == "week" else 1
                count = next((_COUNTS.get(d.lower_) for d in self.actors.kids[c.i] if d.dep_ in ("nummod", "det")), None)
                if count:
                    return count * unit
        return 0

    def _purpose_day(self, verb: Token) -> _Dated | None:
        """The day of an infinitive clause under the verb ('ordered them to leave … on Wednesday'):
        what the act was for happened on its occasion."""
        kids = self.actors.kids
        for c in kids[verb.i]:
            if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" and c.i in self._timex_heads \
                    and any(a.lower_ == "to" for a in kids[c.i]) and (day := self._head_date(c.i)).precision == "day":
                return day
        return None

    def _background(self, verb: Token) -> bool:
        """'property seized by government forces in the 1970s': a participle dated to a year or a
        span, not a day, tells the story's background, not an event of it."""
        own = self._timex_heads.get(verb.i)
        return bool(own) and own[0][1][2] not in ("day", "week", "month")

    def _head_date(self, i: int) -> _Dated:
        """The first time expression hanging from the verb at `i` (one of `_timex_heads`)."""
        tx, (lo, _hi, precision) = self._timex_heads[i][0]
        return _Dated(lo, tx.text, precision)

    def _timex_date(self, i: int) -> _Dated:
        tx, (lo, _hi, precision) = self._timex_tokens[i]
        return _Dated(lo, tx.text, precision)

    def _continued_date(self, verb: Token, top: Token | None) -> _Dated | None:
        """A sentence with no time of its own that goes on about the people of the one before
        ('… met Dbeibah in Rome on Tuesday. She urged him to …') tells the same occasion: it takes
        that sentence's day. A subject named afresh, or none, starts a new occasion (the article's)."""
        si = self.actors.sent_index[verb.i]
        if si == 0 or top is None:
            return None
        subj = next((c for c in self.actors.kids[top.i] if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (_anaphoric(subj) or self._acts_on_the_crowd(top, subj)):
            return None
        if si - 1 not in self._last_day_in:
            return None
        tx, (lo, _hi, precision) = self._last_day_in[si - 1]
        return _Dated(lo, tx.text, precision)

    def _acts_on_the_crowd(self, verb: Token, subj: Token) -> bool:
        """'Police used water cannon to disperse the crowd' after a rally told with its day: police
        acting on 'the crowd' or 'the protesters' named before are at the same occasion."""
        if subj.lemma_.lower() not in ("police", "troops", "force", "soldier", "officer"):
            return False
        return any(t.lemma_.lower() in self.book.crowd_words and any(
            d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in self.actors.kids[t.i])
            for t in verb.subtree if t.dep_ in ("dobj", "pobj"))

    def _mode(self, verb: Token, sent: Span) -> Mode:
        return verb_mode(verb, self.actors.span_text(sent), self.book, self.actors.kids[verb.i])

    # ---- coding ---------------------------------------------------------------------------
    def code_verb(self, verb: Token, sent: Span, si: int) -> None:
        if verb.pos_ == "VERB" and (verb.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos")
                                    or verb.tag_.startswith("NN")):
            return  # a noun the tagger took for a verb ("trade through the crossing was suspended")
        match = first = None
        for m in self.book.matches(verb, self.actors.kids):
            if (m[0].protest_only and not self._protest_subject(verb)) \
                    or (m[0].crowd_subject and not self._crowd_subject(verb)) \
                    or (m[0].person_object and not self._person_object(verb)) \
                    or (m[0].state_object and not self._state_object(verb)):
                continue
            if first is not None and not m[0].objects and (m[0].code[:2] < "10") != (first[0].code[:2] < "10"):
                # "… struck a final deal" with no partner found is no attack: no crossing from
                # cooperation (01-09) to conflict (10-20)
                break
            first = first or m
            # "held military drills near Taiwan" with no partner: not joint drills but the next
            # pattern that fits (a display of force), when there is one
            if not (m[0].sym and m[0].objects and not self._slot_any(verb, m[0]) and len(self._subject(verb)) < 2):
                match = m
                break
        partnerless = match is None and first is not None  # kept only to say why it is dropped
        match = match or first
        lemma = verb.lemma_.lower()
        speech = self.book.speech_code(verb, self.actors.kids) if match is None else None
        if match is None and speech is None:
            return
        if any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "what" for c in self.actors.kids[verb.i]) \
                and lemma in ("call", "term", "describe", "brand", "label", "dub"):
            # "protested over what it called violations of its airspace": a name for the thing the
            # act is about, told in the act's own words; no act of its own
            self._drop(si, verb, match[0].code if match else speech, "names the object of another act ('what it called …')")
            return
        if _code_root(match, speech) in _FORCE_ROOTS and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _MEASURE_NOUNS for c in self.actors.kids[verb.i]):
            # "the measures target two state firms": what sanctions aim at, not force
            self._drop(si, verb, match[0].code if match else speech, "measures told as aiming at someone, not force")
            return
        mode = self._mode(verb, sent)
        if mode.status == "realis" and any(c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "unless" for m in self.actors.kids[c.i]) for c in self.actors.kids[verb.i]):
            # "voted to suspend Syria from Wednesday unless the government halts its crackdown": the
            # act waits on a condition, so it is threatened, not done
            mode = Mode("future", "conditional on 'unless'")
        nominal = mode.status == "governed" and self._nominal_done(verb) and not self._background(verb)
        if nominal:
            mode = Mode("realis", "a done act told by a participle or a decision ('the measures imposed by …')")
        pattern, _obj = match if match else (None, None)
        date_verb: Token | None = None
        code = self._refine(verb, pattern) if pattern else speech
        if code[:2] == "04" and lemma in _VISITING and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _INVESTIGATORS for c in self.actors.kids[verb.i]):
            code = "090"  # "U.N. weapons inspectors visited a military complex": an inspection, not a visit
        if code[:3] == "164" and lemma in _CONCLUDING and self._spent_talks(verb):
            code = "040"  # "ended four days of talks without a breakthrough": the talks were held
        source = self._decision_author(verb) or self._subject(verb)
        if not source and code[:2] == "17" and any(c.dep_ == "nsubjpass" for c in self.actors.kids[verb.i]):
            # "the leader had been detained in Sfax": by the authorities of the place (or the story's country)
            idx = [t.i for c in self.actors.kids[verb.i] if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
            loc = self.actors.location_in(idx)
            country = (loc.country if loc else None) or self.actors.main_country()
            source = [authorities(country, self.actors.kb.countries.get(country, country))] if country else []
        if not source and lemma in self.book.stative_passives:
            subj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "nsubjpass"), None)
            source = self.actors.resolve(subj, subject=True) if subj is not None else []  # "Vietnam is committed to …"
        if mode.status == "attempted":
            # an attempted attack took place; an attempted assassination has its own code
            mode = Mode("realis", mode.reason, mode.confidence) if code[:2] in ("18", "19", "20") \
                else Mode("governed", mode.reason)
            code = "185" if code == "186" else code
        if mode.status == "habitual" and code[:2] < "14":
            mode = Mode("realis")  # "Norway, which hosts the talks": a standing role, coded as it stands
        refusal = mode.status == "negated" and code[:2] == "08" and self._vowed_not(verb)
        if refusal:
            # "Tehran would not give up its right to enrich", "we will never withdraw": a refusal to
            # yield (CAMEO 124), stated now
            code = self._refusal_code(verb)
            mode = Mode("realis", "a refusal to yield, vowed")
        if mode.status in ("negated", "conditional", "question", "governed", "habitual"):
            self._drop(si, verb, code, mode.reason)
            return
        if partnerless and not source and (retold := self._retold_round(verb)):
            # "Bangladesh and India held talks on Tuesday. The previous round was held in New Delhi
            # last month": the same two parties, another meeting
            source, partnerless = retold, False
        one_sided = partnerless and code[:3] == "087" and bool(source) and self._one_sided_truce(verb, source)
        if partnerless and not one_sided:
            self._drop(si, verb, code, "a mutual act told by a noun ('held talks') with only one party")
            return
        coded = self._intended_code(si, verb, code, mode, pattern, speech, source)
        if coded is None:
            return
        code, threatened = coded
        source, target, conf = self._parties(verb, code, pattern, source)
        if code[:2] == "03" and (bound := self._ultimatum(
                [t for c in self.actors.kids[verb.i] if c.dep_ == "ccomp" for t in c.subtree],
                {a.country for a in source if a.country})):
            # "vowed that Sudanese troops would push on to Juba if South Sudan's army did not quit
            # Heglig": a vow bound to another state's act threatens that state
            code, target = "130", bound
        if one_sided and not target:
            target = self._truce_party(source)
        if refusal and not target:
            target = self._partner(source) or self._adversary(source)
        if len(target) > 1:
            # "scrapped a meeting between Premier Wen and Japan's Kan", "recognised the Republic of South
            # Sudan": of several targets, those of the source's own country go when others remain
            target = [t for t in target if t.country not in {a.country for a in source}] or target
        if code[:3] == "166" and target and {t.country for t in target} <= {a.country for a in source}:
            # "Peru ordered its ambassador to return home": one's own envoy is recalled, not expelled
            self._drop(si, verb, code, "one's own diplomats are not expelled")
            return
        if lemma == "visit" and verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "amod", "acl") \
                and verb.head.lemma_.lower() in ("receive", "host", "welcome", "meet", "greet") and target:
            source, target = target, source  # "Jiang received visiting President Kim": Kim is the visitor
        clash = self.actors.clash_parties(verb) if code[:2] in _FORCE_ROOTS else []
        if clash:  # "clashes between ELN guerrillas and FARC dissidents killed 80 people": they fought
            source, target, conf, code = clash[:1], clash[1:2], 1.0, "190"
        if code[:2] == "17" and not any(a.country for a in source) and any(a.country for a in target) and any(
                c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in self.actors.kids[verb.i]):
            # "a Supreme Court justice placed Bolsonaro under house arrest": an organ of the state with
            # no country of its own acts on its own people (domestic actors by country of residence)
            country = next(a.country for a in target if a.country)
            source = [a.model_copy(update={"country": country, "code": actor_code(country, a.roles)})
                      for a in source] or [authorities(country, self.actors.kb.countries.get(country, country))]
        if code[:2] == "19" and code not in ("194", "195") and not any(a.country for a in source):
            # "two lawyers were shot dead by unidentified gunmen": force with no known author is
            # assault (unconventional violence, 18), not a military's conventional force (19);
            # shelling and air strikes stay military whoever is named
            code = "180"
        if nominal and not (source and target):
            self._drop(si, verb, code, "an act told in a noun phrase needs both its parties ('a bomb planted by …')")
            return
        if not source and self._restates_event(verb):
            self._drop(si, verb, code, "restates an earlier event ('the strikes hit …')")
            return
        if not source and code[:2] in ("18", "19", "20") and self._casualties_of_earlier(target):
            self._drop(si, verb, code, "casualties of an act already coded ('two soldiers were killed')")
            return
        if code[:2] == "14" and not any(a.country for a in source):
            source = self._crowd_of_place(verb, source)
            main = self.actors.main_country()
            subj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            if not any(a.country for a in source) and main and (source or subj is not None):
                # "Islamic fundamentalists continued their hunger strike": protesters of the country in question
                source = [a.model_copy(update={"country": main, "code": actor_code(main, a.roles)})
                          for a in source] or [Actor(text=self.actors.np_text(subj), name=main, code=main,
                                                     country=main, roles=[])]
        if code[:2] in ("18", "19") and lemma in ("hit", "strike") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _EXPLOSIVES for c in self.actors.kids[verb.i]):
            # "their convoy hit a roadside bomb": the subject was struck, it struck no one
            self._drop(si, verb, code, "struck by a mine or bomb: the subject is the victim")
            return
        if self._show_of_force(verb, code, target) or self._into_water(verb, code):
            code, pattern, speech, lemma = "150", None, "150", f"show-of-force:{lemma}"
        if speech is not None:
            code, target, conf = self._statement(verb, code, source, target, conf)
        elif code[:2] in ("18", "19", "20") and verb.dep_ in ("advcl", "conj") and verb.head.i in self._claimed:
            self._drop(si, verb, code, "part of an act claimed only by the victim's side")
            return
        elif code[:2] in ("18", "19", "20") and (claim := self._victims_claim(verb, source, target))[1]:
            self._drop(si, verb, code, "claimed only by the victim's side: coded as its accusation")
            self._claimed.add(verb.i)
            code, source, target = "112", claim[1], source
            pattern, speech, lemma, date_verb = None, "112", f"claim:{lemma}", claim[0]
        if not source and code[:2] in _VERBAL_ROOTS and self._subject_names_no_actor(verb):
            # "this calls for closer coordination", "the agreement commits both sides": a verbal act
            # needs someone to do it; a subject that names no actor does not
            self._drop(si, verb, code, "the subject names no actor ('this calls for …')")
            return
        if self._unpaired(si, verb, code, pattern, speech, source, target):
            return
        if code[:2] == "04" and target and all(a.roles == ["MED"] for a in target):
            self._drop(si, verb, code, "speaking to reporters is a statement, not a consultation")
            return
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and lemma == "target" \
                and self._root_of.get(verb.head.i, "18") < "18":
            # "approved sanctions against Russia, targeting 200 tankers": whom the sanctions hit, no attack
            self._drop(si, verb, code, f"says whom the act of '{verb.head.text}' is aimed at")
            return
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and code[:2] < "14" \
                and self._root_of.get(verb.head.i) == code[:2]:  # words restated; "…, killing 17" is not
            self._drop(si, verb, code, f"restates the act of '{verb.head.text}' ('condemned the strikes, calling them …')")
            return
        if code[:2] == "13" and threatened is None:
            threatened = self._threatened_act(verb, code)
        rule = pattern.rule if pattern else lemma if ":" in lemma else f"speech:{lemma}"
        self._emit_all(si, sent, verb, code, source, target, date_verb, mode.confidence * conf, rule, threatened,
                       sym=bool(pattern and pattern.sym) or bool(clash))

    def _subject_names_no_actor(self, verb: Token) -> bool:
        """'This calls for …', 'the agreement commits both sides': the subject is a thing, not a
        named party; an unknown name ('the European Community') may still be one."""
        subj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("PRON", "NOUN", "DET"):
            return False
        own = [subj, *(t for c in self.actors.kids[subj.i] if c.dep_ in ("compound", "amod", "poss", "nmod", "appos")
                       for t in c.subtree)]  # not "signed in Doha": a clause about the thing
        return not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in own)

    def _intended_code(self, si: int, verb: Token, code: str, mode: Mode, pattern: VerbPattern | None,
                       speech: str | None, source: list[Actor]) -> tuple[str, str | None] | None:
        """A future or modal act counts only as its actor's own intent or threat; None if dropped.
        Returns the code to use and the code threatened, if any."""
        threatened = None
        if mode.status == "modal" and code[:2] < "14" and any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "can")
                                          for c in self.actors.kids[verb.i]) and not any(
                c.dep_ in SUBJECT_DEPS and c.lower_ in _SELF_WORDS for c in self.actors.kids[verb.i]):
            # "diplomats said the council could approve more funding": a possibility, not an intent
            # unless the speaker says it of itself; "Colombia could strike rebel camps" still warns
            self._drop(si, verb, code, "a possibility ('could', 'might', 'may'), not an intent")
            return None
        if mode.status == "modal" and any(c.dep_ == "aux" and c.lower_ in ("should", "ought") for c in self.actors.kids[verb.i]) \
                and not any(c.dep_ in SUBJECT_DEPS and c.lower_ in _SELF_WORDS for c in self.actors.kids[verb.i]):
            # "Japan should apologise first": what someone says another ought to do is no intent of theirs
            self._drop(si, verb, code, "an obligation laid on another ('X should …'), not its intent")
            return None
        if mode.status in ("future", "modal"):
            if not self._self_stated(verb, source):
                self._drop(si, verb, code, f"{mode.reason}: an act reported of another, not done")
                return None
            root = code[:2]
            conditioned = any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in self.actors.kids[c.i])
                              for c in self.actors.kids[verb.i])
            if pattern and conditioned and root >= "10":
                threatened, code = code, pattern.threat or "130"  # "will cut aid unless …"
            elif pattern and root <= "09" and (pattern.intent or self.book.intent_by_root.get(root)):
                code = pattern.intent or self.book.intent_by_root[root]
            elif pattern and root >= "14":
                threatened, code = code, pattern.threat or "138"
            elif speech is None:
                self._drop(si, verb, code, f"{mode.reason}: not done")
                return None
        return code, threatened

    def _parties(self, verb: Token, code: str, pattern: VerbPattern | None,
                 source: list[Actor]) -> tuple[list[Actor], list[Actor], float]:
        """Source, target and the target's confidence; a mutual act of several parties pairs them."""
        if len(source) > 1 and _reciprocal(verb):
            return source, list(source), 1.0  # "both sides accused each other": each of the other
        described = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "incentives offered by A, B and C": to someone else
        if pattern and (pattern.sym or code[:2] in ("03", "05", "06") or "agree" in pattern.verbs
                        or code == "040" and self._spent_talks(verb)) and len(source) > 1 \
                and not (described and not pattern.sym) \
                and not self._slot_any(verb, pattern) and not (not pattern.sym and self._anaphoric_object(verb)):
            # ("the United States and China both welcomed the agreement": each welcomed it, not the other)
            # "the two leaders pledged to deepen cooperation": with each other
            source, target, conf = source[:1], source[1:], 1.0
        else:
            target, conf = self._target(verb, pattern, source, code)
        if not target and described and code[:2] in ("03", "05", "06", "07"):
            # "rejected incentives offered by Britain, France and Germany": offered to the rejecter
            gov = verb.head.head if verb.head.dep_ in ("dobj", "pobj") else None
            while gov is not None and gov.dep_ == "prep":
                gov = gov.head.head if gov.head.dep_ == "pobj" else gov.head
            if gov is not None and gov.pos_ == "VERB":
                src_c = {a.country for a in source}
                target = [a for a in self.actors.subject_of(gov) if a.country and a.country not in src_c]
        if code[:2] == "15" and target and all(t.country in {a.country for a in source} and "MIL" in t.roles for t in target):
            # "Islamabad put its forces on high alert": a posture toward the other side, not its own army
            target = self._adversary(source) or target
        elif code[:2] == "15" and target and all(t.country in {a.country for a in source} for t in target):
            # "Ecuador rushed troops to its northern frontier, a day after a Colombian raid": toward the
            # other side, the one the sentence names if no hostile act has been coded yet
            sent = self.actors.sents[self.actors.sent_index[verb.i]]
            own = {a.country for a in source}
            named = [c for c in self.actors.countries_in(list(range(sent.start, sent.end)), locative=True)
                     if c not in own and c in self.actors.kb.countries]
            target = self._adversary(source) or [self._country_actor(c) for c in named[:1]] or target
        if not target and code in ("150", "151", "152"):
            target = self._adversary(source)  # "forces were placed on alert": toward the other side
        if not target and code[:2] in ("13", "16") and not (code[:2] == "16" and self._domestic_target(verb, source, code)):
            target = self._adversary(source, code[:2])  # a threat, a closed crossing: aimed at the other side
        elif not target and code[:3] == "129":
            target = self._sponsor_of_vetoed(verb)  # "vetoed a U.S.-drafted resolution": the drafter's
        elif not target and code[:2] == "12" and (beneficiary := self._beneficiary_of_rejected(verb, source)):
            target = beneficiary  # "rejected a motion that would have allowed U.S. troops …": the U.S.
        elif not target and code[:2] == "12" and complements(verb):
            target = self._partner(source)  # "refused to supply the missiles": to whoever it has been dealing with
        elif not target and code[:2] == "04" and self._hosted_earlier_talks(verb):
            target = self._consulted_parties(source, verb)  # "Qatar, which hosted the talks": the two who talked
        elif not target and code[:2] in ("11", "12") and (home := self._outcome_at_home(verb, source)):
            target = home  # "the opposition candidate rejected the result as fraudulent": at home
        elif not target and code[:2] in ANAPHORIC_ROOTS and self._anaphoric_object(verb):
            target = self._last_actor_of_previous_event(source, verb)
        if not target and code[:2] not in ("01", "02", "03", "04", "05"):
            target, conf = self._domestic_target(verb, source, code), 0.6
        if not target and code[:2] in ("08", "17", "03") and code[:3] != "087":  # (a truce: events.one_sided)
            # "security forces ended the siege", "the authorities detained dozens": a yield or a
            # coercion with no one named and no place told is done at home (CAMEO's domestic events);
            # so is a promise by an office or a person to no one named ("President Arce promised to
            # restore fuel supplies"); a state's own commitment ("Ethiopia has agreed to reopen its
            # borders") stays an intent with no one named
            own = next((a.country for a in source if a.country and a.country in self.actors.kb.countries), None)
            home = [self._country_actor(own)] if own is not None else []
            if home and not (code[:2] == "03" and any(a.text == home[0].text for a in source)):
                target, conf = home, 0.6
        if target and (code[:2] == "07" or code[:3] == "033"):
            # "Beijing pledged 50 million yuan", "Iran's Red Crescent sent a convoy …, and the United
            # Arab Emirates dispatched a field hospital": a donor, its own or another in the sentence,
            # is no recipient; the story's country is
            donors = {a.country for a in source} | {
                a.country for v in verb.conjuncts for c in self.actors.kids[v.i] if c.dep_ == "nsubj"
                for a in self.actors.resolve(c, subject=True)}
            target = [t for t in target if t.country not in donors]
        if not target and (code[:2] == "07" or code[:3] == "033"):
            # "Beijing pledged 50 million yuan in emergency assistance": to the country the story is about
            main = self.actors.main_country()
            if main and main in self.actors.kb.countries and all(a.country != main for a in source):
                target = [self._country_actor(main)]
        if code == "144" and pattern is not None and pattern.protest_only and source:
            # "farmers who had blocked the highway": a crowd's blockade is aimed at its own government,
            # not at whichever state the article mentioned last
            target = [self._country_actor(c) for c in dict.fromkeys(a.country for a in source if a.country)][:1] or target
        if not target and code[:2] == "14":  # protesters protest their own government
            target = [self._country_actor(c) for c in dict.fromkeys(a.country for a in source if a.country)][:1]
        return source, target, conf

    def _spent_talks(self, verb: Token) -> bool:
        """'four days of talks', 'months of negotiations': talks told by the time spent in them."""
        return any(c.dep_ == "dobj" and c.lemma_.lower() in SPANS and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(g.lemma_.lower() in _TALKS for g in self.actors.kids[p.i])
            for p in self.actors.kids[c.i]) for c in self.actors.kids[verb.i])

    def _beneficiary_of_rejected(self, verb: Token, source: list[Actor]) -> list[Actor]:
        """The other state a rejected motion, bill or proposal would have served, as its clause says."""
        text = next((c for c in self.actors.kids[verb.i] if c.dep_ == "dobj" and c.lemma_.lower() in _MOTIONS), None)
        if text is None:
            return []
        said = [t.i for c in self.actors.kids[text.i] if c.dep_ in ("relcl", "acl") for t in c.subtree]
        own = {a.country for a in source}
        other = [c for c in self.actors.countries_in(said) if c not in own and c in self.actors.kb.countries]
        return [self._country_actor(other[0])] if other else []

    def _sponsor_of_vetoed(self, verb: Token) -> list[Actor]:
        """Whom a veto is aimed at: the state that drafted the text ("a U.S.-drafted resolution", "a
        French draft", "a resolution proposed by Britain"), else the United Nations body that would
        have passed it (a Security Council resolution)."""
        text = next((c for c in self.actors.kids[verb.i] if c.dep_ in ("dobj", "nsubjpass")), None)
        if text is None:
            return []
        said = {t.i for c in self.actors.kids[text.i] if c.dep_ == "relcl" for t in c.subtree}  # what it would do
        idx = [t.i for t in text.subtree if t.i not in said]
        sponsor = [c for c in self.actors.countries_in(idx, locative=True) if c in self.actors.kb.countries]
        if sponsor:
            return [self._country_actor(sponsor[0])]
        sent = self.actors.sents[self.actors.sent_index[verb.i]]
        words = self.actors.text[sent.start_char:sent.end_char]
        if "Security Council" in words or "U.N." in words or "UN " in words or "United Nations" in words:
            return [Actor(text="United Nations", name="United Nations", code="UNO", country="UNO", roles=["IGO"])]
        return []

    def _retold_round(self, verb: Token) -> list[Actor]:
        """The two parties of the latest consultation, when a passive verb's subject is another
        meeting of it ('the previous round was held', 'the last session was held in Doha')."""
        subj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.lemma_.lower() not in _ROUND_NOUNS or not any(
                d.dep_ in ("det", "amod", "poss") and d.lower_ in ("the", "previous", "last", "first", "second", "third",
                                                                  "next", "latest", "their") for d in self.actors.kids[subj.i]):
            return []
        e = next((e for e in self._consultations() if e.source.country != e.target.country), None)
        return [e.source, e.target] if e is not None else []

    def _hosted_earlier_talks(self, verb: Token) -> bool:
        """'hosted the talks', 'chaired those negotiations': talks told before, by a definite noun."""
        return any(c.dep_ == "dobj" and c.lemma_.lower() in self.book.nominal_consults and any(
            d.dep_ == "det" and d.lower_ in ("the", "those", "these", "that", "this") for d in self.actors.kids[c.i])
            for c in self.actors.kids[verb.i])

    def _consulted_parties(self, source: list[Actor], verb: Token) -> list[Actor]:
        """Both parties of the latest consultation between others; the hosting is dated with it."""
        src = {a.country for a in source if a.country}
        e = next((e for e in self._consultations() if not src & {e.source.country, e.target.country}), None)
        if e is None:
            return []
        self._dated_as[verb.i] = _Dated(e.date, e.date_text, e.date_precision)
        return [e.source, e.target]

    def _consultations(self) -> Iterator[Event]:
        """Meetings, calls and negotiations told so far with both parties, latest first (not visits
        or mediation, which have a host)."""
        return (e for e in reversed(self.events)
                if e.cameo[:3] in ("040", "041", "046") and e.source is not None and e.target is not None)

    def _outcome_at_home(self, verb: Token, source: list[Actor]) -> list[Actor]:
        """An election result, a verdict, a law or a budget rejected or criticised with no one
        named is its own country's (CAMEO's domestic event): the source's state, when it has one."""
        if not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _OUTCOMES for c in self.actors.kids[verb.i]):
            return []
        own = next((a.country for a in source if a.country and a.country in self.actors.kb.countries), None)
        return [self._country_actor(own)] if own is not None else []

    def _domestic_target(self, verb: Token, source: list[Actor], code: str) -> list[Actor]:
        """An act with no one named as its target, done in the actor's own country ('police
        imposed a curfew in Cizre', 'students demonstrated in Jakarta'), is done to that country:
        the CAMEO convention for domestic events."""
        idx = [t.i for c in self.actors.kids[verb.i] if c.dep_ in ("prep", "dobj", "npadvmod") for t in c.subtree]
        named = self.actors.countries_in(idx, locative=True)
        loc = self.actors.location_in(idx)
        country = named[0] if named else (loc.country if loc else None)
        if country is None and (code[:2] in ("09", "17") or code in _STEPPING_DOWN):  # police clear blockades
            # at home; a minister who resigns or refuses to resign yields (or not) to his own country; a
            # president who orders an inquiry with no one named investigates at home
            country = next((a.country for a in source if a.country and set(a.roles) & STATE_ROLES), None)
        if country is None:
            return []
        if source and not any(a.country == country for a in source) and code[:2] not in _PLACE_ROOTS:
            return []  # a protest, a curfew, a blockade or an aid cut is done to the place, whoever does it
        return [self._country_actor(country)]

    def _into_water(self, verb: Token, code: str) -> bool:
        """'fired two missiles into the Gulf of Oman': into water, whoever's coast it is."""
        return code[:2] in ("18", "19") and any(
            p.dep_ == "prep" and p.lower_ == "into" and any(g.lemma_.lower() in self.book.show_of_force
                                                            for g in self.actors.kids[p.i]) for p in self.actors.kids[verb.i])

    def _show_of_force(self, verb: Token, code: str, target: list[Actor]) -> bool:
        """Missiles fired 'into the sea' with no one named as hit: a test or display, not an attack."""
        if code[:2] not in ("18", "19") or target:
            return False
        kids = self.actors.kids
        if any(c.dep_ == "npadvmod" and c.lower_ == "test" for c in kids[verb.i]):
            return True  # "test-fired two ballistic missiles": a display of force
        return any(p.dep_ == "prep" and any(g.lemma_.lower() in self.book.show_of_force for g in kids[p.i])
                   for p in kids[verb.i])

    def _unpaired(self, si: int, verb: Token, code: str, pattern: VerbPattern | None, speech: str | None,
                  source: list[Actor], target: list[Actor]) -> bool:
        """Drop (and say so) an act with no party, a mutual act with one, or an unknown speaker."""
        if not source and not target:
            self._drop(si, verb, code, "no actor resolved")
            return True
        if pattern and pattern.sym and (not target or not source) and not (source and complements(verb)):
            # ("Ethiopia agreed to reopen its borders" is one party's commitment, kept)
            self._drop(si, verb, code, "a mutual act (talks, meeting) with only one party")
            return True
        if speech is not None and not any(a.country for a in source):
            self._drop(si, verb, code, "statement without a known speaker")
            return True
        if code[:2] in _TOWARD_ROOTS and not target:
            self._drop(si, verb, code, "an act done toward someone, with no one named as its object")
            return True
        kids = self.actors.kids[verb.i]
        if code[:2] in _FORCE_ROOTS and any(c.dep_ == "prep" and c.lower_ == "alongside" for c in kids) and not any(
                c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("against", "on") for c in kids):
            # "Eritrea, whose army fought alongside Ethiopian troops": an alliance, no enemy named
            self._drop(si, verb, code, "fighting alongside an ally names no enemy")
            return True
        if code[:2] == "07" and any(m[0].code[:2] in ("17", "18", "19", "20") for comp in complements(verb)
                                    for m in self.book.matches(comp, self.actors.kids)):
            # "sent F-16 jets to bomb Cambodian targets": the bombing is the act (coded from its own
            # verb), the jets are no aid to Cambodia
            self._drop(si, verb, code, "sent to use force: not aid")
            return True
        if code[:2] not in _FORCE_ROOTS and not any(a.country or self.actors.kb.lookup(a.name) for a in source):
            # "two protesters were killed" is worth coding with its doer unknown; "someone sanctioned
            # Mali" or "officials closed the border" is not: the doer is the point of the event. A
            # body the knowledge base knows without a country (al-Qaeda) is a known doer.
            self._drop(si, verb, code, "an act other than force by no known actor")
            return True
        return False

    def _dateline_capital(self, idx: list[int]) -> Location | None:
        """'The capital' named bare in a report filed from a country's capital is that capital."""
        country = self.actors.dateline_country()
        if country is None or not any(
                self.doc[i].lemma_.lower() == "capital" and self.doc[i].pos_ == "NOUN"
                and any(c.dep_ == "det" and c.lower_ == "the" for c in self.actors.kids[i])
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in self.actors.kids[i]) for i in idx):
            return None
        return Location(name="the capital", country=country, kind="capital")

    def _attackers_of_place(self, source: list[Actor], target: list[Actor], location: Location | None) -> list[Actor]:
        """'Gunmen killed five villagers in northern Burkina Faso': attackers nobody names are the
        unidentified armed force (UAF) of the country where they struck (CAMEO's domestic convention,
        docs/coding.md section 9): never a state's organ, never a neighbour someone blames; with no
        place told, of the country of victims the story is about."""
        country = location.country if location is not None and location.country in self.actors.kb.countries else None
        if country is None:
            main = self.actors.main_country()
            country = main if main and any(a.country == main for a in target) else None
        if country is None:
            return source
        # ("unidentified men" with no role of their own are an unidentified armed force, not the state)
        return [a.model_copy(update={"country": country, "roles": a.roles or ["UAF"],
                                     "code": actor_code(country, a.roles or ["UAF"])}) for a in source] \
            or [Actor(text="unidentified attackers", name=f"unidentified attackers ({country})",
                      code=actor_code(country, ["UAF"]), country=country, roles=["UAF"])]

    def _emit_all(self, si: int, sent: Span, verb: Token, code: str, source: list[Actor], target: list[Actor],
                  date_verb: Token | None, confidence: float, rule: str, threatened: str | None,
                  sym: bool) -> None:
        """One event per source-target pair, dated and placed once for the verb."""
        dated = self._dated_as.get(verb.i) or self._date_of(date_verb or verb)
        loc_idx = [t.i for c in self.actors.kids[verb.i] if c.dep_ in ("prep", "dobj", "npadvmod", "advmod") for t in c.subtree]
        # a noun the parser hung as a clause ("killed 26 people, most of them tourists, in a meadow")
        loc_idx += [t.i for c in self.actors.kids[verb.i] if c.dep_ == "advcl" and c.pos_ in ("NOUN", "PROPN")
                    for t in c.subtree]
        # "police in Quetta arrested …", "an attack near Ankara killed …": where the doer was
        loc_idx += [t.i for s in self.actors.kids[verb.i] if s.dep_ in ("nsubj", "nsubjpass") for p in self.actors.kids[s.i]
                    if p.dep_ == "prep" and p.lower_ in ("in", "near", "at", "outside") for t in p.subtree]
        clause = phrase_tokens(verb, self.actors.kids)  # the verb's own clause, not the next one's "in Kashmir"
        if verb.dep_ in ("conj", "advcl", "xcomp"):
            clause += phrase_tokens(verb.head, self.actors.kids)
        location = self.actors.location_in(loc_idx) or self.actors.location_in(clause)
        if code[:2] in _FORCE_ROOTS and not target and (location is None or not location.country) and any(
                a.country and a.country == self.actors.main_country() and set(a.roles) & _DOMESTIC_FORCES
                for a in source):
            # "the paramilitary group shelled a camp …" in a report on a civil war: the armed party of
            # the country the article is about strikes on its own ground
            main = self.actors.main_country()
            location = None
            target = [self._country_actor(main)]
        if code[:2] in _FORCE_ROOTS and not target:
            if location is None:  # "shelled a market in Sidakan": a place told as where counts here
                location = self.actors.location_in(loc_idx, told_as_where=True) or self.actors.location_in(
                    clause, told_as_where=True)
            if location is None:  # "ALGIERS - … a raid on a village just south of the capital"
                sent_of = self.actors.sent_of(verb)
                location = self._dateline_capital(list(range(sent_of.start, sent_of.end)))
            if location is None or not location.country or location.country not in self.actors.kb.countries:
                self._drop(self.actors.sent_index[verb.i], verb, code,
                           "force with no one named as hit and no place to tell whose ground it fell on")
                return
            target = [self._country_actor(location.country)]  # "clashes near Deir Hafer": on Syria's ground
        if code[:2] in _FORCE_ROOTS and not any(a.country for a in source):
            source = self._attackers_of_place(source, target, location)
        several = len({a.country for a in source if a.country}) > 1
        for s in source or [None]:
            for t in target or [None]:
                if s is not None and t is not None and s.name == t.name and s.code == t.code and s.text == t.text:
                    continue  # one mention on both sides; "Iraqi Kurds" protesting in Iraq is a domestic event
                if several and not sym and s is not None and t is not None and s.country and s.country == t.country:
                    continue  # "Thai and Cambodian troops … struck Thai villages": the Cambodian ones did
                if s is not None and t is not None and s.country and s.country == t.country \
                        and s.country not in self.actors.kb.countries:
                    continue  # an organisation does not act on itself ("the UN office urged the authorities")
                if sym and s is not None and t is not None and s.country and s.country == t.country \
                        and s.name != t.name and set(s.roles) == set(t.roles) and not set(s.roles) - STATE_ROLES:
                    continue  # "King Mohammed VI and President Ghazouani met": two heads of one state do
                    # not meet each other; one of them was resolved to the wrong country
                self._emit(si, sent, verb, code, s, t, dated, location, confidence, rule, threatened, sym=sym)
        self._event_verbs.add(verb.i)
        self._root_of[verb.i] = code[:2]
        if target:
            self._targets_of[verb.i] = target

    def _refine(self, verb: Token, pattern: VerbPattern) -> str:
        if not pattern.inner:
            return pattern.code
        best = None
        chain = complements(verb)
        while chain:
            v = chain.pop(0)
            code = pattern.inner.get(v.lemma_.lower())
            objs = [c.lemma_.lower() for c in self.actors.kids[v.i] if c.dep_ == "dobj"]
            code = code or next((pattern.inner[o] for o in objs if o in pattern.inner), None)
            if code and (best is None or len(code) > len(best)):
                best = code
            chain.extend(c for c in self.actors.kids[v.i] if c.dep_ in ("xcomp", "advcl", "conj"))
        return best or pattern.code

    def _state_object(self, verb: Token) -> bool:
        """'The African Union suspended Gabon': the object is a state, not 'suspended flights'."""
        obj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "dobj"), None)
        return obj is not None and obj.pos_ == "PROPN" and any(
            a.country in self.actors.kb.countries and not a.roles for a in self.actors.resolve(obj))

    def _person_object(self, verb: Token) -> bool:
        """'received Volodymyr Zelensky': the object is a named person, not 'received aid'."""
        def named(t: Token) -> bool:
            return t.ent_type_ == "PERSON" or t.text in self.actors.people

        # the small model reads "called Zelensky" and "called his counterpart Hakan Fidan" as a
        # naming ("called him a traitor"): a person's name in that slot is the one called
        kids = self.actors.kids
        preds = [c for c in kids[verb.i] if c.dep_ == "oprd"]
        obj = next((c for c in kids[verb.i] if c.dep_ == "dobj"), None) or next(
            (c for c in preds if named(c)), None)
        if obj is None or any(c.dep_ in ("ccomp", "xcomp") for c in kids[verb.i]) or any(
                not named(c) for c in preds) or any(  # "called Zelensky a dictator"
                c.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in kids[c.i]) for c in kids[obj.i]):
            return False  # "called him a traitor", "called the attack cowardly": a verdict, not a call
        person = named(obj) or (
            obj.lemma_.lower() in ("counterpart", "president", "minister", "leader", "chancellor", "premier")
            and any(d.dep_ == "poss" for d in kids[obj.i]))  # "called his Turkish counterpart"
        return person and bool(self.actors.resolve(obj))

    def _threatened_act(self, verb: Token, code: str) -> str | None:
        """The act a threat names ('threatened to cut aid' → 162), else the one its code stands for."""
        chain = complements(verb)
        while chain:
            v = chain.pop(0)
            own_subject = any(c.dep_ == "nsubj" for c in self.actors.kids[v.i])
            match = next((m for m in self.book.matches(v, self.actors.kids)
                          if (not m[0].protest_only or own_subject and self._protest_subject(v))
                          and (not m[0].crowd_subject or own_subject and self._crowd_subject(v))), None)
            if match is not None:
                act = self._refine(v, match[0])
                if act[:2] != "13":
                    return act
            chain.extend(c for c in self.actors.kids[v.i] if c.dep_ in ("xcomp", "conj"))
        return self.book.threat_acts.get(code) or self.book.threat_acts.get(code[:3])

    def _crowd_subject(self, verb: Token) -> bool:
        """'Protesters stormed the Saudi embassy', '… and set part of it on fire': a crowd named as
        the subject, the verb's own or the one it shares, not an unnamed one."""
        v = verb
        while not any(c.dep_ == "nsubj" for c in self.actors.kids[v.i]) and v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        return any(c.dep_ == "nsubj" for c in self.actors.kids[v.i]) and self._protest_subject(v)

    def _protest_subject(self, verb: Token) -> bool:
        """'protest' and 'march' code as protest only for crowds, not 'India protested the move'."""
        if verb.lemma_.lower() == "strike" and any(c.dep_ == "dobj" for c in self.actors.kids[verb.i]):
            return False  # "rockets struck Thai villages": a strike on something is force, not a walkout
        subj = next((c for c in self.actors.kids[verb.i] if c.dep_ == "nsubj"), None)
        if subj is None:
            return True
        if verb.dep_ == "relcl" and subj.lower_ in ("who", "that", "which"):
            subj = verb.head  # "demonstrators who had blocked a bridge": the crowd the clause describes
        if subj.lemma_.lower() in self.book.crowd_words or subj.lower_ in self.book.crowd_words:
            return True
        if subj.tag_ in ("NNS", "NNPS") and self.actors.is_demonym(subj):
            return True  # "ethnic Albanians demonstrated": a people, not a state
        actors = self.actors.resolve(subj, subject=True)
        return any(r in ("CVL", "OPP", "LAB", "EDU", "NGM", "MED", "BUS", "HRI", "AGR", "HLH")
                   for a in actors for r in a.roles)

    def _self_stated(self, verb: Token, source: list[Actor]) -> bool:
        """Future acts count as intent or threat only when the actor says them of itself."""
        subj = next((c for c in self.actors.kids[verb.i] if c.dep_ in SUBJECT_DEPS), None)
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

    def _casualties_of_earlier(self, target: list[Actor]) -> bool:
        """A death toll with no one named as killer, after an act of force on the same side."""
        hit = {a.country for a in target if a.country}
        force = [e for e in self.events if e.root in ("18", "19", "20")]
        if not hit:
            return bool(force)
        return any({e.source and e.source.country, e.target and e.target.country} & hit for e in force)

    def _restates_event(self, verb: Token) -> bool:
        subj = next((c for c in self.actors.kids[verb.i] if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and subj.lemma_.lower() in _EVENT_NOUNS and \
            any(d.lower_ in ("the", "these", "those", "this", "that") for d in self.actors.kids[subj.i]) and bool(self.events)

    def _drop(self, si: int, verb: Token, code: str | None, reason: str) -> None:
        self.dropped.append(Candidate(sentence=si, evidence=self.actors.span_text(self.actors.sent_of(verb)).strip(), verb=verb.text,
                                      cameo=code, reason=reason))

    def _emit(self, si: int, sent: Span, verb: Token, code: str, s: Actor | None, t: Actor | None,
              dated: _Dated, location, confidence: float, rule: str, threatened: str | None,
              sym: bool = False) -> None:
        # two verbs of one sentence are two acts ("lodged a protest and summoned the envoy"); an act
        # told by a noun ("spoke in a phone call", "in a call on Friday, they discussed") is the act
        # of a verb of the same kind in its sentence
        slot = (si, code[:2], s.country if s else None, t.country if t else None, s.name if s else None)
        nominal = rule.startswith("nominal")
        sc, tc = (s.country if s else None), (t.country if t else None)
        pair = frozenset((sc, tc)) if sym else (sc, tc)
        if sc and sc == tc:  # a civil war's sides share a country: the army's strike is not the RSF's
            pair = (s.name, t.name)
        again = (code[:2], pair, dated.date)  # the same act told twice in one article
        told = self._told.get(again)
        if (slot, verb.i) in self._seen or slot in self._nominal_slots or (nominal and slot in self._verb_slots) \
                or (sc and tc and told is not None and told != si):
            return
        self._seen.add((slot, verb.i))
        (self._nominal_slots if nominal else self._verb_slots).add(slot)
        self._told.setdefault(again, si)
        cc: CameoCode = self.codebook[code]
        eid = hashlib.sha1(f"{self.article.id}|{si}|{verb.i}|{code}|{s and s.code}|{t and t.code}".encode()).hexdigest()[:16]
        raw = self.actors.span_text(sent)
        evidence = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))  # offsets of the sentence without edge spaces
        self.events.append(Event(
            id=eid, sentence=si, evidence=evidence, start=start, end=start + len(evidence),
            date=dated.date, date_text=dated.text, date_precision=dated.precision, source=s, target=t,
            cameo=cc.code, root=cc.root, quad_class=cc.quad_class, goldstein=cc.goldstein, plover=cc.plover,
            location=location, confidence=round(confidence, 2), rule=rule, verb=verb.text, threatened=threatened,
            verb_start=verb.idx))


_ANAPHORIC_HEADS = {"minister", "president", "premier", "leader", "official", "envoy", "side", "two",
                    "both", "counterpart", "chancellor", "king", "secretary", "spokesman", "spokeswoman",
                    # "… dispersed thousands of protesters late on Tuesday. The demonstrators were rallying …"
                    "protester", "demonstrator", "crowd", "police", "troop", "soldier", "rebel", "militant",
                    "fighter", "attacker", "gunman",
                    # "West African leaders on Wednesday suspended Guinea … The bloc condemned the coup"
                    "bloc", "alliance", "junta"}


def _reciprocal(verb: Token) -> bool:
    """'accused each other', 'clashed with one another'."""
    objs = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    if any(o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children) for o in objs):
        return True
    # "with each side accusing the other of firing first"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and any(d.lower_ == "each" for d in subj.children) and any(
        o.lower_ == "other" and any(d.lower_ == "the" for d in o.children) for o in objs)


# "… agreed on Monday. The deal was reached at talks in Kuala Lumpur": the occasion told before
_ANAPHORIC_EVENTS = {"deal", "agreement", "accord", "pact", "talk", "talks", "meeting", "call", "conversation",
                     "visit", "strike", "attack", "raid", "truce", "ceasefire", "operation", "announcement"}


def _anaphoric(subj: Token) -> bool:
    """'he', 'they', 'the minister', 'the two ministers', 'both sides', 'the deal': a subject
    pointing back."""
    if subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they", "it", "we"):
        return True
    if subj.lemma_.lower() in _ANAPHORIC_EVENTS or subj.lower_ in _ANAPHORIC_EVENTS:
        return any(d.lower_ in ("the", "this", "that") and d.dep_ == "det" for d in subj.children)
    return subj.lemma_.lower() in _ANAPHORIC_HEADS and any(
        d.lower_ in ("the", "both", "two") for d in subj.children) or subj.lower_ == "both"


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


def _code_root(match: tuple | None, speech: str | None) -> str:
    """The root of the code a verb would get before refining."""
    code = match[0].code if match else speech
    return code[:2] if code else ""
