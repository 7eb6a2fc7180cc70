"""Query commands: events, quotes, timeline, summary, rejects. Each parses options and
calls one `tidings.query` function, then the shared output helper."""
from __future__ import annotations

from typing import Annotated

import typer

from tidings import query
from tidings.cli.options import (CountryOpt, DbOpt, FormatOpt, LimitOpt, OutputOpt, SinceOpt,
                                 UntilOpt, check_range, db_path, handles_errors)
from tidings.cli.output import Format, write_rows

ActorOpt = Annotated[str | None, typer.Option(
    "--actor", help="Substring of the source or target actor's name, code or text (any case).")]

EVENT_TABLE_COLUMNS = ["event_date", "source_name", "source_code", "cameo", "target_name",
                       "target_code", "evidence", "article_id"]
QUOTE_TABLE_COLUMNS = ["article_date", "speaker", "speaker_country", "kind", "text"]


@handles_errors
def events(db: DbOpt = None, actor: ActorOpt = None, country: CountryOpt = None,
           root: Annotated[str | None, typer.Option("--root", help="CAMEO root code, e.g. 04 or 19.")] = None,
           since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = None,
           fmt: FormatOpt = Format.jsonl, output: OutputOpt = None,
           all_mentions: Annotated[bool, typer.Option(
               "--all-mentions", help="Every report of each event, not each event once.")] = False) -> None:
    """List coded events by event date, each once with num_mentions, num_sources, num_articles."""
    check_range(since, until)
    table = query.events(db_path(db), actor=actor, country=country, root=root,
                         since=since, until=until, limit=limit, all_mentions=all_mentions)
    write_rows(table, fmt, output, title="events", table_columns=EVENT_TABLE_COLUMNS)


@handles_errors
def quotes(db: DbOpt = None,
           speaker: Annotated[str | None, typer.Option("--speaker", help="Substring of the speaker.")] = None,
           country: Annotated[str | None, typer.Option("--country", help="The speaker's country code.")] = None,
           since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = None,
           fmt: FormatOpt = Format.jsonl, output: OutputOpt = None) -> None:
    """List attributed quotes, by article date."""
    check_range(since, until)
    table = query.quotes(db_path(db), speaker=speaker, country=country, since=since,
                         until=until, limit=limit)
    write_rows(table, fmt, output, title="quotes", table_columns=QUOTE_TABLE_COLUMNS)


@handles_errors
def timeline(db: DbOpt = None, country: CountryOpt = None, actor: ActorOpt = None,
             since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = None,
             fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """A dated list of events (source → target, CAMEO code and name, evidence) and quotes."""
    check_range(since, until)
    table = query.timeline(db_path(db), country=country, actor=actor, since=since,
                           until=until, limit=limit)
    write_rows(table, fmt, output, title="timeline")


@handles_errors
def summary(db: DbOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """Row counts per table, events per CAMEO root, and the most frequent actors."""
    write_rows(query.summary(db_path(db)), fmt, output, title=f"summary of {db_path(db)}")


@handles_errors
def rejects(db: DbOpt = None, limit: LimitOpt = None, fmt: FormatOpt = Format.jsonl,
            output: OutputOpt = None) -> None:
    """List input records that could not be ingested, with file, line, field and reason."""
    write_rows(query.rejects(db_path(db), limit=limit), fmt, output, title="rejects")
