"""Inputs that need the network: feed URLs and page URLs, and feed files whose items are
followed to their pages. Everything else is handed to `tidings.ingest.read_inputs`.

An item's article id is a hash of its link (`url_id`), so `known(ids)` (the store's lookup)
tells which items were ingested before, and those are never downloaded again: that is what
makes a second poll of a feed cheap and idempotent.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tidings.ingest import read_inputs, readers
from tidings.ingest.feed import FeedItem, item_article, looks_like_feed, parse_feed
from tidings.ingest.html import article_from_html, looks_like_html, url_id
from tidings.ingest.registry import ReadOptions
from tidings.models import Article, Reject
from tidings.sources.http import FetchError, PoliteClient

log = logging.getLogger(__name__)

Known = Callable[[Iterable[str]], set[str]]
_URL = re.compile(r"^https?://", re.IGNORECASE)
_FEED_TYPES = ("xml", "rss", "atom", "rdf")


# the largest feed document read: feeds of news sites run from 50 kB to a few MB; an item's page
# keeps the per-article limit
FEED_MAX_BYTES = 16 * 1024 * 1024


def is_url(value: str) -> bool:
    return bool(_URL.match(value))


def _none_known(ids: Iterable[str]) -> set[str]:
    return set()


def follow_items(items: list[FeedItem], origin: str, client: PoliteClient, options: ReadOptions,
                 known: Known = _none_known) -> Iterator[Article | Reject]:
    """Fetch each new item's page; an item without a link keeps the text the feed carries."""
    stored = known(i.hints["id"] for i in items if i.hints.get("id"))
    for item in items:
        if item.hints.get("id") in stored:
            log.debug("%s item %d already stored; not fetched", origin, item.number)
            continue
        if not item.link:
            yield item_article(item, origin, options)
            continue
        try:
            res = client.get(item.link)
        except FetchError as exc:
            yield Reject(origin=origin, line=item.number, field="link",
                         message=f"{exc.reason}: {item.link}; item skipped, the others were read")
            continue
        record = article_from_html(res.body, origin, options, line=item.number, url=item.link,
                                   hints=item.hints)
        if isinstance(record, Reject) and record.field == "text" and item.content \
                and "bytes" not in record.message:
            record = item_article(item, origin, options)
        yield record


def read_url(url: str, client: PoliteClient, options: ReadOptions,
             known: Known = _none_known, feeds_only: bool = False) -> Iterator[Article | Reject]:
    """A feed URL (its items followed) or a page URL (one article); with `feeds_only` (what
    `watch` asks) anything but a feed is rejected."""
    if not feeds_only and url_id(url) in known([url_id(url)]):
        return
    try:  # a feed lists many small items, so it may be larger than one article's page
        res = client.get(url, max(FEED_MAX_BYTES, client.settings.max_bytes))
    except FetchError as exc:
        yield Reject(origin=url, message=f"{exc.reason}; nothing read from it")
        return
    ctype = res.content_type.lower()
    is_feed = feeds_only or looks_like_feed(res.body) or any(t in ctype for t in _FEED_TYPES)
    if not is_feed and len(res.body) > client.settings.max_bytes:
        yield Reject(origin=url, message=f"the page is over the {client.settings.max_bytes:,}-byte limit of one "
                                         "article; not parsed (raise --max-chars to read it)")
        return
    if is_feed:
        items, problem = parse_feed(res.body, url, res.content_type)
        if problem is not None:
            yield problem
            return
        yield from follow_items(items, url, client, options, known)
    elif looks_like_html(res.body) or "html" in ctype:
        yield article_from_html(res.body, url, options, url=res.url, hints={"id": url_id(url), "url": url})
    else:
        yield Reject(origin=url, message=f"neither a feed nor an HTML page (content type {res.content_type!r})")


def _feed_file(path: Path, client: PoliteClient, options: ReadOptions, known: Known
               ) -> Iterator[Article | Reject]:
    limit = max(options.max_record_bytes * 4, FEED_MAX_BYTES)
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        yield Reject(origin=str(path), message=f"the feed is over {limit:,} bytes; not parsed")
        return
    items, problem = parse_feed(data, str(path))
    if problem is not None:
        yield problem
        return
    yield from follow_items(items, str(path), client, options, known)


def read_sources(inputs: list[str], options: ReadOptions, client: PoliteClient | None = None,
                 known: Known = _none_known, feeds_only: bool = False) -> Iterator[Article | Reject]:
    """Every record of every input, in order. URLs and feed files use `client` (a feed file
    without a client is read offline, from the text its items carry)."""
    for value in inputs:
        if is_url(value):
            if client is None:
                yield Reject(origin=value, message="a URL input needs the network; this run has no HTTP client")
                continue
            yield from read_url(value, client, options, known, feeds_only)
            continue
        path = Path(value)
        if client is not None and path.is_file():
            with path.open("rb") as stream:
                head = stream.read(4096)
            reader = readers.for_path(path, head)
            if reader is not None and reader.name == "feed":
                yield from _feed_file(path, client, options, known)
                continue
        yield from read_inputs([value], options.default_date, max_text_chars=options.max_text_chars)
