"""Where direct quotations are in a text: quotation marks read paragraph by paragraph.

English news continues a long quote into the next paragraph by leaving the first paragraph
open and opening the next one with a new mark; a regex over matched pairs gets that wrong
(straight marks pair across the break) and cannot tell an apostrophe from a closing single
mark. This scanner keeps one open quote at a time, with the pairs of marks that
`data/quote_marks.tsv` lists: English curly and straight marks, curly singles used as the outer
mark ('befitting and decisive'), guillemets («…», which wire copy often closes with an English
mark: «…" or «…“), German »…« and „…“, Polish „…”. A mark that both opens one pair and closes
another (“, », ") is read by where it stands: after a space and before a word it opens, after a
word it closes. Marks opened inside an open quote are nested quotes, kept as part of its text
until they close, so «He said “no” to us» is one quote. Pure text in, spans out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tidings.errors import CodebookError, Errors
from tidings.extract.kb.knowledge import read_tsv, split_values

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | {""}  # what may stand before an opening apostrophe-like mark
_MAX_CHARS = 3000
_MARKS_FILE = "quote_marks.tsv"


@dataclass(frozen=True, slots=True)
class MarkPair:
    """An opening quotation mark and the marks that may close it (a row of data/quote_marks.tsv)."""

    opener: str
    closers: frozenset[str]
    apostrophe: bool  # the closer is also an apostrophe ("India’s"): strict positions, dropped if unclosed
    spaced: bool  # may stand apart from its words with a space (French « … »)


@cache
def load_mark_pairs(text: str | None = None) -> dict[str, MarkPair]:
    """Opening mark → its pair, from data/quote_marks.tsv (or `text` in that format)."""
    path = f"tidings/data/{_MARKS_FILE}"
    if text is None:
        text = (resources.files("tidings") / "data" / _MARKS_FILE).read_text(encoding="utf-8")
    pairs: dict[str, MarkPair] = {}
    for n, row in read_tsv(path, text, ("open", "close", "apostrophe", "spaced")):
        closers = split_values(row["close"])
        problem = None
        if len(row["open"]) != 1 or not closers or any(len(c) != 1 for c in closers):
            problem = "open and close must be single characters (several closers separated by |)"
        elif row["open"] in pairs:
            problem = f"opening mark {row['open']!r} listed twice"
        elif row["apostrophe"] not in ("yes", "no") or row["spaced"] not in ("yes", "no"):
            problem = "apostrophe and spaced must be yes or no"
        if problem:
            raise CodebookError(Errors.E101.format(path=path, line=n, problem=problem), path=path, line=n)
        pairs[row["open"]] = MarkPair(row["open"], frozenset(closers), row["apostrophe"] == "yes",
                                      row["spaced"] == "yes")
    return pairs


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: the character spans of its words, one per paragraph it runs through."""

    segments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, source: str) -> str:
        return " ".join(source[a:b].strip() for a, b in self.segments if source[a:b].strip())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _before(text: str, i: int) -> str:
    return text[i - 1] if i else ""


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else ""


def _opener(text: str, i: int, pairs: dict[str, MarkPair]) -> MarkPair | None:
    """The pair a mark at i opens, if it stands where a quote can open."""
    pair = pairs.get(text[i])
    if pair is None:
        return None
    before, after = _before(text, i), _after(text, i)
    if pair.apostrophe:
        return pair if before in _OPEN_BEFORE else None
    if not after or after.isspace() and not pair.spaced:
        return None  # "News » World", a closing mark at the end: nothing opens here
    if before and not before.isspace() and before not in _OPEN_BEFORE and not after.isalnum():
        return None  # 'Friday“.': a closing mark of another pair, not an opening one
    return pair


def _closes(text: str, i: int, pair: MarkPair) -> bool:
    if text[i] not in pair.closers:
        return False
    # a closing single mark, not the apostrophe of "India’s" or "leaders’ talks"
    return not pair.apostrophe or not _after(text, i).isalnum()


def _opens_nested(text: str, i: int, pairs: dict[str, MarkPair]) -> MarkPair | None:
    """A mark inside an open quote that opens a quote of its own: before a word, after a space."""
    pair = _opener(text, i, pairs)
    if pair is None or not _after(text, i).isalnum():
        return None
    return pair if _before(text, i) in _OPEN_BEFORE else None


@dataclass(frozen=True, slots=True)
class _Marks:
    """The characters the scanner acts on; any other character it steps over."""

    chars: frozenset[str]  # every opening and closing mark
    pattern: re.Pattern[str]  # a character class of them


def _mark_class(pairs: dict[str, MarkPair]) -> _Marks:
    chars = frozenset(pairs) | frozenset(c for p in pairs.values() for c in p.closers)
    return _Marks(chars, re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]"))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every direct quotation, in text order; never raises."""
    pairs = load_mark_pairs()
    marks = _mark_class(pairs)
    spans: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # segments of a quote left open at a paragraph break
    carried_pair: MarkPair | None = None
    for p_start, p_end in _paragraphs(text):
        i = p_start
        open_at: int | None = None
        pair: MarkPair | None = None
        nested: list[MarkPair] = []
        if carried:
            reopen = _opener(text, i, pairs) if i < p_end else None
            if reopen is not None and (reopen is carried_pair or not reopen.apostrophe):
                open_at, pair = i + 1, reopen  # the next paragraph reopens the quote
                i += 1
            else:
                spans.append(QuoteSpan(tuple(carried)))  # never reopened: it ended with its paragraph
                carried, carried_pair = [], None
        while i < p_end:
            # only a mark can open, close or nest a quote: every other character is passed over,
            # so jump to the next mark instead of stepping through the text in Python
            if text[i] not in marks.chars:
                found = marks.pattern.search(text, i, p_end)
                if found is None:
                    break
                i = found.start()
            if open_at is None:
                pair = _opener(text, i, pairs)
                if pair is not None:
                    open_at, nested = i + 1, []
            elif nested and _closes(text, i, nested[-1]):
                nested.pop()
            elif i > open_at and (inner := _opens_nested(text, i, pairs)) is not None:
                nested.append(inner)  # «He said “no” to us»: “ opens inside, it does not close «
            elif _closes(text, i, pair) and i > open_at:
                segs = (*carried, (open_at, i))
                if text[open_at:i].strip() and sum(b - a for a, b in segs) <= _MAX_CHARS:
                    spans.append(QuoteSpan(segs))
                carried, carried_pair, open_at, nested = [], None, None, []
            i += 1
        if open_at is not None:
            if pair.apostrophe:  # an unclosed single mark was an apostrophe after all
                carried, carried_pair = [], None
            elif text[open_at:p_end].strip() and sum(b - a for a, b in carried) + p_end - open_at <= _MAX_CHARS:
                carried.append((open_at, p_end))
                carried_pair = pair
    if carried:
        spans.append(QuoteSpan(tuple(carried)))
    return spans
