"""Saved web pages: main text, title, date and byline pulled out of the HTML by trafilatura.

`article_from_html` is the one place a page becomes an `Article`; the HTML file reader here,
the WARC reader and the feed follower (`tidings.sources`) all go through it, so a page is
read the same way whether it came from disk, an archive or the network.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.records import content_id, make_article
from tidings.ingest.registry import Reader, ReadOptions, register
from tidings.models import Article, Reject

log = logging.getLogger(__name__)

_HTML_HEAD = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
                        re.IGNORECASE | re.DOTALL)


def looks_like_html(head: bytes) -> bool:
    """Whether these first bytes open an HTML document."""
    return bool(_HTML_HEAD.match(head[:4096]))


def url_id(url: str) -> str:
    """The article id of a fetched page: a hash of its address, so a page fetched again is
    known before it is downloaded (same 16-hex form as content ids)."""
    return content_id("url " + url.strip())


def too_big(size: int, options: ReadOptions, what: str = "page") -> str:
    return (f"the {what} is {size:,} bytes, over the {options.max_record_bytes:,}-byte limit for one "
            f"record (text cap {options.max_text_chars:,} characters); not parsed "
            f"(raise it with --max-chars or [ingest] max_text_chars)")


def _paragraphs(text: str, title: str | None) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    return "\n\n".join(lines)


def article_from_html(data: bytes, origin: str, options: ReadOptions, line: int | None = None,
                      url: str | None = None, hints: dict[str, str | None] | None = None
                      ) -> Article | Reject:
    """One page to an Article. `hints` (id, date, title, source, url from a feed item or a WARC
    header) win over what the page says about itself, except the text. Never raises on bad input."""
    import trafilatura

    hints = {k: v for k, v in (hints or {}).items() if v}
    if len(data) > options.max_record_bytes:
        return Reject(origin=origin, line=line, field="text", message=too_big(len(data), options))
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        return Reject(origin=origin, line=line, field="text",
                      message=f"cannot read the HTML ({type(exc).__name__}: {exc})")
    if doc is None or not (doc.text or "").strip():
        return Reject(origin=origin, line=line, field="text",
                      message="no article text found in the HTML page (empty, a menu or a login page?)")
    title = hints.get("title") or doc.title
    fields: dict[str, object] = {
        "text": _paragraphs(doc.text, doc.title), "title": title,
        "date": hints.get("date") or doc.date, "url": hints.get("url") or url or doc.url,
        "source": hints.get("source") or doc.sitename, "id": hints.get("id"),
    }
    record = make_article(fields, origin, line, options.default_date, max_text_chars=options.max_text_chars)
    if isinstance(record, Article) and doc.author:
        record = record.model_copy(update={"author": doc.author})
    return record


def _size(stream: BinaryIO, read: int) -> int:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        size = read
        while chunk := stream.read(1 << 20):
            size += len(chunk)
        return size


def read_html(stream: BinaryIO, origin: str, options: ReadOptions,
              path: Path | None = None) -> Iterator[Article | Reject]:
    """One saved page per file; a file over the record limit is rejected by its size, unread."""
    data = stream.read(options.max_record_bytes + 1)
    if len(data) > options.max_record_bytes:
        yield Reject(origin=origin, field="text", message=too_big(_size(stream, len(data)), options))
        return
    yield article_from_html(data, origin, options)


HTML = register(Reader("html", (".html", ".htm", ".xhtml"), looks_like_html, read_html))
