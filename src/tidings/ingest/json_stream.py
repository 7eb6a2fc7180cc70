"""Split a JSON array into its items without parsing the whole document.

`json.loads` on a whole file holds all of it in memory and recurses once per nesting level,
so a 2 GB array or one nested 100 000 deep takes the process down. This scanner walks the
bytes in chunks with two regular expressions (string bodies, structural characters),
tracks depth as a counter, and hands each top-level item's bytes to the caller. An item
nested deeper than `max_depth` or larger than `max_bytes` is reported instead, and its
bytes are dropped as they stream past. Articles are flat objects, so the default depth
bound is generous. (ijson would stream too, but its C backend exhausted memory on a
100 000-deep document here, and its pure-Python one is slower than this.)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAX_DEPTH = 64
CHUNK = 1 << 20
_STRUCT = re.compile(rb'[\[\]{},"\n]')
_IN_STRING = re.compile(rb'[\\"\n]')
_BLANK = b" \t\r\n\xef\xbb\xbf"


@dataclass(frozen=True)
class Item:
    """One array item: `data` holds its bytes, or is None with `problem` (or oversize)
    set. `index` is 1-based; 0 marks a problem of the document itself."""

    index: int
    line: int
    data: bytes | None
    size: int
    problem: str | None = None


class _Scan:
    """Scanner state over the chunks of one document."""

    def __init__(self, max_bytes: int, max_depth: int) -> None:
        self.max_bytes, self.max_depth = max_bytes, max_depth
        self.depth = 0
        self.in_string = self.escape = False
        self.line = 1
        self.done = False
        self.items: list[Item] = []
        self.problem: str | None = None
        self._reset_item()
        self.index = 0

    def _reset_item(self) -> None:
        self.buf = bytearray()
        self.size = 0
        self.started = False
        self.start_line = self.line
        self.deep = False
        self.max_seen = 0

    def _keep(self, data: bytes) -> None:
        """Append bytes that belong to the current item, dropping them once it is too big."""
        if not data:
            return
        if not self.started and data.strip(_BLANK):
            self.started, self.start_line = True, self.line
        self.size += len(data)
        if self.size <= self.max_bytes and not self.deep:
            self.buf += data
        else:
            self.buf = bytearray()

    def _finish_item(self, closing: bool) -> None:
        if not self.started:
            if not closing or self.index:  # "[1,,2]" or "[1,]"
                self.problem = self.problem or f"line {self.line}: empty item in the array"
            self._reset_item()
            return
        self.index += 1
        if self.deep:
            item = Item(self.index, self.start_line, None, self.size,
                        f"nested more than {self.max_depth} levels deep; skipped")
        elif self.size > self.max_bytes:
            item = Item(self.index, self.start_line, None, self.size)
        else:
            item = Item(self.index, self.start_line, bytes(self.buf), self.size)
        self.items.append(item)
        self._reset_item()

    def feed(self, chunk: bytes) -> None:
        pos, end = 0, len(chunk)
        while pos < end and not self.done:
            if self.escape:
                self._keep(chunk[pos:pos + 1])
                self.escape, pos = False, pos + 1
                continue
            if self.in_string:
                m = _IN_STRING.search(chunk, pos)
                if m is None:
                    self._keep(chunk[pos:])
                    return
                self._keep(chunk[pos:m.end()])
                pos = m.end()
                ch = m.group()
                if ch == b"\\":
                    self.escape = True
                elif ch == b"\n":
                    self.line += 1
                else:
                    self.in_string = False
                continue
            pos = self._structural(chunk, pos)

    def _structural(self, chunk: bytes, pos: int) -> int:
        m = _STRUCT.search(chunk, pos)
        stop = m.start() if m else len(chunk)
        if self.depth == 0:
            if chunk[pos:stop].strip(_BLANK):
                self._outside(chunk[pos:stop])
                return len(chunk)
        elif self.depth >= 1:
            self._keep(chunk[pos:stop])
        if m is None:
            return len(chunk)
        ch = m.group()
        if ch == b"\n":
            if self.depth > 1 or self.started:
                self._keep(ch)
            self.line += 1
        elif self.depth == 0:
            if ch == b"[" and not self.items and not self.index and self.problem is None:
                self.depth = 1
            else:
                self._outside(ch)
                return len(chunk)
        elif ch == b'"':
            self._keep(ch)
            self.in_string = True
        elif ch in (b"[", b"{"):
            self._keep(ch)
            self.depth += 1
            if self.depth - 1 > self.max_depth:
                self.deep = True
        elif ch in (b"]", b"}"):
            if self.depth == 1:
                if ch == b"}":
                    self.problem = f"line {self.line}: '}}' closes an array"
                self._finish_item(closing=True)
                self.depth = 0
                self.done = True
            else:
                self._keep(ch)
                self.depth -= 1
        elif self.depth == 1:  # a comma between items
            self._finish_item(closing=False)
        else:
            self._keep(ch)
        return m.end()

    def _outside(self, data: bytes) -> None:
        self.problem = f"line {self.line}: {data.strip(_BLANK)[:20]!r} is outside the array"
        self.done = True


def array_items(stream: BinaryIO, max_bytes: int, max_depth: int = MAX_DEPTH,
                chunk_size: int = CHUNK) -> Iterator[Item]:
    """Yield the items of the JSON array in `stream`, then at most one document-level
    problem (truncated, trailing data, not an array) as an `Item` with index 0."""
    scan = _Scan(max_bytes, max_depth)
    started = False
    while chunk := stream.read(chunk_size):
        started = True
        scan.feed(chunk)
        yield from scan.items
        scan.items = []
        if scan.done:
            break
    if scan.done and scan.problem is None:
        rest = stream.read(chunk_size)
        while rest and not rest.strip(_BLANK):
            rest = stream.read(chunk_size)
        if rest:
            scan.problem = "trailing data after the array's closing ']'"
    if not scan.done and scan.depth == 1 and not scan.in_string and scan.started:
        scan._finish_item(closing=True)  # the last item is whole; only the ']' is missing
        yield from scan.items
        scan.problem = f"truncated: the file ends at line {scan.line} before the array's closing ']'"
    elif not scan.done and scan.depth > 0:
        if scan.started:
            scan.index += 1
            yield Item(scan.index, scan.start_line, None, scan.size,
                       "truncated: the file ends inside this item")
        scan.problem = f"truncated: the file ends at line {scan.line} before the array's closing ']'"
    elif not started or (not scan.done and scan.problem is None):
        scan.problem = "no JSON array in the file"
    if scan.problem:
        yield Item(0, scan.line, None, 0, scan.problem)
