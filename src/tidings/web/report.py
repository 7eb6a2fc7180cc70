"""The dashboard's views as one self-contained HTML file: the page, its CSS and JS, the
world outline and the answers for the report's filters, all inlined (no network needed).

The embedded answers are the API's own shapes (`shapes`), and the page runs the same
`app.js`, which reads them instead of calling the server; drill-downs filter the embedded
events in the page.
"""
from __future__ import annotations

import datetime as dt
import json

from tidings import query
from tidings.query import EventFilter
from tidings.store import Store
from tidings.web import shapes, static_dir

MAX_EVENTS = 5000


def _inline_json(data: object) -> str:
    # "</" would end the <script> element early; "<\/" is the same string to JSON
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def report_data(db_path: str, f: EventFilter, interval: str = "week", max_events: int = MAX_EVENTS) -> dict:
    """Everything the report page shows, for the events matching `f` (at most `max_events`)."""
    with Store(db_path, read_only=True) as db:
        events = shapes.rows(query.event_page(db, f, 0, max_events).rows)
        articles = {}
        for article_id in dict.fromkeys(e["article_id"] for e in events):
            detail = query.article_detail(db, article_id)
            if detail:
                articles[article_id] = {**shapes.plain(detail.article), "quotes": shapes.rows(detail.quotes)}
        pair = query.top_dyad(db, f)
        subject_filter = f if (f.dyad or f.country or not pair) else EventFilter(**{**f.__dict__, "dyad": pair})
        trend_interval = "week" if interval == "month" else interval
        return {
            "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "db": db_path, "interval": interval,
            "filters": _filter_params(f),
            "timeline": shapes.timeline(db, f, interval),
            "trend": (shapes.trend(db, subject_filter, trend_interval) if (subject_filter.dyad or subject_filter.country)
                      else {"ok": True, "subject": None, "interval": trend_interval, "points": []}),
            "network": shapes.network(db, f, 80),
            "map": shapes.map_points(db, f, 1000),
            "top_dyad": "-".join(pair) if pair else None,
            "events": events, "articles": articles,
        }


def _filter_params(f: EventFilter) -> dict:
    out = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in f.__dict__.items() if v is not None}
    if "dyad" in out:
        out["dyad"] = "-".join(out["dyad"])
    if "text" in out:
        out["q"] = out.pop("text")
    return out


def build_report(db_path: str, f: EventFilter, interval: str = "week") -> str:
    """The HTML text of the report."""
    static = static_dir()
    data = report_data(db_path, f, interval)
    data["world"] = json.loads((static / "world.json").read_text(encoding="utf-8"))
    page = (static / "index.html").read_text(encoding="utf-8")
    css = (static / "style.css").read_text(encoding="utf-8")
    js = (static / "app.js").read_text(encoding="utf-8").replace("</", "<\\/")
    page = page.replace('<link rel="stylesheet" href="/static/style.css">', f"<style>\n{css}</style>")
    page = page.replace('<script src="/static/app.js"></script>',
                        f"<script>window.TIDINGS_REPORT = {_inline_json(data)};</script>\n<script>\n{js}</script>")
    return page.replace("<title>tidings dashboard</title>", "<title>tidings report</title>")
