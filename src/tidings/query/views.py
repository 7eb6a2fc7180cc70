"""Questions behind the analyst views (API, dashboard, report): a page of events with its
total, one event with its evidence and article, and the aggregates drawn as charts.

Every filter goes through `EventFilter.where()`, so the charts and the event table always
agree on which events they show, and every value reaches DuckDB as a parameter.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import pyarrow as pa

from tidings.query.filters import Where
from tidings.query.queries import ACTOR_COLUMNS, Db, _open

Interval = Literal["day", "week", "month"]

PAGE_COLUMNS = """e.event_id, e.article_id, e.event_date, e.date_text, e.date_precision,
    e.source_text, e.target_text, e.source_name, e.source_code, e.source_country, e.cameo, e.root,
    e.target_name, e.target_code, e.target_country, e.quad_class, e.goldstein,
    e.location_name, e.location_country, e.location_lat, e.location_lon,
    e.confidence, e.evidence, e.start_char, e.end_char, e.rule, e.quote_id"""

# node of the actor network: the actor code, else its country, else what the text said
NODE = "coalesce(e.{0}_code, e.{0}_country, e.{0}_text)"


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by every view. Codes compare case-insensitively.

    `dyad` is a pair of country codes matched in either direction; `source`/`target` are
    exact network nodes (actor code, else country); `text` a substring of the evidence;
    `location` a place name or the place's country code.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    source: str | None = None
    target: str | None = None
    root: str | None = None
    code: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    location: str | None = None

    def where(self) -> Where:
        w = Where()
        w.contains_any([f"e.{c}" for c in ACTOR_COLUMNS], self.actor)
        w.equals_any(["e.source_country", "e.target_country"], self.country)
        if self.dyad:
            a, b = (c.upper() for c in self.dyad)
            w.add("((upper(e.source_country) = ? AND upper(e.target_country) = ?) OR "
                  "(upper(e.source_country) = ? AND upper(e.target_country) = ?))", a, b, b, a)
        w.equals_any([NODE.format("source")], self.source)
        w.equals_any([NODE.format("target")], self.target)
        if self.root:
            w.add("e.root = ?", self.root.zfill(2))
        if self.code:
            w.add("starts_with(e.cameo, ?)", self.code)
        if self.quad_class is not None:
            w.add("e.quad_class = ?", self.quad_class)
        w.between("e.event_date", self.since, self.until)
        w.contains_any(["e.evidence"], self.text)
        if self.location:
            w.add("(lower(e.location_name) = ? OR upper(e.location_country) = ?)",
                  self.location.lower(), self.location.upper())
        return w


@dataclass(frozen=True)
class Page:
    total: int
    rows: pa.Table


def event_page(db: Db, f: EventFilter, offset: int = 0, limit: int = 50) -> Page:
    """One page of events by event date (then article and position), and how many match.

    The page and the total come from one statement (one snapshot) but two passes: a top-N
    sort of the page and a plain count. A `count(*) OVER ()` would carry every column of
    every match into the sort, which on ten million events costs several times more."""
    w = f.where()
    q = (f"WITH m AS NOT MATERIALIZED (SELECT {PAGE_COLUMNS} FROM events e {w.sql()}) "
         f"SELECT *, (SELECT count(*) FROM m) AS _total FROM m "
         f"ORDER BY event_date, article_id, start_char, event_id LIMIT ? OFFSET ?")
    with _open(db) as store:
        table = store.sql(q, [*w.params, int(limit), int(offset)])
        total = table.column("_total")[0].as_py() if table.num_rows else _count(store, w)
    return Page(total=total, rows=table.drop(["_total"]))


def _count(store, w: Where) -> int:
    return store.sql(f"SELECT count(*) AS n FROM events e {w.sql()}", w.params).column("n")[0].as_py()


@dataclass(frozen=True)
class EventDetail:
    """An event with every column, the article it came from (with its text) and the
    article's quotes, those linked to the event flagged `linked`."""

    event: dict
    article: dict
    quotes: list[dict]


def event_detail(db: Db, event_id: str) -> EventDetail | None:
    with _open(db) as store:
        rows = store.sql("SELECT * FROM events WHERE event_id = ? LIMIT 1", [event_id]).to_pylist()
        if not rows:
            return None
        event = rows[0]
        article = _article_row(store, event["article_id"])
        quotes = _article_quotes(store, event["article_id"])
    for quote in quotes:
        quote["linked"] = (quote["quote_id"] is not None and quote["quote_id"] == event["quote_id"]) \
            or event_id in (quote["event_ids"] or [])
    return EventDetail(event=event, article=article or {}, quotes=quotes)


@dataclass(frozen=True)
class ArticleDetail:
    article: dict
    events: list[dict]
    quotes: list[dict]


def article_detail(db: Db, article_id: str) -> ArticleDetail | None:
    """An article with its text, its events (with character offsets) and its quotes."""
    with _open(db) as store:
        article = _article_row(store, article_id)
        if article is None:
            return None
        events = store.sql(f"SELECT {PAGE_COLUMNS} FROM events e WHERE e.article_id = ? "
                           f"ORDER BY e.start_char, e.event_id", [article_id]).to_pylist()
        quotes = _article_quotes(store, article_id)
    return ArticleDetail(article=article, events=events, quotes=quotes)


def _article_row(store, article_id: str) -> dict | None:
    rows = store.sql("SELECT article_id, article_date, title, url, source, origin, text, ingested_at "
                     "FROM articles WHERE article_id = ?", [article_id]).to_pylist()
    return rows[0] if rows else None


