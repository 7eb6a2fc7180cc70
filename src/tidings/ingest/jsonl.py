"""JSON readers: JSON Lines (one object per line) and a JSON array of objects."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.records import clip, make_article
from tidings.ingest.registry import Reader, register
from tidings.models import Article, Reject


def _lstrip(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def parse_line(raw: bytes, origin: str, line: int, default_date: dt.date | None) -> Article | Reject | None:
    """One JSONL line to a record; None for a blank line. Never raises on bad input."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Reject(origin=origin, line=line, message=f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                      raw=clip(raw.decode("utf-8", errors="replace").rstrip("\r\n")))
    text = text.lstrip("\ufeff").strip()
    if not text:
        return None
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = getattr(exc, "msg", "too deeply nested")
        return Reject(origin=origin, line=line, message=f"malformed JSON ({msg})", raw=clip(text))
    if not isinstance(obj, dict):
        return Reject(origin=origin, line=line, message="expected a JSON object", raw=clip(text))
    return make_article(obj, origin, line, default_date, raw=text)


def read_jsonl(stream: BinaryIO, origin: str, default_date: dt.date | None,
               path: Path | None = None) -> Iterator[Article | Reject]:
    """Lines are decoded one at a time so one bad byte costs one record, not the file."""
    for n, raw in enumerate(stream, 1):
        record = parse_line(raw, origin, n, default_date)
        if record is not None:
            yield record


def read_json_array(stream: BinaryIO, origin: str, default_date: dt.date | None,
                    path: Path | None = None) -> Iterator[Article | Reject]:
    """A JSON array of article objects; `line` in rejects is the 1-based item number."""
    data = stream.read()
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Reject(origin=origin, message=f"not a JSON array of objects ({exc})")
        return
    if not isinstance(items, list):
        yield Reject(origin=origin, message="expected a JSON array of objects")
        return
    for n, obj in enumerate(items, 1):
        raw = json.dumps(obj, ensure_ascii=False)
        if not isinstance(obj, dict):
            yield Reject(origin=origin, line=n, message="expected a JSON object", raw=clip(raw))
        else:
            yield make_article(obj, origin, n, default_date, raw=raw)


JSONL = register(Reader("jsonl", (".jsonl", ".ndjson", ".json", ".jsonlines"),
                        lambda head: _lstrip(head).startswith(b"{"), read_jsonl))
JSON_ARRAY = register(Reader("json-array", (".json",),
                             lambda head: _lstrip(head).startswith(b"["), read_json_array))
