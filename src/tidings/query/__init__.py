"""Query: read-only questions over the store, each returning an Arrow table."""
from tidings.query.export import acled_table, events_table, gdelt_columns, gdelt_rows, plover_records, read_gdelt
from tidings.query.provenance import Provenance, provenance
from tidings.query.queries import actors, events, quotes, rejects, summary, timeline

__all__ = ["Provenance", "acled_table", "actors", "events", "events_table", "gdelt_columns", "gdelt_rows",
           "plover_records", "provenance", "quotes", "read_gdelt", "rejects", "summary", "timeline"]
