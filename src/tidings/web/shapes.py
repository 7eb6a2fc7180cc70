"""The JSON shapes of the analyst views, shared by the API and the static report, so a
report file holds exactly what the server would have answered."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyarrow as pa

from tidings import query
from tidings.query import EventFilter


def plain(value: object) -> object:
    """Dates and times as ISO strings, containers recursively; everything else as is."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def rows(table: pa.Table | Iterable[dict]) -> list[dict]:
    items = table.to_pylist() if isinstance(table, pa.Table) else list(table)
    return [plain(r) for r in items]


def page(result: query.Page, page_no: int, page_size: int) -> dict:
    return {"ok": True, "total": result.total, "page": page_no, "page_size": page_size,
            "pages": (result.total + page_size - 1) // page_size, "items": rows(result.rows)}


def event_detail(detail: query.EventDetail) -> dict:
    return {"ok": True, "event": plain(detail.event), "article": plain(detail.article),
            "quotes": rows(detail.quotes)}


def article_detail(detail: query.ArticleDetail) -> dict:
    return {"ok": True, "article": plain(detail.article), "events": rows(detail.events),
            "quotes": rows(detail.quotes)}


def timeline(db, f: EventFilter, interval: str) -> dict:
    return {"ok": True, "interval": interval, "buckets": rows(query.buckets(db, f, interval))}


def trend(db, f: EventFilter, interval: str) -> dict:
    """Goldstein sum and counts per period; `subject` names the country or dyad followed."""
    subject = "-".join(f.dyad) if f.dyad else f.country
    points = [{"period": b["period"], "events": b["events"], "goldstein_sum": b["goldstein_sum"],
               "goldstein_mean": b["goldstein_mean"], "cooperation": b["q1"] + b["q2"],
               "conflict": b["q3"] + b["q4"]} for b in rows(query.buckets(db, f, interval))]
    return {"ok": True, "subject": subject, "interval": interval, "points": points}


def network(db, f: EventFilter, limit: int) -> dict:
    edges = rows(query.network(db, f, limit))
    weight: dict[str, int] = {}
    country: dict[str, str | None] = {}
    for e in edges:
        for end in ("source", "target"):
            weight[e[end]] = weight.get(e[end], 0) + e["events"]
            country.setdefault(e[end], e[f"{end}_country"])
    nodes = [{"id": n, "events": w, "country": country[n]}
             for n, w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"ok": True, "nodes": nodes, "edges": edges}


def map_points(db, f: EventFilter, limit: int) -> dict:
    return {"ok": True, "points": rows(query.map_points(db, f, limit))}
