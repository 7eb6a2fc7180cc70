"""Where direct quotations are in a text: quotation marks read paragraph by paragraph.

English news continues a long quote into the next paragraph by leaving the first paragraph
open and opening the next one with a new mark; a regex over matched pairs gets that wrong
(straight marks pair across the break) and cannot tell an apostrophe from a closing single
mark. This scanner keeps one open quote at a time: curly doubles, straight doubles, and
curly singles used as the outer mark ('befitting and decisive'), and guillemets («…»), which
wire copy often closes with an English mark instead («…" or «…”). Marks of another kind
inside an open quote are nested quotes and stay part of its text. Pure text in, spans out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | {""}  # what may stand before an opening single mark
_MAX_CHARS = 3000


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


def _opener(text: str, i: int) -> str | None:
    """The kind of quote a mark at i opens, if it can open one."""
    c = text[i]
    if c == "“":
        return "curly"
    if c == "«":
        return "guillemet"
    if c == '"':
        return "straight"
    if c == "‘" and (text[i - 1] if i else "") in _OPEN_BEFORE:
        return "single"
    return None


def _closes(text: str, i: int, kind: str) -> bool:
    c = text[i]
    if kind == "curly":
        return c == "”"
    if kind == "straight":
        return c == '"'
    if kind == "guillemet":
        return c in ('»', '"', "”")
    # a closing single mark, not the apostrophe of "India’s" or "leaders’ talks"
    return c == "’" and (i + 1 == len(text) or not text[i + 1].isalnum())


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every direct quotation, in text order; never raises."""
    spans: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # segments of a quote left open at a paragraph break
    carried_kind: str | None = None
    for p_start, p_end in _paragraphs(text):
        i = p_start
        open_at, kind = None, None
        if carried:
            if i < p_end and _opener(text, i) in (carried_kind, "curly", "straight"):
                open_at, kind = i + 1, _opener(text, i)  # the next paragraph reopens the quote
                i += 1
            else:
                spans.append(QuoteSpan(tuple(carried)))  # never reopened: it ended with its paragraph
                carried, carried_kind = [], None
        while i < p_end:
            if open_at is None:
                kind = _opener(text, i)
                if kind is not None:
                    open_at = i + 1
            elif _closes(text, i, kind) and i > open_at:
                segs = (*carried, (open_at, i))
                if text[open_at:i].strip() and sum(b - a for a, b in segs) <= _MAX_CHARS:
                    spans.append(QuoteSpan(segs))
                carried, carried_kind, open_at = [], None, None
            i += 1
        if open_at is not None:
            if kind == "single":  # an unclosed single mark was an apostrophe after all
                carried, carried_kind = [], None
            elif text[open_at:p_end].strip() and sum(b - a for a, b in carried) + p_end - open_at <= _MAX_CHARS:
                carried.append((open_at, p_end))
                carried_kind = kind
    if carried:
        spans.append(QuoteSpan(tuple(carried)))
    return spans