def _article_quotes(store, article_id: str) -> list[dict]:
    return store.sql("SELECT quote_id, quote_index, speaker, speaker_name, speaker_code, speaker_country, "
                     "kind, text, start_char, end_char, said_at, event_ids FROM quotes "
                     "WHERE article_id = ? ORDER BY quote_index", [article_id]).to_pylist()


def buckets(db: Db, f: EventFilter, interval: Interval = "day") -> pa.Table:
    """Events per period (`day`, `week` from Monday, `month`): counts per quad class
    (1 verbal cooperation … 4 material conflict), total, and the Goldstein sum and mean.

    Counted per event date and quad class first, then per period: the scan is one hash
    aggregate with three aggregates, and `date_trunc` runs on thousands of rows, not millions."""
    w = f.where()
    per_day = (f"SELECT e.event_date AS day, e.quad_class AS qc, count(*) AS n, sum(e.goldstein) AS g_sum, "
               f"count(e.goldstein) AS g_n FROM events e {w.sql()} GROUP BY ALL")
    q = (f"SELECT date_trunc(?, day)::DATE AS period, sum(n)::BIGINT AS events, "
         f"coalesce(sum(n) FILTER (qc = 1), 0)::BIGINT AS q1, coalesce(sum(n) FILTER (qc = 2), 0)::BIGINT AS q2, "
         f"coalesce(sum(n) FILTER (qc = 3), 0)::BIGINT AS q3, coalesce(sum(n) FILTER (qc = 4), 0)::BIGINT AS q4, "
         f"round(coalesce(sum(g_sum), 0), 2) AS goldstein_sum, "
         f"round(coalesce(sum(g_sum) / nullif(sum(g_n), 0), 0), 2) AS goldstein_mean "
         f"FROM ({per_day}) GROUP BY ALL ORDER BY period")
    with _open(db) as store:
        return store.sql(q, [interval, *w.params])  # date_trunc's ? comes first in the text


def network(db: Db, f: EventFilter, limit: int = 80) -> pa.Table:
    """Directed actor-to-actor edges (actor code, else country) weighted by events and the
    mean Goldstein score, heaviest first."""
    w = f.where()
    src, tgt = NODE.format("source"), NODE.format("target")
    w.add(f"{src} IS NOT NULL AND {tgt} IS NOT NULL")
    q = (f"SELECT {src} AS source, {tgt} AS target, count(*) AS events, "
         f"round(avg(e.goldstein), 2) AS goldstein_mean, "
         f"any_value(e.source_country) AS source_country, any_value(e.target_country) AS target_country "
         f"FROM events e {w.sql()} GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?")
    with _open(db) as store:
        return store.sql(q, [*w.params, int(limit)])


def map_points(db: Db, f: EventFilter, limit: int = 1000) -> pa.Table:
    """Located events grouped by place: coordinates, event count, mean Goldstein score."""
    w = f.where()
    w.add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    q = (f"SELECT e.location_name AS name, e.location_country AS country, "
         f"e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, "
         f"round(avg(e.goldstein), 2) AS goldstein_mean, min(e.event_date) AS first_date, "
         f"max(e.event_date) AS last_date FROM events e {w.sql()} "
         f"GROUP BY ALL ORDER BY events DESC, name LIMIT ?")
    with _open(db) as store:
        return store.sql(q, [*w.params, int(limit)])


def quote_page(db: Db, speaker: str | None = None, country: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, text: str | None = None,
               offset: int = 0, limit: int = 50) -> Page:
    """Attributed quotes by article date, one page and the number matching."""
    w = Where()
    w.contains_any(["q.speaker", "q.speaker_name", "q.speaker_text"], speaker)
    w.equals_any(["q.speaker_country"], country)
    w.between("a.article_date", since, until)
    w.contains_any(["q.text"], text)
    q = (f"SELECT q.quote_id, q.article_id, a.article_date, a.title, q.speaker, q.speaker_name, "
         f"q.speaker_code, q.speaker_country, q.kind, q.text, q.start_char, q.end_char, q.event_ids, "
         f"count(*) OVER () AS _total FROM quotes q JOIN articles a USING (article_id) {w.sql()} "
         f"ORDER BY a.article_date, q.article_id, q.quote_index LIMIT ? OFFSET ?")
    with _open(db) as store:
        table = store.sql(q, [*w.params, int(limit), int(offset)])
        total = table.column("_total")[0].as_py() if table.num_rows else store.sql(
            f"SELECT count(*) AS n FROM quotes q JOIN articles a USING (article_id) {w.sql()}",
            w.params).column("n")[0].as_py()
    return Page(total=total, rows=table.drop(["_total"]))


def top_dyad(db: Db, f: EventFilter) -> tuple[str, str] | None:
    """The pair of different countries with the most events between them, for a default view."""
    w = f.where()
    # grouped by ordered pair first, the pair tests then run once per pair, not per event
    pairs = f"SELECT e.source_country AS s, e.target_country AS t, count(*) AS n FROM events e {w.sql()} GROUP BY ALL"
    q = (f"SELECT least(s, t) AS a, greatest(s, t) AS b, sum(n)::BIGINT AS n FROM ({pairs}) "
         f"WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t GROUP BY ALL ORDER BY n DESC, a, b LIMIT 1")
    with _open(db) as store:
        rows = store.sql(q, w.params).to_pylist()
    return (rows[0]["a"], rows[0]["b"]) if rows else None


def counts(db: Db) -> dict[str, int]:
    """Rows in the main tables, for a status line."""
    with _open(db) as store:
        row = store.sql("SELECT (SELECT count(*) FROM articles) AS articles, "
                        "(SELECT count(*) FROM events) AS events, "
                        "(SELECT count(*) FROM quotes) AS quotes").to_pylist()[0]
    return row
