"""The phrase rules behind `time.find_timexes`: one regex and one resolver per phrase shape.

Why hand-written rules and not `dateutil.parser`: news reads weekdays backwards ("on
Wednesday" in Thursday's paper is yesterday) while dateutil moves forwards, ignores "last",
puts "December 28" in the future and reads the modal "may" as a month. Each rule here knows
one shape and its news convention. Rules only propose `Hit`s; `time.py` keeps the longest
non-overlapping ones, joins clock times to their day and resolves phrases that hang on an
earlier date in the text ("two days later"). Words live in data/timex.tsv; the date arithmetic
in `timex_calendar`, the word tables and compiled patterns in `timex_grammar`.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from tidings.extract.time.calendar import (INVALID, ago_value, duration_value, nearest_year, ordinal_day,
                                            period_value, quarter_step, safe_date, season_value, week_of,
                                            weekday_date)
from tidings.extract.time.grammar import Grammar, grammar, norm, parse_vocabulary, vocabulary

# `time.py` and the tests reach these through this module; they are re-exported on purpose.
__all__ = ["CASED_RULES", "RULES", "TRIGGER_TAIL", "Ctx", "Grammar", "Hit", "INVALID", "Resolver", "grammar",
           "norm", "parse_vocabulary", "safe_date", "vocabulary", "week_of"]

_AMBIGUOUS_MONTHS = frozenset({3, 4, 5, 6, 8})  # March, April, May, June, August
_PREPS = frozenset({
    "in", "of", "since", "until", "till", "by", "from", "during", "before", "after", "through",
    "throughout", "between", "for", "early", "late", "mid", "last", "next", "this", "past",
})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
TRIGGER_TAIL = 40  # the most characters a match needs after its trigger to match at all
CASED_RULES = frozenset({"mdy", "dmy", "month_year", "month", "range_end"})  # run on the original text


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate expression. `value` None means it is resolved against the previous date.

    kind: "day" (value is YYYY-MM-DD), "weekday" (a day named by weekday), "date" (any other
    value), "clock"/"pod" (a time of day, kept in `tpart`, waiting for a day), "rel" (days
    `shift`ed from the previous date, at `gran` day or week).
    """

    start: int
    end: int
    type: str
    value: str | None
    kind: str = "date"
    shift: int = 0
    gran: str = "day"
    tpart: str = ""


