"""Expand input arguments (files, directories, `-`) and dispatch each file to its reader."""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.errors import Errors, IngestError
from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.ingest.registry import ReaderRegistry, ReadOptions, readers
from tidings.models import Article, Reject

SNIFF_BYTES = 4096
STDIN = "-"


def expand(paths: Iterable[str], registry: ReaderRegistry = readers) -> Iterator[Path | str]:
    """Files as given, directories walked recursively in sorted order keeping only files
    with a known extension (hidden files skipped), `-` passed through."""
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in registry.extensions:
                    yield child
        elif path.is_file():
            yield path
        else:
            problem = ("not a regular file (a device, pipe or socket; pipe JSON Lines to `-` instead)"
                       if path.exists() else "no such file or directory")
            raise IngestError(Errors.E002.format(path=p, problem=problem), path=p)


def read_file(path: Path, options: ReadOptions,
              registry: ReaderRegistry = readers) -> Iterator[Article | Reject]:
    try:
        stream: BinaryIO = path.open("rb")
    except OSError as exc:
        yield Reject(origin=str(path), message=f"cannot open ({exc.strerror})")
        return
    with stream:
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
        reader = registry.for_path(path, head)
        if reader is None:
            yield Reject(origin=str(path), message="unknown input format")
            return
        yield from reader.read(stream, str(path), options, path)


def read_inputs(paths: list[str], default_date: dt.date | None = None,
                stdin: BinaryIO | None = None, registry: ReaderRegistry = readers,
                max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Iterator[Article | Reject]:
    """Yield every record of every input, in order; `-` reads JSONL from stdin.

    Bad records become `Reject`s and never stop the valid ones; only a missing path
    raises (`IngestError`), before anything is read from it.
    """
    options = ReadOptions(default_date=default_date, max_text_chars=max_text_chars)
    for item in expand(paths, registry):
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from registry.get("jsonl").read(stream, STDIN, options, None)
        else:
            yield from read_file(item, options, registry)


def read_stream(stream: BinaryIO, origin: str, default_date: dt.date | None = None,
                registry: ReaderRegistry = readers,
                max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Iterator[Article | Reject]:
    """Records of one JSON document posted or piped whole: a JSON array of articles when
    it starts with `[`, else JSON Lines. Same readers and rejects as files get."""
    options = ReadOptions(default_date=default_date, max_text_chars=max_text_chars)
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    name = "json-array" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") else "jsonl"
    yield from registry.get(name).read(stream, origin, options, None)
