"""The word tables and compiled patterns behind the time-expression rules.

Why a separate module: the vocabulary (data/timex.tsv) and the regexes built from it are
read and compiled once and shared by every resolver in `timex_rules`; keeping them here
leaves that module one resolver per phrase shape. A trigger is a cheap pattern every match
of its rule contains, so the full pattern only runs near triggers.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from tidings.errors import CodebookError, Errors

_KINDS = frozenset({
    "month", "month_abbr", "weekday", "number", "tens", "unit", "season", "part_of_day",
    "clock_word", "ordinal", "set_adverb", "vague", "future_cue", "report_verb", "relday",
    "anaphor",
})
_INT_KINDS = frozenset({"month", "month_abbr", "weekday", "number", "tens", "ordinal", "anaphor"})
_D = "[0-9]"
_YEAR = "(?:1[89]|20)[0-9][0-9]"


def parse_vocabulary(text: str, path: str) -> dict[str, dict[str, str]]:
    """Parse the kind/word/value TSV; a bad row raises CodebookError naming its line."""
    def bad(line: int, problem: str) -> CodebookError:
        return CodebookError(Errors.E101.format(path=path, line=line, problem=problem),
                             path=path, line=line)

    lines = text.splitlines()
    if not lines or lines[0].split("\t") != ["kind", "word", "value"]:
        raise bad(1, "the header must be kind, word, value")
    table: dict[str, dict[str, str]] = {k: {} for k in _KINDS}
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[1]:
            raise bad(n, "expected three tab-separated fields")
        kind, word, value = parts
        if kind not in _KINDS:
            raise bad(n, f"unknown kind {kind!r}")
        if kind in _INT_KINDS and not re.fullmatch(r"-?[0-9]+", value):
            raise bad(n, f"value {value!r} must be an integer")
        table[kind][word] = value
    return table


@functools.cache
def vocabulary() -> dict[str, dict[str, str]]:
    """The word tables of data/timex.tsv by kind, read once."""
    path = resources.files("tidings").joinpath("data/timex.tsv")
    return parse_vocabulary(path.read_text(encoding="utf-8"), str(path))


def norm(s: str) -> str:
    """Case- and space-folded form used for every table look-up."""
    return " ".join(s.casefold().split())


def _alt(words: object, title: bool = False) -> str:
    ws = sorted(set(words), key=len, reverse=True)  # type: ignore[arg-type]
    if title:
        ws = [w.capitalize() for w in ws]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)


class Grammar:
    """The compiled patterns, built once from the vocabulary."""

    def __init__(self, v: dict[str, dict[str, str]]) -> None:
        self.v = v
        self.months = {**{k: int(x) for k, x in v["month"].items()},
                       **{k: int(x) for k, x in v["month_abbr"].items()}}
        month_full = f"(?:{_alt(v['month'], title=True)})"
        self.future_cue = re.compile("|".join(  # no \b before "'ll"
            (r"\b" if w[:1].isalnum() else "") + re.escape(w).replace(r"\ ", r"\s+") + r"\b"
            for w in sorted(v["future_cue"], key=len, reverse=True)))
        self.report_verb = re.compile(rf"\b(?:{_alt(v['report_verb'])})\b")
        self.month_full = month_full
        # every pattern but the month ones runs on ASCII-lowered text; the order is the rules' order
        self.patterns: dict[str, re.Pattern[str]] = {
            **_calendar_patterns(v, month_full), **_relative_patterns(v), **_named_patterns(v)}
        self.triggers = _triggers(v)

    def month(self, s: str) -> int | None:
        return self.months.get(norm(s).rstrip("."))

    def number(self, s: str) -> int | None:
        """Digits or number words ("twenty-four", "a couple of") as an int; vague words -> None."""
        s = norm(s).replace("-", " ")
        if re.fullmatch("[0-9]+", s):
            return int(s)
        if s in self.v["number"]:
            return int(self.v["number"][s])
        parts = s.split()
        if len(parts) == 2 and parts[0] in self.v["tens"] and parts[1] in self.v["number"]:
            return int(self.v["tens"][parts[0]]) + int(self.v["number"][parts[1]])
        if s in self.v["tens"]:
            return int(self.v["tens"][s])
        return None


def _calendar_patterns(v: dict[str, dict[str, str]], month_full: str) -> dict[str, re.Pattern[str]]:
    """Dates written out: "May 7, 2025", "7 May", "2025-05-07", "05/07/2025", "May 2025", years."""
    month_any = f"(?:{_alt(v['month'], title=True)}|(?:{_alt(v['month_abbr'], title=True)})\\.?)"
    P = re.compile
    day_sfx = r"(?:st|nd|rd|th)?"
    return {
        "mdy": P(rf"\b(?P<mon>{month_any})\s+(?P<day>{_D}{{1,2}}){day_sfx}\b(?!,[0-9]{{3}})"
                 rf"(?:,?\s+(?P<year>{_D}{{4}})\b)?"),
        "dmy": P(rf"(?<![0-9,.])(?P<day>{_D}{{1,2}}){day_sfx}\s+(?:(?i:of)\s+)?(?P<mon>{month_any})"
                 rf"(?![a-z])(?:,?\s+(?P<year>{_D}{{4}})\b)?"),
        "iso": P(rf"(?<![0-9-])(?P<year>{_D}{{4}})-(?P<mon>{_D}{{2}})-(?P<day>{_D}{{2}})(?![0-9])"),
        "numeric": P(rf"(?<![0-9/.\-])(?P<a>{_D}{{1,2}})(?P<sep>[/.\-])(?P<b>{_D}{{1,2}})(?P=sep)"
                     rf"(?P<year>{_D}{{4}}|{_D}{{2}})(?![0-9/]|[.\-][0-9])"),
        "month_year": P(rf"\b(?:(?P<mod>(?i:early|mid|late))[\s-]*)?(?P<mon>{month_any})(?:\s+of)?,?\s+"
                        rf"(?P<year>{_YEAR})(?![0-9])"),
        "month": P(rf"\b(?:(?P<mod>(?i:early|mid|late|last|next|this|coming|past))[\s-]+)?"
                   rf"(?P<mon>{month_full})\b(?!\s*[0-9])"),
        "year": P(rf"\b(?:(?P<prep>[A-Za-z]+)[\s-]+)?(?P<year>{_YEAR})(?P<poss>['’]s)?\b"
                  r"(?![0-9,.]?[0-9]|\s*(?:%|percent|people|troops|soldiers|residents)|[\s-]strong\b)"),
        "fiscal": P(rf"\b(?:fy|(?:fiscal|financial)\s+(?:year\s+)?)\s?(?P<year>{_D}{{4}}|{_D}{{2}})"
                    rf"(?:[-/–](?:{_D}{{4}}|{_D}{{2}}))?\b|\b(?P<year3>{_D}{{4}})[-/–](?:{_D}{{4}}|{_D}{{2}})\s+"
                    r"(?:fiscal|financial|budget)\s+year\b"),
        # the open end of a range: "between 1 and 3 May" (the "1"), "May 1-3" (the "3")
        "range_end": P(rf"\b(?:(?i:between|from)\s+)?(?P<d1>{_D}{{1,2}}){day_sfx}\s*(?:(?i:and|to|until|till|"
                       rf"through)|-|–)\s*(?P<d2>{_D}{{1,2}}){day_sfx}\s+(?:(?i:of)\s+)?(?P<mon>{month_any})"
                       rf"(?![a-z])(?:,?\s+(?P<year>{_D}{{4}})\b)?"
                       rf"|\b(?P<mon2>{month_any})\s+(?P<e1>{_D}{{1,2}}){day_sfx}\s*(?:(?i:and|to|until|till|through)|-|–)"
                       rf"\s*(?P<e2>{_D}{{1,2}}){day_sfx}\b(?:,?\s+(?P<year2>{_D}{{4}})\b)?"),
        "decade": P(rf"\b(?:the\s+)?(?P<dec>(?:1[89]|20)[0-9])0s\b"),
    }


def _number_pattern(v: dict[str, dict[str, str]]) -> str:
    """A count in digits or words ("3", "twenty-four", "a couple of")."""
    units_1_9 = _alt(w for w, n in v["number"].items() if n.isdigit() and 1 <= int(n) <= 9
                     and w.isalpha())
    return f"(?:[0-9]{{1,3}}|(?:{_alt(v['tens'])})(?:[\\s-]+(?:{units_1_9}))?|{_alt(v['number'])})"


def _relative_patterns(v: dict[str, dict[str, str]]) -> dict[str, re.Pattern[str]]:
    """Phrases counted from the anchor or an earlier date: weekdays, "last week", "two days ago"."""
    num = _number_pattern(v)
    vague_num = r"a\s+few|a\s+couple|several|few|many|some"
    unit = f"(?:{_alt(v['unit'])})"
    weekday = f"(?:{_alt(v['weekday'])})"
    P = re.compile
    return {
        "weekday": P(rf"\b(?:(?P<mod>this\s+past|this\s+coming|last|this|next|past|coming|"
                     rf"early|late)\s+)?(?P<wd>{weekday})(?P<pl>s)?\b"),
        "relday": P(rf"\b(?:{_alt(v['relday'])})(?![\w'’])"),
        "period": P(r"\b(?P<mod>(?:(?:earlier|later|early|late|so\s+far)\s+)?(?:this|last|next)"
                    r"|the\s+(?:end|start|beginning)\s+of\s+(?:this|last|next)|coming)\s+"
                    r"(?P<unit>week|weekend|month|year)\b"),
        "ago": P(rf"\b(?P<num>{num}|{vague_num})\s+(?P<unit>{unit})s?\s+(?P<dir>ago|later|"
                 r"earlier|afterwards?)\b"),
        "later": P(r"\b(?P<unit>hours|minutes|moments|days|weeks|months|years)\s+"
                   r"(?P<dir>later|afterwards?|ago)\b"),
        "anaphor": P(rf"\b(?P<rel>(?:later|earlier)\s+that|that|the\s+(?:next|following|previous|"
                     r"preceding|same)|next)\s+(?P<unit>day|morning|afternoon|evening|night|week)\b"
                     r"|\bthe\s+day\s+(?P<ba>before|after)(?=\s*(?:[,.;:!?)\"”]|$))"),
        "duration": P(rf"\b(?:(?:the\s+)?(?:next|past|last|coming|first|previous|following)\s+)?"
                      rf"(?P<num>{num})(?:\s*(?:to|or|-|–)\s*(?P<num2>{num}))?[\s-]+(?P<unit>{unit})s?\b"
                      r"(?!-old|\s+old|\s+(?:ago|later|earlier|afterwards?)\b)"),
        "for_vague": P(r"\b(?:for|over|in|within)\s+(?P<unit>hours|days|weeks|months|years|decades)\b"
                       r"(?!\s+(?:ago|later|earlier))"),
        "every": P(rf"\b(?:every|each)\s+(?:(?P<num>other|{num})\s+)?"
                   rf"(?P<what>{weekday}|{unit}|morning|afternoon|evening|night)s?\b"),
        "times": P(rf"\b(?:once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+"
                   rf"(?P<unit>{unit})\b"),
    }


def _named_patterns(v: dict[str, dict[str, str]]) -> dict[str, re.Pattern[str]]:
    """Named periods and times of day: seasons, quarters, "the 22nd", "at 3 p.m.", "overnight"."""
    P = re.compile
    return {
        "set_adverb": P(rf"\b(?:{_alt(v['set_adverb'])})\b"),
        "season": P(r"\b(?:(?P<mod>this\s+past|this\s+coming|(?:earlier|later|early|late)\s+this|"
                    r"(?:early|late)\s+last|last|this|next|past|coming)\s+)?(?:(?:early|mid|late)[\s-]*)?"
                    rf"(?P<season>{_alt(v['season'])})(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b"),
        "quarter": P(r"\b(?:(?P<qmod>last|this|next|current|previous|past)\s+quarter|(?:the\s+)?"
                     rf"(?P<ord>{_alt(v['ordinal'])})[\s-]+quarter(?:\s+of\s+(?:(?P<year>{_YEAR})|"
                     r"(?P<ymod>this|last|next|the)\s+year))?|q(?P<q>[1-4])(?:\s+(?P<year2>"
                     rf"{_YEAR}))?)\b"),
        "half": P(r"\b(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>"
                  rf"{_YEAR})|(?P<ymod>this|last|next|the)\s+year)\b"),
        "ord_day": P(r"\b(?:on|since|until|till|by|from|before|after)\s+(?P<span>the\s+"
                     rf"(?P<day>{_D}{{1,2}})(?:st|nd|rd|th))\b"
                     r"(?!\s+(?!(?:and|or|to|through|until|when|as|at|in|of)\b)[a-z])"),
        "vague": P(rf"\b(?:{_alt(v['vague'])})\b"),
        "clock": P(r"\b(?:(?P<mod>(?:shortly|just|soon|right|sometime|some\s+time|early|late)\s+)?"
                   r"(?P<rel>after|before|around|about|past|until|till|by|from|since|at|near|"
                   r"approximately)\s+)?(?P<clock>"
                   rf"(?P<word>{_alt(v['clock_word'])})\b|(?P<h>{_D}{{1,2}})(?::(?P<mm>{_D}{{2}}))?\s*"
                   r"(?P<ampm>[ap])\.?m\b\.?|(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?![0-9:]))"),
        "weekend": P(r"\b(?:over|at|during|on|through)\s+(?P<span>the\s+weekend)\b"),
        "pod": P(rf"\b(?:(?:early|late)\s+)?(?:in\s+the\s+)?(?P<pod>{_alt(v['part_of_day'])})\b"),
    }


def _triggers(v: dict[str, dict[str, str]]) -> dict[str, tuple[re.Pattern[str], int]]:
    """A trigger is a cheap pattern every match of its rule contains, at most `lead`
    characters after the match start; the full pattern only runs around triggers. This
    keeps a 5,000-character article well under 5 ms (full scans took ~9 ms)."""
    months = "[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)"
    units = r"minute|hour|day|week|fortnight|month|year|decade"
    dayish = r"day|night|morrow|morning|afternoon|evening|week"
    digits_sep = r"[0-9][/.\-][0-9]"
    later = r"ago|later|earlier|afterward"
    return {
        name: (re.compile(t), lead) for name, (t, lead) in {
            "mdy": (months, 1), "dmy": (months, 20), "month_year": (months, 10),
            "month": (months, 10), "iso": (digits_sep, 5), "numeric": (digits_sep, 3),
            "year": (r"1[89][0-9][0-9]|20[0-9][0-9]", 30), "fiscal": (r"fy|fiscal|financial", 16), "range_end": (months, 30),
            "decade": (r"0s", 10), "weekday": ("day", 25), "relday": (dayish, 12),
            "period": (r"week|month|year", 35), "ago": (later, 35), "later": (later, 12),
            "anaphor": (dayish, 20), "duration": (units, 55), "for_vague": (units, 10),
            "every": (r"every|each", 1), "times": (r"once|twice|thrice|times", 25),
            "set_adverb": (_alt(v["set_adverb"]), 1), "season": (_alt(v["season"]), 30),
            "quarter": (r"quarter|q[1-4]", 20), "half": ("half", 10),
            "ord_day": (r"[0-9](?:st|nd|rd|th)", 15), "vague": (_alt(v["vague"]), 1),
            "clock": (rf"[0-9]\s*[ap]\.?m|[0-9]:[0-9]|{_alt(v['clock_word'])}", 35),
            "pod": (_alt(v["part_of_day"]), 20), "weekend": ("weekend", 15),
        }.items()}


@functools.cache
def grammar() -> Grammar:
    return Grammar(vocabulary())
