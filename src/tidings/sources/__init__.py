"""Sources over the network: a polite HTTP client and the feed follower.

Sits just above `tidings.ingest` (it turns fetched pages into records with the ingest
readers) and below everything else; the pipeline hands it a `PoliteClient` and a
`known(ids)` lookup so items already stored are never downloaded again.
"""
from tidings.sources.feeds import is_url, read_sources
from tidings.sources.http import FetchError, HttpSettings, PoliteClient, Response

__all__ = ["FetchError", "HttpSettings", "PoliteClient", "Response", "is_url", "read_sources"]
