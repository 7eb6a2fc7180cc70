"""Score `tidings extract --format jsonl` output against a gold file.

The rules are those of the gold format (tests/gold/README.md), kept so that the figures equal the
ones the gold files were first scored with:

- **Events.** A system event *fits* a gold event when its root (``root``, else the first two digits
  of ``cameo``) is in the gold roots and its source and target countries are in the gold ``src`` and
  ``tgt`` lists (either way round where ``sym``). ``"*"`` in a list accepts anything, a missing
  actor too. Each system event, in output order, is checked against ``forbidden`` first (a fit
  there is a forbidden event and a false positive; dates are not looked at). Otherwise it takes
  the first unmatched required event it fits whose date range holds its date, else the first one
  it fits at all (a true positive, dated right or not). If it fits only required events already
  taken it is a *repeat*; if it fits an optional (``opt``) event it is neutral; an unmatched
  root-01 event is a bare statement, counted apart; anything else is a false positive. Required
  events left unmatched are false negatives. Date accuracy is the share of true positives whose
  date (its first ten characters) lies in the gold ``[lo, hi]``.
- **Quotes.** A gold quote is *found* when some system quote's text contains ``starts``
  (ignoring case), and *attributed* when one of those quotes names the speaker: its ``speaker``
  or ``speaker_actor.name`` contains the gold speaker's last word, or, for an organisation (gold
  speaker ``""``), its ``speaker_actor.country`` equals the gold ``country``.
- **Timex.** A gold timex is *found* when some system timex's text contains the gold text
  (ignoring case), and *right* when one of those has a value whose part before ``T`` equals the
  gold value.

Ratios are rounded to three decimals; a ratio with nothing to count is 0.0. Counts are kept
unrounded so that scores of several files can be pooled (``sum(scores, Score())``).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

from tidings.errors import Errors, EvaluationError

Passage = Mapping[str, object]
Output = Mapping[str, Mapping[str, object]]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class EventCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dated: int = 0
    forbidden: int = 0
    repeats: int = 0
    optional: int = 0
    statements: int = 0

    def __add__(self, other: EventCounts) -> EventCounts:
        return EventCounts(*(a + b for a, b in zip(astuple(self), astuple(other))))

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.dated, self.tp)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "date_accuracy": round(self.date_accuracy, 3), "forbidden_emitted": self.forbidden,
                "repeats": self.repeats, "optional_hits": self.optional, "bare_statements": self.statements}


@dataclass(frozen=True)
class QuoteCounts:
    gold: int = 0
    found: int = 0
    attributed: int = 0

    def __add__(self, other: QuoteCounts) -> QuoteCounts:
        return QuoteCounts(*(a + b for a, b in zip(astuple(self), astuple(other))))

    @property
    def accuracy(self) -> float:
        return _ratio(self.attributed, self.gold)

    def to_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "attributed": self.attributed,
                "attribution_accuracy": round(self.accuracy, 3)}


@dataclass(frozen=True)
class TimexCounts:
    gold: int = 0
    found: int = 0
    right: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(a + b for a, b in zip(astuple(self), astuple(other))))

    @property
    def accuracy(self) -> float:
        return _ratio(self.right, self.gold)

    def to_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "right": self.right,
                "value_accuracy": round(self.accuracy, 3)}


@dataclass(frozen=True)
class Score:
    """What one gold file (or several, added together) scored; `misses` explains every error."""

    articles: int = 0
    missing: int = 0
    events: EventCounts = field(default_factory=EventCounts)
    quotes: QuoteCounts = field(default_factory=QuoteCounts)
    timex: TimexCounts = field(default_factory=TimexCounts)
    misses: tuple[str, ...] = ()

    def __add__(self, other: Score) -> Score:
        return Score(self.articles + other.articles, self.missing + other.missing, self.events + other.events,
                     self.quotes + other.quotes, self.timex + other.timex, self.misses + other.misses)

    def __radd__(self, other: int) -> Score:  # lets sum() start from 0
        return self if other == 0 else NotImplemented

    def to_dict(self) -> dict:
        """The JSON object `tidings score --json` prints."""
        return {"articles": self.articles, "articles_missing": self.missing, "events": self.events.to_dict(),
                "quotes": self.quotes.to_dict(), "timex": self.timex.to_dict()}


# --- reading ---------------------------------------------------------------------------------------

def read_gold(path: str | Path) -> list[dict]:
    """A gold file, checked for the keys the scorer relies on."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(Errors.E502.format(path=path, problem=f"cannot read it: {exc}"), path=str(path)) from exc
    check_gold(gold, str(path))
    return gold


