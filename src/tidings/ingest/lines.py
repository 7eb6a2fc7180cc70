"""Physical lines of a byte stream with a length bound, so one huge line cannot fill memory."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

_SKIP_CHUNK = 1 << 20


@dataclass(frozen=True)
class Line:
    """One physical line. `data` is None when the line was longer than the bound; `size`
    is its full length in bytes either way (the rest of it was read and dropped)."""

    number: int
    data: bytes | None
    size: int


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[Line]:
    """Yield the lines of `stream` (newline kept), 1-based, never holding more than `limit`
    bytes of one line."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield Line(number, raw, len(raw))
            continue
        size = len(raw)
        while more := stream.readline(_SKIP_CHUNK):
            size += len(more)
            if more.endswith(b"\n"):
                break
        yield Line(number, None, size)
