"""Ingest: read files, directories or stdin into `Article`s, and bad records into `Reject`s.

Readers live in a registry (`register`) keyed by format; importing the format modules
below registers the built-in JSONL, JSON array, CSV, TSV, HTML page, RSS/Atom feed, WARC and plain-text readers.
"""
# order matters for sniffing files of unknown extension: the catch-all text reader goes last
from tidings.ingest import jsonl, tabular, html, feed, warc, text  # noqa: F401,I001  (registers the readers)
from tidings.ingest.records import content_id, make_article, parse_date
from tidings.ingest.registry import Reader, ReaderRegistry, ReadOptions, readers, register
from tidings.ingest.sources import read_inputs, read_stream

__all__ = ["Reader", "ReaderRegistry", "ReadOptions", "content_id", "make_article", "parse_date",
           "read_inputs", "read_stream", "readers", "register"]
