"""Pages and feeds built from the invented stories (tests/fixtures/sources/stories.json)."""
from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from pathlib import Path


STORIES = json.loads((Path(__file__).parents[1] / "fixtures" / "sources" / "stories.json").read_text("utf-8"))
HUGE = 50_000_000


class Clock:
    """Injected time: `sleep` only moves the clock forward and records the wait."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def page(title: str, text: str, outlet: str, date: str) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return (f'<!DOCTYPE html><html><head><title>{html.escape(title)}</title>'
            f'<meta property="og:site_name" content="{outlet}"><meta name="author" content="Desk Writer">'
            f'<meta property="article:published_time" content="{date}T08:00:00Z"></head>'
            f'<body><nav>Home | World | Sport</nav><article><h1>{html.escape(title)}</h1>{paras}</article>'
            f'<footer>All rights reserved</footer></body></html>').encode()


def rss(items: list[dict], title: str = "Harbour Post world news") -> bytes:
    parts = []
    for it in items:
        day = dt.datetime.fromisoformat(it["date"] + "T08:00:00+00:00")
        source = f'<source url="{it["link"]}">{it["outlet"]}</source>' if it.get("outlet") else ""
        parts.append(f'<item><title>{html.escape(it["title"])}</title><link>{it["link"]}</link>'
                     f'<guid>{it["link"]}</guid><pubDate>{format_datetime(day)}</pubDate>{source}</item>')
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f'<link>http://127.0.0.1/</link><description>test</description>{"".join(parts)}</channel></rss>').encode()



# slug of the original → the outlet that republished it with a small edit
DUPLICATED = {"lisbon-fishing": "Atlas Wire", "nairobi-drought": "Meridian Press", "seoul-launch": "Lantern News"}


def dup_text(text: str, outlet: str) -> str:
    return text + f" {outlet} contributed reporting from the region."


def serve_stories(server) -> None:
    for s in STORIES:
        server.routes[f"/story/{s['slug']}"] = (200, "text/html; charset=utf-8",
                                                page(s["title"], s["text"], "Harbour Post", s["date"]))
        if s["slug"] in DUPLICATED:
            outlet = DUPLICATED[s["slug"]]
            server.routes[f"/story/dup/{s['slug']}"] = (200, "text/html", page(
                s["title"] + " (update)", dup_text(s["text"], outlet), outlet, s["date"]))


def feed_items(server) -> bytes:
    items = [{"title": s["title"], "link": server.url(f"/story/{s['slug']}"), "date": s["date"],
              "outlet": "Harbour Post"} for s in STORIES]
    items += [{"title": s["title"] + " (update)", "link": server.url(f"/story/dup/{s['slug']}"),
               "date": s["date"], "outlet": DUPLICATED[s["slug"]]} for s in STORIES if s["slug"] in DUPLICATED]
    items += [{"title": "Gone", "link": server.url("/missing"), "date": "2025-05-10"},
              {"title": "Slow", "link": server.url("/slow"), "date": "2025-05-10"}]
    assert len(items) == 22
    return rss(items)