def check_gold(gold: object, path: str = "<gold>") -> None:
    def fail(problem: str) -> None:
        raise EvaluationError(Errors.E502.format(path=path, problem=problem), path=path)

    if not isinstance(gold, list):
        fail("the top level is not a list")
    for n, passage in enumerate(gold):
        if not isinstance(passage, dict) or not isinstance(passage.get("id"), str):
            fail(f"passage {n} has no string id")
        for key in ("events", "forbidden"):
            for g in passage.get(key, []):
                if not all(isinstance(g.get(k), list) for k in ("src", "tgt", "root")):
                    fail(f"{passage['id']}: an entry of {key} lacks a src, tgt or root list")
                if key == "events" and not (isinstance(g.get("date"), list) and len(g["date"]) == 2):
                    fail(f"{passage['id']}: an event has no [lo, hi] date")


def parse_output(lines: Iterable[str], path: str = "<stdin>") -> dict[str, dict]:
    """Output JSONL keyed by article id; a later line for the same id replaces an earlier one."""
    docs: dict[str, dict] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as exc:
            raise EvaluationError(Errors.E501.format(path=path, line=n, problem=f"not JSON ({exc})"),
                                  path=path, line=n) from exc
        if not isinstance(doc, dict):
            raise EvaluationError(Errors.E501.format(path=path, line=n, problem="not a JSON object"),
                                  path=path, line=n)
        docs[str((doc.get("article") or {}).get("id"))] = doc
    return docs


def read_output(path: str | Path) -> dict[str, dict]:
    try:
        with open(path, encoding="utf-8") as f:
            return parse_output(f, str(path))
    except OSError as exc:
        raise EvaluationError(Errors.E501.format(path=path, line=0, problem=f"cannot read it: {exc}"),
                              path=str(path)) from exc


# --- matching --------------------------------------------------------------------------------------

def _root(event: Mapping) -> str:
    return str(event.get("root") or str(event.get("cameo", ""))[:2])


def _country(actor: object) -> str | None:
    return (actor.get("country") or None) if isinstance(actor, Mapping) and actor else None


def _accepts(codes: Sequence[str], value: str | None) -> bool:
    return "*" in codes or (value is not None and value in codes)


def fits(gold: Mapping, event: Mapping) -> bool:
    """Does a system event fit a gold (required, optional or forbidden) event, dates aside?"""
    if not _accepts(gold["root"], _root(event)):
        return False
    src, tgt = _country(event.get("source")), _country(event.get("target"))
    if _accepts(gold["src"], src) and _accepts(gold["tgt"], tgt):
        return True
    return bool(gold.get("sym")) and _accepts(gold["src"], tgt) and _accepts(gold["tgt"], src)


def dated_within(gold: Mapping, event: Mapping) -> bool:
    day = str(event.get("date") or "")[:10]
    lo, hi = gold["date"]
    return lo <= day <= hi


def _label(event: Mapping) -> str:
    return (f"{_country(event.get('source'))}->{_country(event.get('target'))} "
            f"{event.get('cameo') or event.get('root')} {event.get('date')}")