@dataclass(frozen=True)
class Ctx:
    """What a resolver sees: the text, the anchor date, the numeric-date order, the words."""

    text: str
    anchor: dt.date
    day_first: bool
    g: "Grammar"

    @functools.cached_property
    def low(self) -> str:
        """The text lowered with offsets kept (ASCII-only lowering if lower() changes length)."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else self.text.translate(_ASCII_LOWER)

    def future(self, start: int) -> bool:
        """A future cue ("will", "plans to") a few words before `start` in the same clause."""
        window = re.split(r"[.!?;:,\n\"“”()]", self.text[max(0, start - 80):start])[-1]
        tail = " ".join(window.split()[-12:]).casefold()
        last = None
        for last in self.g.future_cue.finditer(tail):
            pass
        return last is not None and not self.g.report_verb.search(tail, last.end())

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z]+)[\s-]*$", self.text[max(0, start - 20):start])
        return m.group(1).casefold() if m else ""


Resolver = Callable[[re.Match[str], Ctx], "Hit | None"]


def _hit(m: re.Match[str], type_: str, value: str | None, kind: str = "date", start: int | None = None,
         **kw: object) -> Hit:
    return Hit(m.start() if start is None else start, m.end(), type_, value, kind, **kw)  # type: ignore[arg-type]


def _day_hit(m: re.Match[str], d: dt.date | None, start: int | None = None) -> Hit:
    return _hit(m, "DATE", d.isoformat() if d else INVALID, "day", start)


def r_mdy(m: re.Match[str], c: Ctx) -> Hit | None:
    mon = c.g.month(m["mon"])
    if mon is None:
        return None
    day = int(m["day"])
    if m["year"]:
        return _day_hit(m, safe_date(int(m["year"]), mon, day))
    return _day_hit(m, nearest_year(c.anchor, mon, day, c.future(m.start())))


def r_iso(m: re.Match[str], c: Ctx) -> Hit | None:
    return _day_hit(m, safe_date(int(m["year"]), int(m["mon"]), int(m["day"])))


def r_numeric(m: re.Match[str], c: Ctx) -> Hit | None:
    a, b, ytxt = int(m["a"]), int(m["b"]), m["year"]
    if len(ytxt) == 2:
        if m["sep"] != "/":
            return None
        yy = int(ytxt)
        year = 2000 + yy if 2000 + yy <= c.anchor.year + 10 else 1900 + yy
    else:
        year = int(ytxt)
    if a > 12 >= b:
        day, mon = a, b
    elif b > 12 >= a:
        day, mon = b, a
    else:
        day, mon = (a, b) if c.day_first else (b, a)
    return _day_hit(m, safe_date(year, mon, day))


def r_month_year(m: re.Match[str], c: Ctx) -> Hit | None:
    mon = c.g.month(m["mon"])
    return None if mon is None else _hit(m, "DATE", f"{int(m['year']):04d}-{mon:02d}")


def r_month(m: re.Match[str], c: Ctx) -> Hit | None:
    mon = c.g.month(m["mon"])
    if mon is None:
        return None
    mod = norm(m["mod"] or "")
    if not mod and mon in _AMBIGUOUS_MONTHS:
        before = c.text[max(0, m.start() - 40):m.start()]
        listed = re.search(rf"(?:{c.g.month_full})\s*(?:,|and|or|to|through|-)\s*$", before)
        if c.word_before(m.start()) not in _PREPS and not listed:
            return None
    a = c.anchor
    after = c.text[m.end():m.end() + 16].lower()
    tail = re.match(r"\s+(?:of\s+)?(last|next|this)\s+year\b", after)  # "in April last year"
    which = tail.group(1) if tail else None
    if which == "last":
        y = a.year - 1
    elif which == "next":
        y = a.year + 1
    elif which == "this" or mod == "this":
        y = a.year
    elif mod in ("next", "coming") or (mod != "last" and mod != "past" and c.future(m.start())):
        y = a.year if mon > a.month else a.year + 1
    elif mod in ("last", "past"):
        y = a.year if mon < a.month else a.year - 1
    else:
        y = a.year if mon <= a.month else a.year - 1
    if not 1 <= y <= 9999:
        return None
    if tail:  # "since March last year": the expression is the whole phrase
        return Hit(m.start(), m.end() + tail.end(), "DATE", f"{y:04d}-{mon:02d}")
    return _hit(m, "DATE", f"{y:04d}-{mon:02d}")


def r_year(m: re.Match[str], c: Ctx) -> Hit | None:
    prep = norm(m["prep"] or "")
    if prep in ("early", "mid", "late"):
        return _hit(m, "DATE", m["year"])
    # "the 2023 coup", "the 2018 peace agreement": a year naming its event, as "in 2023" does
    if prep in _PREPS or prep in ("around", "circa", "and", "or", "to", "year", "the", "a", "an", "its", "their", "his", "her") \
            or m["poss"]:  # "a 1965 treaty", "its 2019 election"
        return _hit(m, "DATE", m["year"], start=m.start("year"))
    return None


def r_fiscal(m: re.Match[str], c: Ctx) -> Hit | None:
    """'fiscal 2024', 'FY24', 'the 2027-28 fiscal year' → FY2024 / FY2027 (TIMEX2's fiscal-year
    form; a fiscal year's months differ by country, so no calendar year is claimed)."""
    y = int(m["year"] or m["year3"])
    return _hit(m, "DATE", f"FY{(2000 + y) if y < 100 else y:04d}")


def r_range_end(m: re.Match[str], c: Ctx) -> Hit | None:
    """The day of a range that names no month of its own; the other end is a date the
    day-month rules find."""
    if m["mon"]:
        mon, day, year, key = c.g.month(m["mon"]), int(m["d1"]), m["year"], "d1"
    else:
        mon, day, year, key = c.g.month(m["mon2"]), int(m["e2"]), m["year2"], "e2"
    if mon is None:
        return None
    d = safe_date(int(year), mon, day) if year else nearest_year(c.anchor, mon, day, c.future(m.start()))
    return Hit(m.start(key), m.end(key), "DATE", d.isoformat() if d else INVALID, "day")


def r_decade(m: re.Match[str], c: Ctx) -> Hit | None:
    return _hit(m, "DATE", m["dec"])


def r_weekday(m: re.Match[str], c: Ctx) -> Hit | None:
    wd_txt = c.g.v["weekday"].get(norm(m["wd"]))
    if wd_txt is None:
        return None
    wd = int(wd_txt)
    if m["pl"]:
        return _hit(m, "SET", f"XXXX-WXX-{wd + 1}")
    mod = norm(m["mod"] or "")
    if mod in ("next", "coming", "this coming"):
        mode = "next"
    elif mod in ("last", "past", "this past"):
        mode = "last"
    elif mod == "this":
        mode = "this"
    else:
        mode = "next" if c.future(m.start()) else "recent"
    return _hit(m, "DATE", weekday_date(c.anchor, wd, mode).isoformat(), "weekday")


def r_relday(m: re.Match[str], c: Ctx) -> Hit | None:
    spec = c.g.v["relday"].get(norm(m.group()).replace("’", "'"))
    if spec is None:
        return None
    shift, _, pod = spec.partition(" ")
    d = c.anchor + dt.timedelta(days=int(shift))
    return _hit(m, "TIME" if pod else "DATE", d.isoformat(), "day", tpart=pod)


def r_period(m: re.Match[str], c: Ctx) -> Hit | None:
    words = norm(m["mod"]).split()
    mod = "this" if words[-1] == "coming" else words[-1]
    step = {"last": -1, "this": 0, "next": 1}[mod]
    if words[-1] == "coming":
        step = 1
    return _hit(m, "DATE", period_value(c.anchor, norm(m["unit"]), step))


def r_ago(m: re.Match[str], c: Ctx) -> Hit | None:
    unit = c.g.v["unit"].get(norm(m["unit"]))
    n = c.g.number(m["num"])
    direction = norm(m["dir"])
    if unit is None:
        return None
    if n is None:  # "a few days ago"
        if direction == "ago":
            return _hit(m, "DATE", "PAST_REF")
        return _hit(m, "DATE", None, "rel") if unit in ("H", "MIN") else None
    if direction == "ago":
        return _hit(m, "DATE", ago_value(c.anchor, n, unit))
    sign = -1 if direction == "earlier" else 1
    if unit in ("H", "MIN"):
        return _hit(m, "DATE", None, "rel")
    days = {"D": 1, "W": 7, "2W": 14}.get(unit)
    if days is None:
        return None
    return _hit(m, "DATE", None, "rel", shift=sign * n * days, gran="day" if unit == "D" else "week")


def r_later(m: re.Match[str], c: Ctx) -> Hit | None:
    unit, direction = norm(m["unit"]), norm(m["dir"])
    if direction == "ago":
        return _hit(m, "DATE", "PAST_REF")
    return _hit(m, "DATE", None, "rel") if unit in ("hours", "minutes", "moments") else None


def r_anaphor(m: re.Match[str], c: Ctx) -> Hit | None:
    if m["ba"]:
        return _hit(m, "DATE", None, "rel", shift=-1 if norm(m["ba"]) == "before" else 1)
    rel = norm(m["rel"]).removeprefix("the ")
    shift = int(c.g.v["anaphor"].get(rel, "0"))
    unit = norm(m["unit"])
    if unit == "week":
        if rel not in ("following", "previous", "preceding", "same", "that"):
            return None
        return _hit(m, "DATE", None, "rel", shift=7 * shift, gran="week")
    pod = c.g.v["part_of_day"].get(unit, "")
    return _hit(m, "TIME" if pod else "DATE", None, "rel", shift=shift, tpart=f"T{pod}" if pod else "")


def r_duration(m: re.Match[str], c: Ctx) -> Hit | None:
    n = c.g.number(m["num"])
    unit = c.g.v["unit"].get(norm(m["unit"]))
    if n is None or unit is None:
        return None
    if norm(m["num"]) in ("a", "an") and c.word_before(m.start()) not in (
            "for", "in", "within", "over", "about", "nearly", "almost", "than", "least", "lasting",
            "lasted", "after", "half"):
        return None
    return _hit(m, "DURATION", duration_value(n, unit))


def r_for_vague(m: re.Match[str], c: Ctx) -> Hit | None:
    unit = c.g.v["unit"].get(norm(m["unit"]).removesuffix("s"))
    if unit is None:
        return None
    code = {"10Y": "DE", "MIN": "M"}.get(unit, unit)
    return _hit(m, "DURATION", f"PT{code}" if unit in ("H", "MIN") else f"PX{code}",
                start=m.start("unit"))


def r_every(m: re.Match[str], c: Ctx) -> Hit | None:
    what = norm(m["what"])
    if what in c.g.v["weekday"]:
        return _hit(m, "SET", f"XXXX-WXX-{int(c.g.v['weekday'][what]) + 1}")
    if what in c.g.v["part_of_day"]:
        return _hit(m, "SET", f"XXXX-XX-XXT{c.g.v['part_of_day'][what]}")
    unit = c.g.v["unit"].get(what)
    if unit is None:
        return None
    numtxt = norm(m["num"] or "")
    n = 2 if numtxt == "other" else (c.g.number(numtxt) if numtxt else 1)
    return None if n is None else _hit(m, "SET", duration_value(n, unit))


def r_times(m: re.Match[str], c: Ctx) -> Hit | None:
    unit = c.g.v["unit"].get(norm(m["unit"]))
    return None if unit is None else _hit(m, "SET", duration_value(1, unit))


def r_set_adverb(m: re.Match[str], c: Ctx) -> Hit | None:
    value = c.g.v["set_adverb"].get(norm(m.group()))
    return None if value is None else _hit(m, "SET", value)


def r_season(m: re.Match[str], c: Ctx) -> Hit | None:
    code = c.g.v["season"].get(norm(m["season"]))
    if code is None:
        return None
    if m["year"]:
        return _hit(m, "DATE", f"{m['year']}-{code}")
    if not m["mod"]:
        return None
    mod = norm(m["mod"]).split()[-1]
    mode = {"past": "last", "coming": "next"}.get(mod, mod)
    return _hit(m, "DATE", season_value(c.anchor, code, mode))


def r_quarter(m: re.Match[str], c: Ctx) -> Hit | None:
    a = c.anchor
    if m["qmod"]:
        step = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(norm(m["qmod"]), 0)
        return _hit(m, "DATE", quarter_step(a, step))
    if m["q"]:
        q = int(m["q"])
        year_txt = m["year2"]
    else:
        q = int(c.g.v["ordinal"].get(norm(m["ord"]), "0"))
        year_txt = m["year"]
    if not 1 <= q <= 4:
        return None
    if year_txt:
        return _hit(m, "DATE", f"{year_txt}-Q{q}")
    ymod = norm(m["ymod"] or "") if not m["q"] else ""
    if ymod:
        return _hit(m, "DATE", f"{a.year + {'last': -1, 'next': 1}.get(ymod, 0):04d}-Q{q}")
    cur = (a.month - 1) // 3 + 1
    if c.future(m.start()):
        y = a.year if q > cur else a.year + 1
    else:
        y = a.year if q <= cur else a.year - 1
    return _hit(m, "DATE", f"{y:04d}-Q{q}")


def r_half(m: re.Match[str], c: Ctx) -> Hit | None:
    h = 1 if norm(m["ord"]) == "first" else 2
    if m["year"]:
        return _hit(m, "DATE", f"{m['year']}-H{h}")
    y = c.anchor.year + {"last": -1, "next": 1}.get(norm(m["ymod"]), 0)
    return _hit(m, "DATE", f"{y:04d}-H{h}")


def r_ord_day(m: re.Match[str], c: Ctx) -> Hit | None:
    d = ordinal_day(c.anchor, int(m["day"]), c.future(m.start()))
    return _day_hit(m, d, start=m.start("span")) if d else None


def r_vague(m: re.Match[str], c: Ctx) -> Hit | None:
    value = c.g.v["vague"].get(norm(m.group()))
    return None if value is None else _hit(m, "DATE", value)


def r_clock(m: re.Match[str], c: Ctx) -> Hit | None:
    if m["word"]:
        spec = c.g.v["clock_word"].get(norm(m["word"]))
        if spec is None:
            return None
        tpart = f"T{spec}"
    elif m["h"]:
        h, mm = int(m["h"]), int(m["mm"] or 0)
        if not 1 <= h <= 12 or mm > 59:
            return None
        h = h % 12 + (12 if m["ampm"].casefold() == "p" else 0)
        tpart = f"T{h:02d}:{mm:02d}"
    else:
        tpart = f"T{int(m['h24']):02d}:{m['m24']}"
    rel = norm(m["rel"] or "")
    start = m.start() if m["mod"] or rel in (
        "after", "before", "around", "about", "past", "near", "approximately") else m.start("clock")
    return _hit(m, "TIME", None, "clock", start=start, tpart=tpart)


def r_weekend(m: re.Match[str], c: Ctx) -> Hit | None:
    """"Over the weekend": the one just past, or the current one on a Saturday or Sunday."""
    a = c.anchor
    step = 1 if c.future(m.start()) else (0 if a.weekday() >= 5 else -1)
    return _hit(m, "DATE", period_value(a, "weekend", step), start=m.start("span"))


def r_pod(m: re.Match[str], c: Ctx) -> Hit | None:
    code = c.g.v["part_of_day"].get(norm(m["pod"]))
    return None if code is None else _hit(m, "TIME", None, "pod", tpart=f"T{code}")


RULES: dict[str, Resolver] = {
    "mdy": r_mdy, "dmy": r_mdy, "iso": r_iso, "numeric": r_numeric, "month_year": r_month_year,
    "month": r_month, "year": r_year, "fiscal": r_fiscal, "range_end": r_range_end, "decade": r_decade,
    "weekday": r_weekday, "relday": r_relday, "period": r_period, "ago": r_ago, "later": r_later,
    "anaphor": r_anaphor, "duration": r_duration, "for_vague": r_for_vague, "every": r_every,
    "times": r_times, "set_adverb": r_set_adverb, "season": r_season, "quarter": r_quarter,
    "half": r_half, "ord_day": r_ord_day, "vague": r_vague, "clock": r_clock, "pod": r_pod,
    "weekend": r_weekend,
}
