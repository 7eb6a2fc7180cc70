"""Small readers of an `ArticleResult` shared by the event tests."""
from __future__ import annotations

from tidings.models import ArticleResult, Event


def triples(result: ArticleResult) -> list[tuple[str, str | None, str | None]]:
    """(root, source country, target country) of every event."""
    return [(e.root, e.source and e.source.country, e.target and e.target.country) for e in result.events]


def only_event(result: ArticleResult, root: str) -> Event:
    found = [e for e in result.events if e.root == root]
    assert len(found) == 1, triples(result)
    return found[0]


def roots(result: ArticleResult) -> set[str]:
    return {e.root for e in result.events}
