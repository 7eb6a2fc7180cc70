"""CSV and TSV readers: a header row naming `id`, `date`, `text`, `title`, `url`, `source`.

Physical lines are grouped into records here, not inside the csv module, so that a row
with an unbalanced quote cannot swallow the rest of the file: a quoted field that never
closes, or closes only after lines that begin rows of their own (the header's number of
cells and a valid date), is rejected on its own line and the lines after it are read again. Where
a record closes but has the wrong number of cells the two cannot be told apart, and the
reject names the line range it took.
"""
from __future__ import annotations

import codecs
import csv
import io
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.lines import bounded_lines
from tidings.ingest.records import clip, make_article, parse_date
from tidings.ingest.registry import Reader, ReadOptions, register
from tidings.models import Article, Reject

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # records are bounded by ReadOptions instead


@dataclass(frozen=True)
class _Phys:
    number: int
    text: str | None  # None: the line was over the byte bound
    size: int


def _has_surrogates(values: list[str]) -> bool:
    return any("\udc80" <= ch <= "\udcff" for v in values for ch in v)


def _cells(text: str, delimiter: str) -> list[str] | None:
    """The cells of one record, or None when it does not parse as exactly one row."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None


def _is_open(text: str, delimiter: str) -> bool:
    """True when `text` ends inside a quoted field. Parity is the cheap test; csv's strict
    mode confirms it (a stray quote inside an unquoted field is literal, not an opening)."""
    if text.count('"') % 2 == 0:
        return False
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


class _Lines:
    """Physical lines with push-back, so a rejected record's lines can be read again."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self._source = bounded_lines(stream, limit)
        self._back: deque[_Phys] = deque()
        self._first = True

    def next(self) -> _Phys | None:
        if self._back:
            return self._back.popleft()
        line = next(self._source, None)
        if line is None:
            return None
        data = line.data
        if data is not None and self._first:
            data = data.removeprefix(codecs.BOM_UTF8)
        self._first = False
        text = None if data is None else data.decode("utf-8", "surrogateescape")
        return _Phys(line.number, text, line.size)

    def push_back(self, lines: list[_Phys]) -> None:
        self._back.extendleft(reversed(lines))


class _Table:
    """Reads records of one delimited file against its header."""

    def __init__(self, header: list[str], delimiter: str, origin: str, options: ReadOptions) -> None:
        self.header, self.delimiter, self.origin, self.options = header, delimiter, origin, options
        self.date_col = header.index("date") if "date" in header else None

    def _starts_row(self, line: _Phys) -> bool:
        """Whether a line on its own begins a row: the header's number of cells (the last one
        may open a quoted field that runs on) and a valid date in the date column."""
        if self.date_col is None or line.text is None:
            return False
        cells = _cells(line.text, self.delimiter)
        if cells is None or len(cells) != len(self.header):
            return False
        try:
            parse_date(cells[self.date_col])
        except ValueError:
            return False
        return True

    def records(self, lines: _Lines) -> Iterator[Article | Reject]:
        limit = self.options.max_record_bytes
        while (first := lines.next()) is not None:
            if first.text is None:
                yield self._reject(first.number, f"row is {first.size:,} bytes, over the "
                                   f"{limit:,}-byte limit for one record; not read")
                continue
            taken, size = [first], first.size
            text = first.text
            while _is_open(text, self.delimiter) and size <= limit:
                nxt = lines.next()
                if nxt is None or nxt.text is None:
                    if nxt is not None:
                        taken.append(nxt)
                    break
                taken.append(nxt)
                size += nxt.size
                text += nxt.text
            if _is_open(text, self.delimiter) or any(line.text is None for line in taken):
                lines.push_back(taken[1:])
                yield self._reject(first.number, "unbalanced quote: the quoted field opened on this "
                                   "line never closes; row skipped, the lines after it read again",
                                   first.text)
                continue
            if any(self._starts_row(line) for line in taken[1:]):
                lines.push_back(taken[1:])
                yield self._reject(first.number, "unbalanced quote: the field opened on this line "
                                   "would swallow the rows after it; row skipped, the lines after it "
                                   "read again", first.text)
                continue
            yield from self._row(taken, text)

    def _row(self, taken: list[_Phys], text: str) -> Iterator[Article | Reject]:
        start, last = taken[0].number, taken[-1].number
        if not text.strip():
            return
        cells = _cells(text, self.delimiter)
        raw = text.rstrip("\r\n").encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if cells is None:
            yield self._reject(start, "malformed CSV row", raw)
            return
        if not any(cell.strip() for cell in cells):
            return
        if _has_surrogates(cells):
            yield self._reject(start, "not valid UTF-8", raw)
            return
        if len(cells) != len(self.header):
            span = f" (lines {start}-{last}: a quote opened on line {start} closes on line {last})" \
                if last > start else ""
            yield self._reject(start, f"expected {len(self.header)} columns, found {len(cells)}{span}", raw)
            return
        yield make_article(dict(zip(self.header, cells)), self.origin, start, self.options.default_date,
                           raw=raw, max_text_chars=self.options.max_text_chars)

    def _reject(self, line: int, message: str, raw: str | None = None) -> Reject:
        if raw is not None:
            raw = raw.rstrip("\r\n").encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return Reject(origin=self.origin, line=line, message=message, raw=clip(raw))


def _read_delimited(stream: BinaryIO, origin: str, options: ReadOptions,
                    delimiter: str) -> Iterator[Article | Reject]:
    """Undecodable bytes are kept as surrogates so only the row holding them is rejected."""
    lines = _Lines(stream, options.max_record_bytes)
    head = lines.next()
    while head is not None and head.text is not None and not head.text.strip():
        head = lines.next()
    if head is None:
        return
    cells = None if head.text is None or _is_open(head.text, delimiter) else _cells(head.text, delimiter)
    if cells is None:
        yield Reject(origin=origin, line=head.number, message="unreadable header row")
        return
    header = [h.strip().lower() for h in cells]
    if "text" not in header:
        yield Reject(origin=origin, line=head.number, field="text",
                     message=f"the header row has no 'text' column (found {', '.join(header)})")
        return
    yield from _Table(header, delimiter, origin, options).records(lines)


def read_csv(stream: BinaryIO, origin: str, options: ReadOptions,
             path: Path | None = None) -> Iterator[Article | Reject]:
    yield from _read_delimited(stream, origin, options, ",")


def read_tsv(stream: BinaryIO, origin: str, options: ReadOptions,
             path: Path | None = None) -> Iterator[Article | Reject]:
    yield from _read_delimited(stream, origin, options, "\t")


def _sniff_header(head: bytes, delimiter: bytes) -> bool:
    first = head.removeprefix(codecs.BOM_UTF8).split(b"\n", 1)[0].lower()
    cols = [c.strip(b' "\r') for c in first.split(delimiter)]
    return b"text" in cols and len(cols) > 1


CSV = register(Reader("csv", (".csv",), lambda head: _sniff_header(head, b","), read_csv))
TSV = register(Reader("tsv", (".tsv", ".tab"), lambda head: _sniff_header(head, b"\t"), read_tsv))
