"""Read-only questions over the store, each returning an Arrow table.

`db` is a database path or an open `Store`. Actor filters are case-insensitive substrings
of the actor's name, code or text; country and root filters are exact (case-insensitive).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa

from tidings.query.codebook import cameo_names
from tidings.query.filters import Where, limit_sql
from tidings.store import TABLES, Store

Db = str | Path | Store

ACTOR_COLUMNS = ["source_name", "source_code", "source_text",
                 "target_name", "target_code", "target_text"]
EVENT_COLUMNS = """e.article_id, e.event_id, e.event_date, e.date_text, e.date_precision,
    e.source_name, e.source_code, e.source_country, e.cameo, e.root,
    e.target_name, e.target_code, e.target_country, e.quad_class, e.goldstein, e.plover,
    e.location_name, e.confidence, e.evidence, e.rule, e.threatened, e.quote_id"""
COUNT_COLUMNS = """, e.num_mentions, e.num_sources, e.num_articles, e.num_stories,
    e.first_seen_date, e.last_seen_date, e.article_ids, e.outlets"""
MENTION_COLUMNS = ", e.story_id, e.outlet, e.url, e.article_date, e.event_key"


@contextmanager
def _open(db: Db) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    with Store(db, read_only=True) as store:
        yield store


def events(db: Db, actor: str | None = None, country: str | None = None, root: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           limit: int | None = None, all_mentions: bool = False) -> pa.Table:
    """Events by event date, then article and position in the article.

    Each event once (`merged_events`: the first report's columns plus `num_mentions`,
    `num_sources`, `num_articles`, `num_stories`, first/last seen dates and the articles and
    outlets behind it), or with `all_mentions` every report of it (`event_mentions`)."""
    w = Where()
    w.contains_any([f"e.{c}" for c in ACTOR_COLUMNS], actor)
    w.equals_any(["e.source_country", "e.target_country"], country)
    if root:
        w.add("e.root = ?", root.zfill(2))
    w.between("e.event_date", since, until)
    source = "event_mentions" if all_mentions else "merged_events"
    extra = MENTION_COLUMNS if all_mentions else COUNT_COLUMNS + ", e.event_key"
    q = (f"SELECT {EVENT_COLUMNS}{extra} FROM {source} e {w.sql()} "
         f"ORDER BY e.event_date, e.article_id, e.start_char {limit_sql(limit)}")
    with _open(db) as store:
        return store.sql(q, w.params)


def quotes(db: Db, speaker: str | None = None, country: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           limit: int | None = None) -> pa.Table:
    """Attributed quotes, dated by their article."""
    w = Where()
    w.contains_any(["q.speaker", "q.speaker_name", "q.speaker_text"], speaker)
    w.equals_any(["q.speaker_country"], country)
    w.between("a.article_date", since, until)
    q = (f"SELECT q.article_id, a.article_date, q.speaker, q.speaker_name, q.speaker_code, "
         f"q.speaker_country, q.kind, q.text, q.quote_id, "
         f"(SELECT string_agg(e.cameo, ' ' ORDER BY e.cameo) FROM events e "
         f" WHERE e.article_id = q.article_id AND list_contains(q.event_ids, e.event_id)) AS event_codes "
         f"FROM quotes q JOIN articles a USING (article_id) "
         f"{w.sql()} ORDER BY a.article_date, q.article_id, q.quote_index {limit_sql(limit)}")
    with _open(db) as store:
        return store.sql(q, w.params)


def timeline(db: Db, country: str | None = None, actor: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None,
             limit: int | None = None, with_quotes: bool = True) -> pa.Table:
    """An analyst's dated list: events (who → whom, CAMEO code and name, evidence) with
    quotes interleaved on their article's date."""
    ew, qw = Where(), Where()
    ew.contains_any([f"e.{c}" for c in ACTOR_COLUMNS], actor)
    ew.equals_any(["e.source_country", "e.target_country"], country)
    ew.between("e.event_date", since, until)
    qw.contains_any(["q.speaker", "q.speaker_name"], actor)
    qw.equals_any(["q.speaker_country"], country)
    qw.between("a.article_date", since, until)
    label = "coalesce(e.{0}_name, e.{0}_text, e.{0}_code, '?')"
    ev = (f"SELECT e.event_date AS date, 'event' AS kind, "
          f"{label.format('source')} || ' → ' || {label.format('target')} AS who, "
          f"e.cameo AS code, n.name AS what, e.evidence AS evidence, e.article_id, "
          f"e.start_char AS pos FROM events e LEFT JOIN _tidings_cameo n ON n.code = e.cameo "
          f"{ew.sql()}")
    qu = (f"SELECT a.article_date AS date, 'quote' AS kind, "
          f"coalesce(q.speaker_name, q.speaker, '?') AS who, NULL AS code, "
          f"q.kind || ' quote' AS what, q.text AS evidence, q.article_id, q.start_char AS pos "
          f"FROM quotes q JOIN articles a USING (article_id) {qw.sql()}")
    body = f"{ev} UNION ALL {qu}" if with_quotes else ev
    params = ew.params + (qw.params if with_quotes else [])
    q = (f"SELECT date, kind, who, code, what, evidence, article_id FROM ({body}) "
         f"ORDER BY date, article_id, pos {limit_sql(limit)}")
    with _open(db) as store:
        store.con.register("_tidings_cameo", cameo_names())
        try:
            return store.sql(q, params)
        finally:
            store.con.unregister("_tidings_cameo")


