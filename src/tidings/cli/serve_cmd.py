"""`tidings serve` (the API and dashboard) and `tidings report` (the same views in one file)."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.options import CountryOpt, DbOpt, SinceOpt, UntilOpt, check_range, db_path, handles_errors
from tidings.cli.output import open_output
from tidings.config import load_settings


class Interval(str, Enum):
    day = "day"
    week = "week"
    month = "month"


@handles_errors
def serve(db: DbOpt = None,
          host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
          token: Annotated[str | None, typer.Option(
              envvar="TIDINGS_TOKEN", show_default=False,
              help="Turn on POST /api/articles, guarded by `Authorization: Bearer TOKEN` (also $TIDINGS_TOKEN). "
                   "The server then holds the database for writing and ingests posted articles itself.")] = None,
          ) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/) over a database."""
    from tidings import pipeline
    from tidings.api.server import serve as run_server

    settings = load_settings({"db_path": db})
    kb = pipeline.load_kb(settings.actor_files) if token else None
    mode = "read-write, POST /api/articles on" if token else "read-only"

    def announce(url: str) -> None:
        print(f"tidings: serving {settings.db_path} ({mode}) on {url} (API docs at /docs); Ctrl-C stops",
              file=sys.stderr)

    run_server(settings.db_path, host=host, port=port, token=token, kb=kb, model=settings.model,
               day_first=settings.day_first, announce=announce, max_text_chars=settings.max_text_chars)


@handles_errors
def report(output: Annotated[Path, typer.Option("-o", "--output", dir_okay=False,
                                                help="The HTML file to write.")],
           db: DbOpt = None, country: CountryOpt = None,
           dyad: Annotated[str | None, typer.Option(help="Two country codes, e.g. IND-PAK.")] = None,
           actor: Annotated[str | None, typer.Option(help="Substring of an actor's name, code or text.")] = None,
           since: SinceOpt = None, until: UntilOpt = None,
           interval: Annotated[Interval, typer.Option(help="Bucket size of the timeline.")] = Interval.week) -> None:
    """Write the dashboard's views for these filters as one self-contained HTML file."""
    from tidings.query import EventFilter
    from tidings.web.report import build_report

    check_range(since, until)
    if dyad and (len(dyad.split("-")) != 2 or not all(p.isalpha() for p in dyad.split("-"))):
        raise typer.BadParameter(f"{dyad!r} is not a dyad; use two codes such as IND-PAK", param_hint="--dyad")
    f = EventFilter(country=country, dyad=tuple(dyad.upper().split("-")) if dyad else None, actor=actor,
                    since=since, until=until)
    html = build_report(db_path(db), f, interval.value)
    with open_output(output, "w") as handle:
        handle.write(html)
    print(f"tidings: report written to {output} ({len(html.encode()) // 1024} KB)", file=sys.stderr)
