"""Turn one raw input record (a dict of strings) into an `Article` or a `Reject`.

Every reader funnels through `make_article`, so the rules for ids, dates and empty
text are the same whatever the file format.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Mapping

from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.models import Article, Reject

OPTIONAL_FIELDS = ("title", "url", "source")
_SPACE = re.compile(r"\s+")
RAW_LIMIT = 2000  # keep rejected raw records short enough to print and store


def normalise_text(text: str) -> str:
    """NFC with whitespace collapsed: the form hashed for content ids."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_id(text: str) -> str:
    """A stable id from the text alone, so re-ingesting the same report is a no-op."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> dt.date:
    """An ISO date, or an ISO datetime reduced to its date in UTC (naive means UTC).

    Raises ValueError with a short reason for anything else.
    """
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        return value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError("is empty")
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        stamp = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    else:
        raise ValueError(f"must be an ISO date string, not {type(value).__name__}")
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.timezone.utc)
    return stamp.date()


def clip(raw: str | None) -> str | None:
    if raw is None or len(raw) <= RAW_LIMIT:
        return raw
    return raw[:RAW_LIMIT] + "…"


def too_long(chars: int, cap: int) -> str:
    """The one wording of the size-cap reject, whichever reader meets it."""
    return (f"is {chars:,} characters, over the cap of {cap:,}; not parsed "
            f"(raise it with --max-chars or [ingest] max_text_chars)")


def make_article(fields: Mapping[str, object], origin: str, line: int | None,
                 default_date: dt.date | None, raw: str | None = None,
                 max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Article | Reject:
    """Validate one record. Unknown fields are ignored; a missing date falls back to
    `default_date`, an unparsable one is always rejected; a text longer than
    `max_text_chars` is rejected before anyone tries to parse it."""

    def reject(field: str | None, message: str) -> Reject:
        return Reject(origin=origin, line=line, field=field, message=message, raw=clip(raw))

    text = fields.get("text")
    if not isinstance(text, str):
        return reject("text", "missing" if text is None else "must be a string")
    if not text.strip():
        return reject("text", "is empty")
    if len(text) > max_text_chars:
        return reject("text", too_long(len(text), max_text_chars))
    if (nul := text.find("\x00")) >= 0:
        return reject("text", f"holds a NUL character at offset {nul}; binary data is not an article")
    date_value = fields.get("date")
    if date_value is None or date_value == "":
        if default_date is None:
            return reject("date", "missing; add an ISO date or pass --date")
        date = default_date
    else:
        try:
            date = parse_date(date_value)
        except ValueError as exc:
            return reject("date", f"cannot parse {date_value!r} as an ISO date ({exc})")
    raw_id = fields.get("id")
    art_id = str(raw_id).strip() if raw_id is not None else ""
    extras = {}
    for name in OPTIONAL_FIELDS:
        value = fields.get(name)
        if value is not None and value != "":
            extras[name] = str(value)
    where = origin if line is None else f"{origin}:{line}"
    return Article(id=art_id or content_id(text), date=date, text=text, origin=where, **extras)
