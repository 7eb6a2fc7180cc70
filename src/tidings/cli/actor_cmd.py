"""`tidings actors` (who the store knows, with counts) and `tidings actor NAME` (why a name
resolves as it does)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console

from tidings import pipeline, query
from tidings.cli.options import (ActorsOpt, CountryOpt, DbOpt, FormatOpt, LimitOpt, OutputOpt, _date, db_path,
                                 handles_errors)
from tidings.cli.output import Format, write_rows
from tidings.config import load_settings


@handles_errors
def actors(db: DbOpt = None, country: CountryOpt = None,
           name: Annotated[str | None, typer.Option("--name", help="Substring of the name, code or text.")] = None,
           limit: LimitOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """List resolved actors with counts: mentions, articles, as source, target and speaker."""
    table = query.actors(db_path(db), country=country, name=name, limit=limit)
    write_rows(table, fmt, output, title="actors")


@handles_errors
def actor(name: Annotated[str, typer.Argument(help="A name, title or phrase, e.g. 'Hegseth' or "
                                              "'the Pakistani military spokesman'.")],
          date: Annotated[dt.date | None, typer.Option(
              "--date", parser=_date, metavar="YYYY-MM-DD",
              help="Resolve as in an article of this date (default: today).")] = None,
          actors: ActorsOpt = None) -> None:
    """Show how NAME resolves on a date and why: the entries matched, their dates and files."""
    settings = load_settings({"actor_files": tuple(str(p) for p in actors or ())})
    day = date or dt.date.today()
    exp = pipeline.explain_actor(name, day, settings.actor_files, model=settings.model)
    console = Console(soft_wrap=True)
    if exp.actors:
        for a in exp.actors:
            console.print(f"[bold]{exp.name}[/] on {day}: {a.name} → code [bold]{a.code or '-'}[/], "
                          f"country {a.country or '-'}, roles {'|'.join(a.roles) or '-'}")
    else:
        console.print(f"[bold]{exp.name}[/] on {day}: not resolved to an actor")
    for r in exp.rows:
        e = r.entry
        span = f"{e.start or '…'} to {e.end or '…'}" if (e.start or e.end) else "no date bounds"
        state = "in force" if r.valid else "[red]not in force[/] on that date"
        console.print(f"  '{r.surface}' ({r.via}) → {e.kind} {e.name!r}, country {e.country or '-'}, "
                      f"roles {'|'.join(e.roles) or '-'}; {span}: {state}; {e.origin or ''}")
    for term, roles, kind in exp.roles:
        console.print(f"  role word '{term}' → {'|'.join(roles)} ({kind}), from tidings/data/roles.tsv "
                      "or a user dictionary")
    if not exp.rows and not exp.roles:
        console.print("no knowledge-base entry matched; add one with --actors FILE (see README)")
