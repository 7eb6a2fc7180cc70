"""`tidings watch` (poll feeds), `tidings export` (GDELT, PLOVER, ACLED, parquet, csv, jsonl)
and `tidings show` (an event's evidence in its articles)."""
from __future__ import annotations

import re
import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from tidings import pipeline, query
from tidings.cli.options import EXIT_REJECTS, DbOpt, MaxCharsOpt, OutputOpt, db_path, handles_errors
from tidings.cli.output import Format, json_line, open_output, write_rows
from tidings.config import load_settings
from tidings.sources import HttpSettings, PoliteClient

_EVERY = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_EVERY = 366 * 86400  # a year: longer waits overflow the platform's sleep and mean a typo


def parse_every(value: str) -> float:
    """'15m', '90s', '1h', '2d' or plain seconds to seconds."""
    m = _EVERY.match(value.strip().lower())
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"{value!r} is not an interval; use e.g. 90s, 15m, 1h", param_hint="--every")
    seconds = float(m.group(1)) * _UNIT[m.group(2)]
    if seconds > MAX_EVERY:
        raise typer.BadParameter(f"{value!r} is longer than a year (366d); use e.g. 15m, 1h, 2d",
                                 param_hint="--every")
    return seconds


TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds per HTTP attempt.")]
IntervalOpt = Annotated[float, typer.Option("--min-interval", min=0.0,
                                            help="Seconds between two requests to one host.")]


def http_client(timeout: float = 10.0, min_interval: float = 1.0, max_chars: int | None = None) -> PoliteClient:
    chars = max_chars or load_settings({}).max_text_chars
    return PoliteClient(HttpSettings(timeout=timeout, min_interval=min_interval, max_bytes=chars * 6 + 65_536))


@handles_errors
def watch(feeds: Annotated[list[str], typer.Argument(metavar="FEED", help="Feed URLs or files.",
                                                     show_default=False)],
          every: Annotated[str, typer.Option("--every", help="Interval between polls: 90s, 15m, 1h.")] = "15m",
          polls: Annotated[int | None, typer.Option("--polls", min=1, help="Stop after N polls.")] = None,
          db: DbOpt = None, timeout: TimeoutOpt = 10.0, min_interval: IntervalOpt = 1.0,
          max_chars: MaxCharsOpt = None) -> None:
    """Poll feeds every interval and ingest only the items not stored yet (Ctrl-C stops)."""
    seconds = parse_every(every)
    settings = load_settings({"db_path": db, "max_text_chars": max_chars})
    rejected = 0

    def report(n: int, stats: pipeline.RunStats) -> None:
        nonlocal rejected
        rejected += stats.rejects
        for line in stats.reject_messages:
            print(f"tidings: rejected: {line}", file=sys.stderr)
        print(f"tidings: poll {n}: {stats.summary()} -> {settings.db_path}", file=sys.stderr)

    with http_client(timeout, min_interval, settings.max_text_chars) as client:
        pipeline.watch(feeds, settings.db_path, seconds, client, polls=polls, on_poll=report,
                       model=settings.model, max_text_chars=settings.max_text_chars,
                       batch_size=settings.batch_size, day_first=settings.day_first)
    if rejected:
        raise typer.Exit(EXIT_REJECTS)


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    acled = "acled"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@handles_errors
def export(fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export layout.")] = ExportFormat.gdelt,
           db: DbOpt = None, output: OutputOpt = None) -> None:
    """Export each merged event once: GDELT 2.0 TSV, PLOVER/POLECAT JSON Lines, ACLED-like CSV, or all columns."""
    path = db_path(db)
    if fmt in (ExportFormat.parquet, ExportFormat.csv, ExportFormat.jsonl):
        write_rows(query.events_table(path), Format(fmt.value), output)
    elif fmt is ExportFormat.acled:
        write_rows(query.acled_table(path), Format.csv, output)
    else:
        handle = open_output(output, "w") if output else sys.stdout
        try:
            if fmt is ExportFormat.gdelt:
                query.export.write_gdelt(query.gdelt_rows(path), handle)
            else:
                for record in query.plover_records(path):
                    handle.write(json_line(record) + "\n")
        finally:
            handle.close() if output else handle.flush()


@handles_errors
def show(event_id: Annotated[str, typer.Argument(metavar="EVENT_ID", help="An event id from `tidings events`.",
                                                 show_default=False)],
         db: DbOpt = None,
         context: Annotated[int, typer.Option("--context", min=0, help="Characters of text around the "
                                              "evidence (0: the whole article).")] = 0) -> None:
    """Print an event and every article that reported it, the evidence highlighted."""
    prov = query.provenance(db_path(db), event_id)
    e, console = prov.event, Console(soft_wrap=True, highlight=False)
    who = lambda p: e[f"{p}_name"] or e[f"{p}_text"] or "?"  # noqa: E731
    console.print(Text.assemble(("event ", "bold"), e["event_id"], f"  {e['event_date']}  ",
                                (f"{who('source')} → {e['cameo']} → {who('target')}", "bold"),
                                f"  ({e['num_mentions']} mentions, {e['num_articles']} articles, "
                                f"{e['num_sources']} sources, seen {e['first_seen_date']} to {e['last_seen_date']})"))
    for m in prov.mentions:
        console.rule(Text(f"{m.outlet or '-'} · {m.article_date} · {m.title or m.article_id}"))
        console.print(Text(f"article {m.article_id}  story {m.story_id}  {m.url or ''}", style="dim"))
        console.print(_highlighted(m, context))


def _highlighted(m, context: int) -> Text:
    start, end = m.start or 0, m.end if m.end is not None else 0
    lo, hi = (0, len(m.text)) if not context else (max(0, start - context), min(len(m.text), end + context))
    text = Text(("…" if lo else "") + m.text[lo:hi] + ("…" if hi < len(m.text) else ""))
    shift = 1 if lo else 0
    text.stylize("bold black on yellow", start - lo + shift, end - lo + shift)
    if m.verb_start is not None and start <= m.verb_start < end:
        verb_end = m.verb_start + len(re.match(r"\w*", m.text[m.verb_start:]).group())
        text.stylize("bold underline red on yellow", m.verb_start - lo + shift, verb_end - lo + shift)
    return text
