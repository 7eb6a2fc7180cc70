"""CSV and TSV readers: a header row naming `id`, `date`, `text`, `title`, `url`, `source`."""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.records import clip, make_article
from tidings.ingest.registry import Reader, register
from tidings.models import Article, Reject

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # long articles are normal here


def _has_surrogates(values: list[str]) -> bool:
    return any("\udc80" <= ch <= "\udcff" for v in values for ch in v)


def _read_delimited(stream: BinaryIO, origin: str, default_date: dt.date | None,
                    delimiter: str) -> Iterator[Article | Reject]:
    """Undecodable bytes are kept as surrogates so only the row holding them is rejected."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return
    except csv.Error as exc:
        yield Reject(origin=origin, line=1, message=f"unreadable header row ({exc})")
        return
    if "text" not in header:
        yield Reject(origin=origin, line=1, field="text",
                     message=f"the header row has no 'text' column (found {', '.join(header)})")
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Reject(origin=origin, line=start, message=f"malformed CSV row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        raw = delimiter.join(row).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if _has_surrogates(row):
            yield Reject(origin=origin, line=start, message="not valid UTF-8", raw=clip(raw))
            continue
        if len(row) != len(header):
            yield Reject(origin=origin, line=start,
                         message=f"expected {len(header)} columns, found {len(row)}", raw=clip(raw))
            continue
        yield make_article(dict(zip(header, row)), origin, start, default_date, raw=raw)


def read_csv(stream: BinaryIO, origin: str, default_date: dt.date | None,
             path: Path | None = None) -> Iterator[Article | Reject]:
    yield from _read_delimited(stream, origin, default_date, ",")


def read_tsv(stream: BinaryIO, origin: str, default_date: dt.date | None,
             path: Path | None = None) -> Iterator[Article | Reject]:
    yield from _read_delimited(stream, origin, default_date, "\t")


def _sniff_header(head: bytes, delimiter: bytes) -> bool:
    first = head.removeprefix(codecs.BOM_UTF8).split(b"\n", 1)[0].lower()
    cols = [c.strip(b' "\r') for c in first.split(delimiter)]
    return b"text" in cols and len(cols) > 1


CSV = register(Reader("csv", (".csv",), lambda head: _sniff_header(head, b","), read_csv))
TSV = register(Reader("tsv", (".tsv", ".tab"), lambda head: _sniff_header(head, b"\t"), read_tsv))