def summary(db: Db, top: int = 10) -> pa.Table:
    """(section, key, count) rows: rows per table, events per CAMEO root, top actors."""
    counts = " UNION ALL ".join(
        f"SELECT 'rows' AS section, '{t}' AS key, count(*) AS count, {i} AS o FROM {t}"
        for i, t in enumerate(TABLES))
    roots = ("SELECT 'events per root' AS section, root AS key, count(*) AS count, "
             "0 AS o FROM events GROUP BY root")
    actors = (f"SELECT 'top actors' AS section, coalesce(name, text) || "
              f"coalesce(' (' || code || ')', '') AS key, count(*) AS count, 0 AS o "
              f"FROM actors GROUP BY ALL ORDER BY count DESC, key LIMIT {int(top)}")
    q = (f"SELECT section, key, count FROM ({counts} UNION ALL {roots} UNION ALL "
         f"SELECT * FROM ({actors})) ORDER BY CASE section WHEN 'rows' THEN 0 "
         f"WHEN 'events per root' THEN 1 ELSE 2 END, "
         f"CASE section WHEN 'rows' THEN o::VARCHAR WHEN 'events per root' THEN key "
         f"ELSE lpad((1000000000 - count)::VARCHAR, 10, '0') || key END")
    with _open(db) as store:
        return store.sql(q)


def actors(db: Db, country: str | None = None, name: str | None = None,
           limit: int | None = None, offset: int = 0) -> pa.Table:
    """Resolved actors with how often each appears as source, target and quote speaker."""
    w = Where()
    w.contains_any(["name", "text", "code"], name)
    w.equals_any(["country"], country)
    q = (f"SELECT coalesce(name, text) AS name, code, country, array_to_string(roles, '|') AS roles, "
         f"count(*) AS mentions, count(DISTINCT article_id) AS articles, "
         f"count(*) FILTER (slot = 'source') AS as_source, count(*) FILTER (slot = 'target') AS as_target, "
         f"count(*) FILTER (slot = 'speaker') AS as_speaker, "
         f"string_agg(DISTINCT text, ' | ' ORDER BY text) AS written_as "
         f"FROM actors {w.sql()} GROUP BY ALL ORDER BY mentions DESC, name, code {limit_sql(limit)}"
         f"{f' OFFSET {int(offset)}' if offset else ''}")
    with _open(db) as store:
        return store.sql(q, w.params)


def rejects(db: Db, limit: int | None = None) -> pa.Table:
    """Input records that could not be ingested, oldest first."""
    q = ("SELECT origin, line, field, message, raw, rejected_at FROM rejects "
         f"ORDER BY rejected_at, origin, line {limit_sql(limit)}")
    with _open(db) as store:
        return store.sql(q)
