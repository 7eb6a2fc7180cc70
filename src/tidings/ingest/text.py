"""Plain-text reader: one article per file, dated by a leading `date YYYY-MM-DD` header.

The header may share its line with the text and may be indented (see the seed article).
Without it the date comes from `--date`, else from the file's modification time.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.records import clip, make_article
from tidings.ingest.registry import Reader, ReadOptions, register
from tidings.models import Article, Reject

log = logging.getLogger(__name__)

DATE_HEADER = re.compile(r"\A\ufeff?\s*date\s*:?\s*(\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d\S*)?)[ \t]*(?:\r?\n)?",
                         re.IGNORECASE)


def split_header(text: str) -> tuple[str | None, str]:
    """Return (the header's date string or None, the text without the header)."""
    m = DATE_HEADER.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def read_text(stream: BinaryIO, origin: str, options: ReadOptions,
              path: Path | None = None) -> Iterator[Article | Reject]:
    """The whole file is one record, and so is rejected whole if it is not UTF-8 or too long.

    At most `max_record_bytes` are read: a bigger file is rejected by its size unread.
    """
    default_date = options.default_date
    data = stream.read(options.max_record_bytes + 1)
    if len(data) > options.max_record_bytes:
        size = len(data)
        while chunk := stream.read(1 << 20):
            size += len(chunk)
        yield Reject(origin=origin, field="text",
                     message=f"the file is {size:,} bytes, more than a text of at most "
                     f"{options.max_text_chars:,} characters can take; not parsed "
                     f"(raise it with --max-chars or [ingest] max_text_chars)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        yield Reject(origin=origin, line=line, field="text",
                     message=f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                     raw=clip(data.decode("utf-8", "replace")))
        return
    header, body = split_header(text)
    fields: dict[str, object] = {"text": body.strip()}
    line = None
    if header is not None:
        fields["date"] = header
        line = 1  # a bad date is the header's fault: point at it
    elif default_date is None and path is not None:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc)
        fields["date"] = stamp.date().isoformat()
        log.warning("%s: no 'date YYYY-MM-DD' header and no --date; using the file's "
                    "modification date %s", origin, fields["date"])
    record = make_article(fields, origin, None, default_date, raw=clip(text),
                          max_text_chars=options.max_text_chars)
    if isinstance(record, Reject) and record.field == "date" and line is not None:
        record = record.model_copy(update={"line": line})
    yield record


TEXT = register(Reader("text", (".txt", ".text"), lambda head: True, read_text))
