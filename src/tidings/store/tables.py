"""The one place where records map to table rows: `ArticleResult`s and `Reject`s to Arrow.

Columns are built per batch as Python lists and turned into one Arrow table per DuckDB
table, with explicit types so an all-NULL column still has the right type.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pyarrow as pa

from tidings.models import Actor, ArticleResult, Reject

S, I, F, D = pa.string(), pa.int32(), pa.float64(), pa.date32()
L = pa.list_(pa.string())
TS = pa.timestamp("us", tz="UTC")


def _actor_cols(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_text", S), (f"{prefix}_name", S), (f"{prefix}_code", S),
            (f"{prefix}_country", S), (f"{prefix}_roles", L)]


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("article_id", S), ("article_date", D), ("title", S), ("url", S),
                           ("source", S), ("origin", S), ("text", S), ("ingested_at", TS),
                           ("author", S)]),
    "events": pa.schema([
        ("article_id", S), ("event_id", S), ("sentence", I), ("evidence", S), ("start_char", I),
        ("end_char", I), ("event_date", D), ("date_text", S), ("date_precision", S),
        *_actor_cols("source"), *_actor_cols("target"),
        ("cameo", S), ("root", S), ("quad_class", I), ("goldstein", F), ("plover", S),
        ("location_name", S), ("location_country", S), ("location_lat", F), ("location_lon", F),
        ("location_kind", S), ("confidence", F), ("rule", S), ("verb", S), ("threatened", S),
        ("verb_start", I), ("quote_id", S)]),
    "actors": pa.schema([("article_id", S), ("event_id", S), ("slot", S), ("text", S),
                         ("name", S), ("code", S), ("country", S), ("roles", L)]),
    "quotes": pa.schema([("article_id", S), ("quote_index", I), ("speaker", S),
                         *_actor_cols("speaker"), ("text", S), ("kind", S),
                         ("start_char", I), ("end_char", I), ("quote_id", S), ("said_at", I),
                         ("event_ids", L)]),
    "timexes": pa.schema([("article_id", S), ("timex_index", I), ("text", S), ("start_char", I),
                          ("end_char", I), ("type", S), ("value", S)]),
    "entities": pa.schema([("article_id", S), ("entity_index", I), ("text", S), ("label", S),
                           ("start_char", I), ("end_char", I)]),
    "rejects": pa.schema([("article_id", S), ("origin", S), ("line", I), ("field", S),
                          ("message", S), ("raw", S), ("rejected_at", TS)]),
}

CHILD_TABLES = ("events", "actors", "quotes", "timexes", "entities")


def _actor_row(prefix: str, actor: Actor | None) -> dict[str, object]:
    if actor is None:
        return {f"{prefix}_{k}": None for k in ("text", "name", "code", "country", "roles")}
    return {f"{prefix}_text": actor.text, f"{prefix}_name": actor.name, f"{prefix}_code": actor.code,
            f"{prefix}_country": actor.country, f"{prefix}_roles": list(actor.roles)}


def _rows_for(result: ArticleResult, now: dt.datetime) -> dict[str, list[dict]]:
    a = result.article
    aid = a.id
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *CHILD_TABLES)}
    rows["articles"].append({"article_id": aid, "article_date": a.date, "title": a.title,
                             "url": a.url, "source": a.source, "origin": a.origin,
                             "text": a.text, "ingested_at": now, "author": a.author})
    seen_actors: set[tuple] = set()

    def add_actor(event_id: str | None, slot: str, actor: Actor | None) -> None:
        if actor is None:
            return
        key = (event_id, slot, actor.text, actor.name, actor.code, actor.country, tuple(actor.roles))
        if key in seen_actors:
            return
        seen_actors.add(key)
        rows["actors"].append({"article_id": aid, "event_id": event_id, "slot": slot,
                               "text": actor.text, "name": actor.name, "code": actor.code,
                               "country": actor.country, "roles": list(actor.roles)})

    for e in result.events:
        loc = e.location
        rows["events"].append({
            "article_id": aid, "event_id": e.id, "sentence": e.sentence, "evidence": e.evidence,
            "start_char": e.start, "end_char": e.end, "event_date": e.date, "date_text": e.date_text,
            "date_precision": e.date_precision, **_actor_row("source", e.source),
            **_actor_row("target", e.target), "cameo": e.cameo, "root": e.root,
            "quad_class": e.quad_class, "goldstein": e.goldstein, "plover": e.plover,
            "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
            "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
            "location_kind": loc.kind if loc else None, "confidence": e.confidence, "rule": e.rule,
            "verb": e.verb, "threatened": e.threatened, "verb_start": e.verb_start, "quote_id": e.quote_id})
        add_actor(e.id, "source", e.source)
        add_actor(e.id, "target", e.target)
    for n, q in enumerate(result.quotes):
        rows["quotes"].append({"article_id": aid, "quote_index": n, "speaker": q.speaker,
                               **_actor_row("speaker", q.speaker_actor), "text": q.text,
                               "kind": q.kind, "start_char": q.start, "end_char": q.end,
                               "quote_id": q.id, "said_at": q.said_at, "event_ids": list(q.event_ids)})
        add_actor(None, "speaker", q.speaker_actor)
    for n, t in enumerate(result.timexes):
        rows["timexes"].append({"article_id": aid, "timex_index": n, "text": t.text,
                                "start_char": t.start, "end_char": t.end, "type": t.type,
                                "value": t.value})
    for n, ent in enumerate(result.entities):
        rows["entities"].append({"article_id": aid, "entity_index": n, "text": ent.text,
                                 "label": ent.label, "start_char": ent.start, "end_char": ent.end})
    return rows


def result_tables(results: Sequence[ArticleResult], now: dt.datetime | None = None) -> dict[str, pa.Table]:
    """One Arrow table per DuckDB table for a batch of results (empty tables included)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    merged: dict[str, list[dict]] = {name: [] for name in ("articles", *CHILD_TABLES)}
    for result in results:
        for name, rows in _rows_for(result, now).items():
            merged[name].extend(rows)
    return {name: pa.Table.from_pylist(rows, schema=SCHEMAS[name]) for name, rows in merged.items()}


def reject_table(rejects: Iterable[Reject], now: dt.datetime | None = None) -> pa.Table:
    now = now or dt.datetime.now(dt.timezone.utc)
    rows = [{"article_id": None, "origin": r.origin, "line": r.line, "field": r.field,
             "message": r.message, "raw": r.raw, "rejected_at": now} for r in rejects]
    return pa.Table.from_pylist(rows, schema=SCHEMAS["rejects"])
