"""The reader registry: one reader per input format, chosen by extension or sniffed content.

New formats (RSS, HTML, WARC) plug in with `register(...)` without touching the others.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.models import Article, Reject


@dataclass(frozen=True)
class ReadOptions:
    """What every reader needs besides the bytes: the fallback date and the size limits.

    `max_text_chars` caps an article's text (longer ones are rejected, never parsed);
    `max_record_bytes` bounds what a reader holds in memory for one record, so a 10 GB line
    or file costs a reject, not the machine. It allows for JSON escapes (up to 6 bytes a
    character) and the other fields.
    """

    default_date: dt.date | None = None
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS

    @property
    def max_record_bytes(self) -> int:
        return self.max_text_chars * 6 + 65_536


ReadFn = Callable[[BinaryIO, str, ReadOptions, Path | None], Iterator["Article | Reject"]]
SniffFn = Callable[[bytes], bool]


@dataclass(frozen=True)
class Reader:
    """A format: its name, the file extensions it claims, a content sniffer and a reader.

    `read(stream, origin, options, path)` yields one Article or Reject per record and never
    raises on bad input; `path` is None for stdin.
    """

    name: str
    extensions: tuple[str, ...]
    sniff: SniffFn
    read: ReadFn


class ReaderRegistry:
    """Readers in registration order; the first extension match wins, then the first sniff."""

    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}

    def register(self, reader: Reader) -> Reader:
        self._readers[reader.name] = reader
        return reader

    def get(self, name: str) -> Reader:
        return self._readers[name]

    @property
    def extensions(self) -> frozenset[str]:
        return frozenset(e for r in self._readers.values() for e in r.extensions)

    def for_path(self, path: Path, head: bytes) -> Reader | None:
        suffix = path.suffix.lower()
        for reader in self._readers.values():
            if suffix in reader.extensions and reader.sniff(head):
                return reader
        for reader in self._readers.values():
            if suffix in reader.extensions:
                return reader
        for reader in self._readers.values():
            if reader.sniff(head):
                return reader
        return None


readers = ReaderRegistry()


def register(reader: Reader) -> Reader:
    """Add a reader to the default registry (used by `read_inputs`)."""
    return readers.register(reader)
