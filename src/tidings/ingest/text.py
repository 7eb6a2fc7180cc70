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
from tidings.ingest.registry import Reader, register
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


def read_text(stream: BinaryIO, origin: str, default_date: dt.date | None,
              path: Path | None = None) -> Iterator[Article | Reject]:
    """The whole file is one record, and so is rejected whole if it is not UTF-8."""
    data = stream.read()
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
    if header is not None:
        fields["date"] = header
    elif default_date is None and path is not None:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc)
        fields["date"] = stamp.date().isoformat()
        log.warning("%s: no 'date YYYY-MM-DD' header and no --date; using the file's "
                    "modification date %s", origin, fields["date"])
    yield make_article(fields, origin, None, default_date, raw=clip(text))


TEXT = register(Reader("text", (".txt", ".text"), lambda head: True, read_text))
