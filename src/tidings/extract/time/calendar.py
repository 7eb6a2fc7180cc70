"""Calendar arithmetic for time expressions: ISO-style values from an anchor date.

Split from `timex_rules` so that the news conventions (which past Wednesday, which
December) live apart from the phrase patterns that find them. Everything here is a pure
function of dates and integers; out-of-range results raise ValueError/OverflowError, which
`time.find_timexes` catches and skips.
"""
from __future__ import annotations

import datetime as dt

INVALID = "XXXX-XX-XX"  # an impossible date ("30 February") keeps its span but no date
_SEASONS = ("SP", "SU", "FA", "WI")  # WI belongs to the year of its December


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def week_of(d: dt.date) -> str:
    """ISO week value; the ISO year, not the calendar year (2024-12-30 is 2025-W01)."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_value(y: int, m: int, step: int = 0) -> str:
    n = y * 12 + (m - 1) + step
    y2, m2 = divmod(n, 12)
    if not 1 <= y2 <= 9999:
        raise ValueError("year out of range")
    return f"{y2:04d}-{m2 + 1:02d}"


def year_value(y: int) -> str:
    if not 1 <= y <= 9999:
        raise ValueError("year out of range")
    return f"{y:04d}"


def nearest_year(anchor: dt.date, mon: int, day: int, future: bool) -> dt.date | None:
    """Month-day without a year: the past occurrence if within ~6 months, else the nearest."""
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
             if 1 <= y <= 9999 and (d := safe_date(y, mon, day))]
    if not cands:
        return None
    if future:
        later = [d for d in cands if d >= anchor]
        return later[0] if later else cands[-1]
    past = [d for d in cands if d <= anchor]
    if past and (anchor - past[-1]).days <= 183:
        return past[-1]
    return min(cands, key=lambda d: abs((d - anchor).days))


def weekday_date(anchor: dt.date, wd: int, mode: str) -> dt.date:
    """mode "recent": on or before the anchor; "last": strictly before; "next": strictly
    after; "this": in the anchor's Monday-to-Sunday week."""
    a = anchor.weekday()
    if mode == "last":
        return anchor - dt.timedelta(days=(a - wd - 1) % 7 + 1)
    if mode == "next":
        return anchor + dt.timedelta(days=(wd - a - 1) % 7 + 1)
    if mode == "this":
        return anchor + dt.timedelta(days=wd - a)
    return anchor - dt.timedelta(days=(a - wd) % 7)


def period_value(anchor: dt.date, unit: str, step: int) -> str:
    if unit in ("week", "weekend"):
        return week_of(anchor + dt.timedelta(days=7 * step)) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return month_value(anchor.year, anchor.month, step)
    return year_value(anchor.year + step)


def ago_value(anchor: dt.date, n: int, unit: str) -> str:
    if unit in ("H", "MIN"):
        return anchor.isoformat()
    if unit == "D":
        return (anchor - dt.timedelta(days=n)).isoformat()
    if unit in ("W", "2W"):
        return week_of(anchor - dt.timedelta(days=(14 if unit == "2W" else 7) * n))
    if unit == "M":
        return month_value(anchor.year, anchor.month, -n)
    return year_value(anchor.year - n * (10 if unit == "10Y" else 1))


def duration_value(n: int, unit: str) -> str:
    if unit in ("H", "MIN"):
        return f"PT{n}{unit[0]}"
    if unit == "2W":
        return f"P{2 * n}W"
    if unit == "10Y":
        return f"P{10 * n}Y"
    return f"P{n}{unit}"


def season_of(d: dt.date) -> int:
    """A running season number: year * 4 + index into _SEASONS."""
    if d.month <= 2:
        return (d.year - 1) * 4 + 3
    return d.year * 4 + min((d.month - 3) // 3, 3)


def season_value(anchor: dt.date, code: str, mode: str) -> str:
    idx, cur = _SEASONS.index(code), season_of(anchor)
    if mode == "this":
        y = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
        return f"{year_value(y)}-{code}"
    step = -1 if mode == "last" else 1
    n = cur + step
    while n % 4 != idx:
        n += step
    return f"{year_value(n // 4)}-{code}"


def quarter_step(anchor: dt.date, step: int) -> str:
    n = anchor.year * 4 + (anchor.month - 1) // 3 + step
    return f"{year_value(n // 4)}-Q{n % 4 + 1}"


def ordinal_day(anchor: dt.date, day: int, future: bool) -> dt.date | None:
    """"On the 22nd": this month unless more than a few days ahead, else an earlier month."""
    if not 1 <= day <= 31:
        return None
    n = anchor.year * 12 + anchor.month - 1  # a running month number
    if future and day <= anchor.day:
        n += 1
    elif not future and day > anchor.day + 3:
        n -= 1
    for _ in range(12):
        y, m = divmod(n, 12)
        if d := safe_date(y, m + 1, day):
            return d
        n += 1 if future else -1
    return None
