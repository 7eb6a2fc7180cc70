"""Event dates checked against the clause and sentence they are told in (docs/coding_actors.md).

`events` dates a verb by the time expression that governs it. Three news conventions are
applied afterwards, each only where the text says more than that:

- the day named in the event's own clause ("discussed … in a phone call on Friday") outranks a
  vaguer or farther expression elsewhere in the sentence ("who visited last month");
- an act in a clause on an occasion ("an attack on Tuesday in which eight soldiers were killed")
  happened that day;
- an act told without a date and dated in the next sentence ("X and Y talked and agreed …" /
  "They talked on Tuesday") takes that sentence's day;
- an act the parse leaves undated in a sentence that names one day takes that day ("threw his
  weight behind Turkey's bid to open talks on Thursday");
- a deed (not words) told without a date right after a sentence that names one recent day takes
  that day ("Troops fired tear gas on Saturday … Maduro broke off relations with Colombia");
  words said in reaction keep the day they are reported;
- a background span ("since April", "since March 3") is not the day of the act: a state that
  has held since then is coded when it is reported (the reporting verb's day, else the article's).
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.index import ActorIndex
from tidings.extract.syntax import verb_above
from tidings.extract.time.timex import timex_date_range
from tidings.models import Event, Timex

_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "conj", "parataxis", "csubj", "xcomp", "appos"}
_SPAN_MARKS = {"since"}
_OTHER_TIME_MARKS = {"after", "before", "until", "by"}
_SAYING = {"say", "tell", "add", "state", "note", "announce", "report"}
_VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}  # acts done in words or talks


class _Day:
    __slots__ = ("timex", "day", "tokens")

    def __init__(self, timex: Timex, day: dt.date, tokens: range) -> None:
        self.timex, self.day, self.tokens = timex, day, tokens


def redate_events(events: list[Event], doc: Doc, actors: ActorIndex, timexes: list[Timex],
                  published: dt.date) -> list[Event]:
    """The events with their dates corrected by the conventions above."""
    if not events:
        return events
    sents = actors.sents
    days, spans = _days(doc, timexes)
    at = {t.idx: t for t in actors.tokens}
    out: list[Event] = []
    for e in events:
        verb = at.get(e.verb_start) if e.verb_start is not None else None
        new = _own_clause_day(e, verb, days, spans) if verb is not None else None
        if new is None and verb is not None:
            new = _background_span(e, verb, sents, days, spans, published)
        if new is None and verb is not None and e.date_precision == "article":
            new = _occasion_day(verb, days) or _next_sentence_day(e, verb, actors, days, published) \
                or _sentence_day(e, actors, days, published) or _previous_sentence_day(e, actors, days, published)
        out.append(e if new is None else e.model_copy(update=new))
    return out


def _days(doc: Doc, timexes: list[Timex]) -> tuple[list[_Day], list[_Day]]:
    """Day-precise time expressions, and those that open a background span ('since April')."""
    days, spans = [], []
    for tx in timexes:
        rng = timex_date_range(tx.value) if tx.type in ("DATE", "TIME") else None
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand") if rng else None
        if span is None:
            continue
        d = _Day(tx, rng[0], range(span.start, span.end))
        if span.start > 0 and doc[span.start - 1].lower_ in _SPAN_MARKS:
            spans.append(d)
        elif rng[2] == "day":
            days.append(d)
    return days, spans


def _clause(verb: Token) -> set[int]:
    """The verb's own clause: its dependents down to, not into, the clauses hung from it."""
    out, stack = set(), [verb]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
    return out


def _own_clause_day(e: Event, verb: Token, days: list[_Day], spans: list[_Day]) -> dict | None:
    clause = _clause(verb)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() == "decision":
        clause |= _clause(verb.head)  # "China's decision a day earlier to impose tariffs": that day
    own = [d for d in days if d.tokens[0] in clause]
    if not own or any(d.timex.text == e.date_text and d.tokens[0] in clause for d in own):
        return None
    if e.date_precision == "day" and e.date_text is not None and not any(
            s.timex.text == e.date_text for s in spans):
        # dated by a day of a clause it continues ('… and signed on Monday'): keep it
        return None
    d = own[0]
    return {"date": d.day, "date_text": d.timex.text, "date_precision": "day"}


def _background_span(e: Event, verb: Token, sents: list[Span], days: list[_Day], spans: list[_Day],
                     published: dt.date) -> dict | None:
    # "X, in exile since August, welcomed … but urged …": the conjoined verb shares its head's span
    head = verb
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    clause = _clause(verb) | _clause(head)
    span = next((s for s in spans if s.timex.text == e.date_text and s.tokens[0] in clause), None)
    if span is None:
        return None
    root = sents[e.sentence].root
    clause = _clause(root)
    report = next((d for d in days if d.tokens[0] in clause and d.day <= published), None)
    if report is not None:
        return {"date": report.day, "date_text": report.timex.text, "date_precision": "day"}
    return {"date": published, "date_text": None, "date_precision": "article"}