def score_events(passage: Passage, events: Sequence[Mapping], misses: list[str]) -> EventCounts:
    pid = passage["id"]
    gold = passage.get("events", [])
    required = [g for g in gold if not g.get("opt")]
    optional = [g for g in gold if g.get("opt")]
    forbidden = passage.get("forbidden", [])
    unmatched = list(range(len(required)))
    tp = fp = dated = n_forbidden = repeats = neutral = statements = 0
    for e in events:
        if any(fits(f, e) for f in forbidden):
            n_forbidden += 1
            fp += 1
            misses.append(f"{pid}: forbidden event {_label(e)}")
            continue
        candidates = [i for i in unmatched if fits(required[i], e)]
        if candidates:
            pick = next((i for i in candidates if dated_within(required[i], e)), candidates[0])
            unmatched.remove(pick)
            tp += 1
            if dated_within(required[pick], e):
                dated += 1
            else:
                misses.append(f"{pid}: {_label(e)} dated outside {required[pick]['date']}")
        elif any(fits(g, e) for g in required):
            repeats += 1
        elif any(fits(g, e) for g in optional):
            neutral += 1
        elif _root(e) == "01":
            statements += 1
        else:
            fp += 1
            misses.append(f"{pid}: false positive {_label(e)}")
    for i in unmatched:
        g = required[i]
        misses.append(f"{pid}: missed src={g['src']} tgt={g['tgt']} root={g['root']} date={g['date']}")
    return EventCounts(tp=tp, fp=fp, fn=len(unmatched), dated=dated, forbidden=n_forbidden,
                       repeats=repeats, optional=neutral, statements=statements)


def _speaker_named(gold: Mapping, quote: Mapping) -> bool:
    actor = quote.get("speaker_actor") or {}
    if not gold["speaker"]:
        return actor.get("country") == gold.get("country")
    surname = gold["speaker"].split()[-1].lower()
    names = " ".join(str(n) for n in (quote.get("speaker"), actor.get("name")) if n).lower()
    return surname in names


def score_quotes(passage: Passage, quotes: Sequence[Mapping], misses: list[str]) -> QuoteCounts:
    total = found = attributed = 0
    for g in passage.get("quotes", []):
        total += 1
        starts = g["starts"].lower()
        hits = [q for q in quotes if starts in str(q.get("text", "")).lower()]
        if not hits:
            misses.append(f"{passage['id']}: quote {g['starts']!r} not found")
            continue
        found += 1
        if any(_speaker_named(g, q) for q in hits):
            attributed += 1
        else:
            misses.append(f"{passage['id']}: quote {g['starts']!r} given to {[q.get('speaker') for q in hits]}, "
                          f"not {g['speaker'] or g.get('country')}")
    return QuoteCounts(total, found, attributed)


def score_timexes(passage: Passage, timexes: Sequence[Mapping], misses: list[str]) -> TimexCounts:
    total = found = right = 0
    for g in passage.get("timex", []):
        total += 1
        text = g["text"].lower()
        hits = [t for t in timexes if text in str(t.get("text", "")).lower()]
        if not hits:
            misses.append(f"{passage['id']}: timex {g['text']!r} not found")
            continue
        found += 1
        if any(str(t.get("value", "")).split("T")[0] == g["value"] for t in hits):
            right += 1
        else:
            misses.append(f"{passage['id']}: timex {g['text']!r} valued {[t.get('value') for t in hits]}, "
                          f"not {g['value']}")
    return TimexCounts(total, found, right)


def score(gold: Sequence[Passage], output: Output) -> Score:
    """Score output (as from `read_output`) against gold passages (as from `read_gold`)."""
    misses: list[str] = []
    events, quotes, timex = EventCounts(), QuoteCounts(), TimexCounts()
    missing = 0
    for passage in gold:
        doc = output.get(passage["id"])
        if doc is None:
            missing += 1
            doc = {}
        events += score_events(passage, doc.get("events") or [], misses)
        quotes += score_quotes(passage, doc.get("quotes") or [], misses)
        timex += score_timexes(passage, doc.get("timexes") or [], misses)
    return Score(len(gold), missing, events, quotes, timex, tuple(misses))
