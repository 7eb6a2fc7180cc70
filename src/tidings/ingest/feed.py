"""RSS and Atom feeds (feedparser): the feed checked, then one record per item.

Read from a file with no network, an item becomes an article from the text the feed carries
(`content:encoded`, else the summary). Following each item's link over HTTP is the job of
`tidings.sources`, which reuses `parse_feed` and `item_hints` from here.
"""
from __future__ import annotations

import calendar
import datetime as dt
import html as html_lib
import re
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.html import looks_like_html, too_big, url_id
from tidings.ingest.records import make_article
from tidings.ingest.registry import Reader, ReadOptions, register
from tidings.models import Article, Reject

_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: `number` is 1-based in feed order; `hints` are the fields it gives an
    article (id from its link, date, title, source, url)."""

    number: int
    link: str | None
    hints: dict[str, str | None]
    content: str | None


def looks_like_feed(head: bytes) -> bool:
    return bool(_FEED_HEAD.search(head[:4096])) and not looks_like_html(head)


def _date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.timezone.utc).isoformat()


def _content(entry) -> str | None:
    for part in entry.get("content") or []:
        if part.get("value"):
            return part["value"]
    return entry.get("summary") or None


def _plain(markup: str) -> str:
    """Feed HTML fragments to paragraphs of plain text."""
    text = re.sub(r"(?i)</p>|<br\s*/?>", "\n\n", markup)
    text = html_lib.unescape(_TAG.sub("", text))
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def parse_feed(data: bytes, origin: str, content_type: str | None = None
               ) -> tuple[list[FeedItem], None] | tuple[None, Reject]:
    """The items of a feed document, or a Reject saying why it is not a usable feed."""
    import feedparser

    if looks_like_html(data) or (content_type or "").split(";")[0].strip() == "text/html":
        return None, Reject(origin=origin, message=(
            f"this is an HTML page, not an RSS or Atom feed (content type {content_type or 'unknown'}); "
            "give the feed's own address (often linked as rel=\"alternate\" in the page)"))
    parsed = feedparser.parse(data)
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(exc, xml.sax.SAXException):
        where = ""
        if isinstance(exc, xml.sax.SAXParseException):
            where = f" at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
        return None, Reject(origin=origin, message=(
            f"malformed feed XML{where} ({exc.getMessage()}); no item read. "
            "Fix the feed or ask its publisher"))
    if not parsed.get("version") and not parsed.entries:
        return None, Reject(origin=origin, message="not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    outlet = (parsed.get("feed") or {}).get("title")
    items = []
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        source = (entry.get("source") or {}).get("title")
        hints = {"id": url_id(link) if link else (entry.get("id") and url_id(entry["id"])),
                 "date": _date(entry), "title": entry.get("title"), "url": link,
                 "source": source or outlet}
        items.append(FeedItem(n, link, hints, _content(entry)))
    return items, None


def item_article(item: FeedItem, origin: str, options: ReadOptions) -> Article | Reject:
    """An item from the text the feed itself carries (no network)."""
    fields = {k: v for k, v in item.hints.items() if v}
    fields["text"] = _plain(item.content) if item.content else None
    if fields["text"] is None:
        return Reject(origin=origin, line=item.number, field="text",
                      message="the item carries no text; fetch its link with `tidings ingest URL` "
                              "or `tidings watch`")
    return make_article(fields, origin, item.number, options.default_date,
                        max_text_chars=options.max_text_chars)


def read_feed(stream: BinaryIO, origin: str, options: ReadOptions,
              path: Path | None = None) -> Iterator[Article | Reject]:
    """A feed file, offline: each item's own text. `line` in a reject is the item number."""
    data = stream.read(options.max_record_bytes * 4 + 1)
    if len(data) > options.max_record_bytes * 4:
        yield Reject(origin=origin, message=too_big(len(data), options, "feed") + " (a feed may be 4 records)")
        return
    items, problem = parse_feed(data, origin)
    if problem is not None:
        yield problem
        return
    for item in items:
        yield item_article(item, origin, options)


FEED = register(Reader("feed", (".rss", ".atom", ".xml", ".rdf"), looks_like_feed, read_feed))
