"""WARC crawl archives (warcio): every HTML `response` record becomes one article.

The record's target URI is the article URL (and its id, as for fetched pages) and its
WARC-Date the fallback date. `line` in a reject is the record's number in the file.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.html import article_from_html, too_big, url_id
from tidings.ingest.registry import Reader, ReadOptions, register
from tidings.models import Article, Reject


def looks_like_warc(head: bytes) -> bool:
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(stream: BinaryIO, origin: str, options: ReadOptions,
              path: Path | None = None) -> Iterator[Article | Reject]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            body = record.content_stream().read(options.max_record_bytes + 1)
            if len(body) > options.max_record_bytes:
                yield Reject(origin=origin, line=number, field="text",
                             message=f"WARC record {number} ({uri}): {too_big(len(body), options)}")
                continue
            hints = {"id": url_id(uri) if uri else None, "url": uri}
            record_out = article_from_html(body, origin, options, line=number, url=uri, hints=hints)
            if isinstance(record_out, Reject) and record_out.field == "date":
                warc_date = record.rec_headers.get_header("WARC-Date")
                hints["date"] = warc_date.replace("Z", "+00:00") if warc_date else None
                record_out = article_from_html(body, origin, options, line=number, url=uri, hints=hints)
            yield record_out
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error) as exc:
        yield Reject(origin=origin, line=number or None,
                     message=f"damaged WARC file after record {number} ({exc}); the records before it were kept")


WARC = register(Reader("warc", (".warc", ".gz", ".arc"), looks_like_warc, read_warc))
