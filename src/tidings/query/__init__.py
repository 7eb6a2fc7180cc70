"""Query: read-only questions over the store, each returning an Arrow table."""
from tidings.query.queries import events, quotes, rejects, summary, timeline

__all__ = ["events", "quotes", "rejects", "summary", "timeline"]
