"""Query: read-only questions over the store, each returning an Arrow table."""
from tidings.query.queries import actors, events, quotes, rejects, summary, timeline

__all__ = ["actors", "events", "quotes", "rejects", "summary", "timeline"]
