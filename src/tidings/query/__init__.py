"""Query: read-only questions over the store, each returning an Arrow table."""
from tidings.query.export import acled_table, events_table, gdelt_columns, gdelt_rows, plover_records, read_gdelt
from tidings.query.provenance import Provenance, provenance
from tidings.query.queries import actors, events, quotes, rejects, summary, timeline
from tidings.query.views import (ArticleDetail, EventDetail, EventFilter, Page, article_detail, buckets,
                                 counts, event_detail, event_page, map_points, network, quote_page,
                                 top_dyad)

__all__ = ["ArticleDetail", "EventDetail", "EventFilter", "Page", "Provenance", "acled_table", "actors",
           "article_detail", "buckets", "counts", "event_detail", "event_page", "events", "events_table",
           "gdelt_columns", "gdelt_rows", "map_points", "network", "plover_records", "provenance",
           "quote_page", "quotes", "read_gdelt", "rejects", "summary", "timeline", "top_dyad"]