def _occasion_day(verb: Token, days: list[_Day]) -> dict | None:
    """'an attack on a checkpost on Tuesday in which eight soldiers were killed': the killing
    happened on the occasion its noun names, dated in the clause that holds the noun."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children)
                                       for c in verb.children):
        return None
    clause = _clause(verb_above(verb)) - {k.i for k in verb.subtree}
    d = next((d for d in days if d.tokens[0] in clause), None)
    return {"date": d.day, "date_text": d.timex.text, "date_precision": "day"} if d else None


def _sentence_day(e: Event, actors: ActorIndex, days: list[_Day], published: dt.date) -> dict | None:
    """'Schroeder threw his weight behind Turkey's bid to open membership talks on Thursday': an
    act the parse leaves undated takes the one day its sentence names, unless that day opens a
    span or marks another time ('after', 'before', 'until', 'by')."""
    sent = actors.sents[e.sentence]
    # "Maduro, who began a second term on Jan. 10, has rejected …": a day in a clause about a
    # person is that person's past, not the day of the sentence's act
    about = {t.i for r in actors.tokens[sent.start:sent.end] if r.dep_ == "relcl" and r.head.ent_type_ == "PERSON"
             and any(c.lower_ in ("who", "whom") for c in r.children)
             and not (e.verb_start is not None and r.left_edge.idx <= e.verb_start <= r.right_edge.idx)
             for t in r.subtree}
    here = [d for d in days if sent.start <= d.tokens[0] < sent.end and d.day <= published
            and d.tokens[0] not in about and not _after_word(d, actors, _OTHER_TIME_MARKS)]
    if len({d.day for d in here}) != 1:
        return None
    d = here[0]
    return {"date": d.day, "date_text": d.timex.text, "date_precision": "day"}


def _after_word(d: _Day, actors: ActorIndex, words: set[str]) -> bool:
    """Whether the day follows one of `words` ('after Monday', 'since March 3'): another time."""
    return d.tokens[0] > 0 and actors.arrays.lower[d.tokens[0] - 1] in words


def _previous_sentence_day(e: Event, actors: ActorIndex, days: list[_Day], published: dt.date) -> dict | None:
    """'Venezuelan troops fired tear gas on Saturday … Maduro broke off relations with Colombia':
    an act told without a date right after a sentence that names one recent day (up to three days
    before the report) belongs to that day's episode, unless its own sentence names a time."""
    if e.sentence == 0 or e.root in _VERBAL_ROOTS:
        return None  # words said in reaction ("… condemned the attack") are told the day they are reported
    sent, prev = actors.sents[e.sentence], actors.sents[e.sentence - 1]
    if any(sent.start <= d.tokens[0] < sent.end for d in days):
        return None
    there = [d for d in days if prev.start <= d.tokens[0] < prev.end
             and not _after_word(d, actors, _OTHER_TIME_MARKS | _SPAN_MARKS)]
    if len({d.day for d in there}) != 1:
        return None
    d = there[0]
    if not published - dt.timedelta(days=3) <= d.day < published:
        return None
    return {"date": d.day, "date_text": d.timex.text, "date_precision": "day"}


def _next_sentence_day(e: Event, verb: Token, actors: ActorIndex, days: list[_Day],
                       published: dt.date) -> dict | None:
    """'Macron and Merz talked and agreed …' / 'The two leaders talked on Tuesday': that Tuesday.
    The same act (its verb, or the verb it is conjoined with) by the same parties; verbs of saying
    are told too often to identify an occasion."""
    nxt = e.sentence + 1
    if nxt >= len(actors.sents):
        return None
    lemmas = {verb.lemma_.lower()} | {c.lemma_.lower() for c in verb.conjuncts}
    lemmas -= actors.speech | _SAYING
    parties = {a.country for a in (e.source, e.target) if a is not None and a.country}
    pos, lemma_of, sent = actors.arrays.pos, actors.arrays.lemmas, actors.sents[nxt]
    for t in actors.tokens[sent.start:sent.end]:
        if pos[t.i] not in ("VERB", "AUX") or lemma_of[t.i] not in lemmas:
            continue
        who = {a.country for a in actors.subject_of(t) if a.country}
        if not who or not who <= parties:
            continue
        clause = _clause(t)
        d = next((d for d in days if d.tokens[0] in clause and d.day <= published), None)
        if d is not None:
            return {"date": d.day, "date_text": d.timex.text, "date_precision": "day"}
    return None
