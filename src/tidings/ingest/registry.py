"""The reader registry: one reader per input format, chosen by extension or sniffed content.

New formats (RSS, HTML, WARC) plug in with `register(...)` without touching the others.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tidings.models import Article, Reject

ReadFn = Callable[[BinaryIO, str, "dt.date | None", Path | None], Iterator["Article | Reject"]]
SniffFn = Callable[[bytes], bool]


@dataclass(frozen=True)
class Reader:
    """A format: its name, the file extensions it claims, a content sniffer and a reader.

    `read(stream, origin, default_date, path)` yields one Article or Reject per record;
    `path` is None for stdin.
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
