"""Link each new article to a story: the story of its most similar stored article when the
estimated Jaccard similarity reaches `minhash.THRESHOLD`, else a new story of its own.

Runs inside the write transaction of its batch, so an article and its story link land
together. Rows go in through Arrow like every other write.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pyarrow as pa

from tidings.models import Article
from tidings.store import minhash

SCHEMA = pa.schema([("article_id", pa.string()), ("story_id", pa.string()), ("linked_to", pa.string()),
                    ("similarity", pa.float64()), ("minhash", pa.list_(pa.int64())),
                    ("linked_at", pa.timestamp("us", tz="UTC"))])


class StoryIndex:
    """The LSH index over every stored article and the story each belongs to."""

    def __init__(self) -> None:
        self.index = minhash.Index()
        self.story_of: dict[str, str] = {}

    @classmethod
    def load(cls, con) -> StoryIndex:
        built = cls()
        for article_id, story_id, sig in con.execute(
                "SELECT article_id, story_id, minhash FROM stories ORDER BY linked_at, article_id").fetchall():
            built.index.add(article_id, sig)
            built.story_of[article_id] = story_id
        return built

    def link(self, articles: Sequence[Article], now: dt.datetime) -> pa.Table:
        """Rows for `stories`; each article is indexed as it is linked, so near-duplicates
        inside one batch find each other too."""
        rows = []
        for a in articles:
            if a.id in self.story_of:
                continue
            sig = minhash.signature(a.text)
            match = self.index.best(sig)
            if match is None:
                story, linked_to, sim = a.id, None, None
            else:
                linked_to, sim = match
                story = self.story_of[linked_to]
            self.index.add(a.id, sig)
            self.story_of[a.id] = story
            rows.append({"article_id": a.id, "story_id": story, "linked_to": linked_to,
                         "similarity": sim, "minhash": sig, "linked_at": now})
        return pa.Table.from_pylist(rows, schema=SCHEMA)
