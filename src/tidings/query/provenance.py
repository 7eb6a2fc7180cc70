"""Where an event came from: its merged row and every report of it, each with the article
text and the character offsets of the evidence, for `tidings show`."""
from __future__ import annotations

from dataclasses import dataclass

from tidings.errors import StoreError
from tidings.query.queries import Db, _open


@dataclass(frozen=True)
class Mention:
    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    article_date: object
    story_id: str
    text: str
    sentence: int | None
    start: int | None
    end: int | None
    verb_start: int | None
    evidence: str | None


@dataclass(frozen=True)
class Provenance:
    event: dict
    mentions: list[Mention]


def provenance(db: Db, event_id: str) -> Provenance:
    """The merged event that `event_id` (its own id or any report's) belongs to, with every
    report. Raises StoreError when no event has that id."""
    with _open(db) as store:
        key = store.sql("SELECT event_key FROM event_mentions WHERE event_id = ? LIMIT 1", [event_id])
        if key.num_rows == 0:
            raise StoreError(f"No event with id {event_id!r} in {store.path}. List ids with "
                             f"`tidings events --db {store.path}` (or --all-mentions).", path=store.path)
        event_key = key.column(0)[0].as_py()
        event = store.sql("SELECT * FROM merged_events WHERE event_key = ?", [event_key]).to_pylist()[0]
        rows = store.sql(
            "SELECT m.article_id, m.title, m.url, m.outlet, m.article_date, m.story_id, a.text, m.sentence, "
            "m.start_char, m.end_char, m.verb_start, m.evidence FROM event_mentions m "
            "JOIN articles a USING (article_id) WHERE m.event_key = ? "
            "ORDER BY m.article_date, m.ingested_at, m.article_id, m.start_char", [event_key]).to_pylist()
    return Provenance(event, [Mention(*r.values()) for r in rows])
