"""JSON readers: JSON Lines (one object per line) and a JSON array of objects.

Both stream: a line or an array item is decoded on its own, so one bad byte, one huge
record or one deeply nested value costs that record, never the file or the run.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.json_stream import array_items
from tidings.ingest.lines import bounded_lines
from tidings.ingest.records import clip, make_article
from tidings.ingest.registry import Reader, ReadOptions, register
from tidings.models import Article, Reject


def _lstrip(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def _oversize(size: int, options: ReadOptions) -> str:
    return (f"record is {size:,} bytes, over the {options.max_record_bytes:,}-byte limit for one "
            f"record (text cap {options.max_text_chars:,} characters); not read "
            f"(raise it with --max-chars or [ingest] max_text_chars)")


def parse_object(raw: bytes, origin: str, line: int, options: ReadOptions,
                 what: str = "") -> Article | Reject | None:
    """One JSON object's bytes to a record; None when blank. Never raises on bad input."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Reject(origin=origin, line=line, message=f"{what}not valid UTF-8 ({exc.reason} at byte {exc.start})",
                      raw=clip(raw.decode("utf-8", errors="replace").rstrip("\r\n")))
    text = text.lstrip("\ufeff").strip()
    if not text:
        return None
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = getattr(exc, "msg", "nested too deeply")
        return Reject(origin=origin, line=line, message=f"{what}malformed JSON ({msg})", raw=clip(text))
    if not isinstance(obj, dict):
        return Reject(origin=origin, line=line, message=f"{what}expected a JSON object, found "
                      f"{type(obj).__name__}", raw=clip(text))
    return make_article(obj, origin, line, options.default_date, raw=text,
                        max_text_chars=options.max_text_chars)


def read_jsonl(stream: BinaryIO, origin: str, options: ReadOptions,
               path: Path | None = None) -> Iterator[Article | Reject]:
    """Lines are read with a length bound and decoded one at a time."""
    for line in bounded_lines(stream, options.max_record_bytes):
        if line.data is None:
            yield Reject(origin=origin, line=line.number, message=_oversize(line.size, options))
            continue
        record = parse_object(line.data, origin, line.number, options)
        if record is not None:
            yield record


def read_json_array(stream: BinaryIO, origin: str, options: ReadOptions,
                    path: Path | None = None) -> Iterator[Article | Reject]:
    """A JSON array of article objects, streamed item by item; `line` in a reject is the
    line where the item starts and the message names the item number."""
    for item in array_items(stream, options.max_record_bytes):
        what = f"item {item.index}: " if item.index else ""
        if item.problem is not None:
            yield Reject(origin=origin, line=item.line, message=f"{what}{item.problem}")
        elif item.data is None:
            yield Reject(origin=origin, line=item.line, message=f"{what}{_oversize(item.size, options)}")
        else:
            record = parse_object(item.data, origin, item.line, options, what)
            if record is not None:
                yield record


JSONL = register(Reader("jsonl", (".jsonl", ".ndjson", ".json", ".jsonlines"),
                        lambda head: _lstrip(head).startswith(b"{"), read_jsonl))
JSON_ARRAY = register(Reader("json-array", (".json",),
                             lambda head: _lstrip(head).startswith(b"["), read_json_array))
