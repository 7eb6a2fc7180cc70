"""Find time expressions in news text and resolve them to TIMEX3 values.

The anchor is the article's publication date, and news conventions apply: a bare weekday
points back ("on Wednesday" in Thursday's paper is yesterday) unless a future cue ("will",
"next") precedes it; "last week" is the ISO week of anchor - 7 days. "Two days later" and
"hours later" count from the previous date in the text, not from the anchor. The phrase rules
live in `timex_rules`; this module picks among overlapping candidates, joins a clock time
to its day ("shortly after midnight on Wednesday") and resolves the anaphoric phrases.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from tidings.extract.time import rules
from tidings.extract.time.rules import Hit
from tidings.models import Timex

_DAYLIKE = frozenset({"day", "weekday", "rel"})
_TIME_THEN_DAY = re.compile(r"\s*(?:,\s*)?(?:on|of)?\s*", re.IGNORECASE)
_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at|around|about)?\s*", re.IGNORECASE)
_WEEKDAY_THEN_DATE = re.compile(r"\s*,?\s*(?:the\s+)?", re.IGNORECASE)
_DAY_VALUE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def find_timexes(text: str, anchor: dt.date, *, day_first: bool = True) -> list[Timex]:
    """All time expressions in `text`, in text order, resolved against `anchor`.

    A pure function of its arguments; it never raises on any text. `day_first` decides
    ambiguous numeric dates ("04/05/2025"); unambiguous ones ("30/04/2025") ignore it.
    """
    ctx = rules.Ctx(text, anchor, day_first, rules.grammar())
    hits = _longest(_candidates(ctx))
    return list(_resolve(_merge(hits, text), text, anchor))


def _candidates(ctx: rules.Ctx) -> list[Hit]:
    out = []
    # several rules share a trigger ("day|night|…" for relday and anaphor, the month names for
    # five): each distinct trigger scans the text once
    found: dict[tuple[str, bool], list[tuple[int, int]]] = {}
    for name, pattern in ctx.g.patterns.items():
        resolve = rules.RULES[name]
        cased = name in rules.CASED_RULES
        source = ctx.text if cased else ctx.low
        trigger, lead = ctx.g.triggers[name]
        key = (trigger.pattern, cased)
        if key not in found:
            found[key] = [t.span() for t in trigger.finditer(source)]
        for m in _matches(pattern, trigger, lead, source, found[key]):
            try:
                hit = resolve(m, ctx)
            except (ValueError, OverflowError):  # dates beyond year 1..9999
                continue
            if hit is not None and hit.start < hit.end:
                out.append(hit)
    return out


def _matches(pattern: re.Pattern[str], trigger: re.Pattern[str], lead: int,
             s: str, spans: list[tuple[int, int]] | None = None) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that contain a `trigger` match, scanning only near triggers.
    `spans`: the trigger's matches in `s`, where the caller has found them already.

    The bounded search only locates a start; the match is then redone on the whole string
    so look-aheads see the real text after it.
    """
    done = 0
    for t_start, t_end in (spans if spans is not None else (t.span() for t in trigger.finditer(s))):
        lo = max(done, t_start - lead)
        while lo <= t_start:
            found = pattern.search(s, lo, t_end + rules.TRIGGER_TAIL)
            if found is None or found.start() > t_start:
                break
            m = pattern.match(s, found.start())
            if m is not None and m.end() > t_start:
                yield m
                done = m.end()
                break
            lo = found.start() + 1


