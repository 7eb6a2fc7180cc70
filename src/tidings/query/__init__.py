"""Query: read-only questions over the store, each returning an Arrow table."""
from tidings.query.queries import actors, events, quotes, rejects, summary, timeline
from tidings.query.views import (ArticleDetail, EventDetail, EventFilter, Page, article_detail, buckets,
                                 counts, event_detail, event_page, map_points, network, quote_page,
                                 top_dyad)

__all__ = ["ArticleDetail", "EventDetail", "EventFilter", "Page", "actors", "article_detail", "buckets",
           "counts", "event_detail", "event_page", "events", "map_points", "network", "quote_page",
           "quotes", "rejects", "summary", "timeline", "top_dyad"]