def _longest(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping candidates (the earlier one on a tie), in text order."""
    kept: list[Hit] = []
    taken = bytearray(max((h.end for h in hits), default=0))
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if taken.find(1, h.start, h.end) == -1:
            taken[h.start:h.end] = b"\x01" * (h.end - h.start)
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _merge(hits: list[Hit], text: str) -> list[Hit]:
    """Join a clock time or part of day to an adjacent day, and a weekday to its date."""
    out: list[Hit] = []
    for h in hits:
        p = out[-1] if out else None
        gap = text[p.end:h.start] if p else ""
        if p and p.kind in ("clock", "pod") and _joinable(h) and _TIME_THEN_DAY.fullmatch(gap):
            out[-1] = replace(h, start=p.start, tpart=p.tpart)
        elif p and h.kind in ("clock", "pod") and _joinable(p) and _DAY_THEN_TIME.fullmatch(gap):
            out[-1] = replace(p, end=h.end, tpart=h.tpart)
        elif p and p.kind == "weekday" and h.kind == "day" and not p.tpart \
                and _WEEKDAY_THEN_DATE.fullmatch(gap):
            out[-1] = replace(h, start=p.start)
        else:
            out.append(h)
    return out


def _joinable(h: Hit) -> bool:
    return h.kind in _DAYLIKE and h.gran == "day" and not h.tpart


def _resolve(hits: list[Hit], text: str, anchor: dt.date) -> Iterator[Timex]:
    """Give anaphoric hits a value from the previous day-precise date (else the anchor)."""
    last: dt.date | None = None
    for h in hits:
        if h.kind == "pod":  # a part of day with no day to attach to
            # a report's "overnight": the night before it (none before 1 January of year 1)
            if (last is None and h.tpart == "TNI" and text[h.start:h.end].lower() == "overnight"
                    and anchor > dt.date.min):
                night = anchor - dt.timedelta(days=1)
                yield Timex(text=text[h.start:h.end], start=h.start, end=h.end, type="TIME",
                            value=night.isoformat() + "TNI")
            continue
        try:
            value = h.value if h.value is not None else _relative(h, last or anchor)
        except (ValueError, OverflowError):
            continue
        day = _day_of(value)
        if day:
            last = day
            value += h.tpart
        type_ = "TIME" if day and h.tpart else ("DATE" if h.type == "TIME" else h.type)
        yield Timex(text=text[h.start:h.end], start=h.start, end=h.end, type=type_, value=value)


def _day_of(value: str) -> dt.date | None:
    m = _DAY_VALUE.fullmatch(value)
    return rules.safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _relative(h: Hit, base: dt.date) -> str:
    day = base + dt.timedelta(days=h.shift)
    return rules.week_of(day) if h.gran == "week" else day.isoformat()


_RANGE_PATTERNS = {
    "day": re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T.*)?"),
    "week": re.compile(r"([0-9]{4})-W([0-9]{2})(-WE)?"),
    "month": re.compile(r"([0-9]{4})-([0-9]{2})"),
    "year": re.compile(r"([0-9]{4})"),
    "quarter": re.compile(r"([0-9]{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)"),
    "decade": re.compile(r"([0-9]{3})"),
}
_SPANS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
          "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def timex_date_range(value: str) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, precision) of a DATE/TIME value; None for durations, sets,
    PRESENT_REF/PAST_REF and anything malformed. Quarters and seasons report "month"."""
    try:
        return _date_range(value)
    except (ValueError, OverflowError):
        return None


def _date_range(value: str) -> tuple[dt.date, dt.date, str] | None:
    pats = _RANGE_PATTERNS
    if m := pats["day"].fullmatch(value):
        d = dt.date(*map(int, m.groups()))
        return d, d, "day"
    if m := pats["week"].fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        first = monday + dt.timedelta(days=5) if m[3] else monday
        return first, monday + dt.timedelta(days=6), "week"
    if m := pats["month"].fullmatch(value):
        first = dt.date(int(m[1]), int(m[2]), 1)
        return first, _month_end(first.year, first.month), "month"
    if m := pats["year"].fullmatch(value):
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if m := pats["quarter"].fullmatch(value):
        y, (lo, hi) = int(m[1]), _SPANS[m[2]]
        return dt.date(y, lo, 1), _month_end(y + (hi - 1) // 12, (hi - 1) % 12 + 1), "month"
    if m := pats["decade"].fullmatch(value):
        y = int(m[1]) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "year"
    return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
