"""`tidings ingest` and `tidings extract`: run the pipeline with or without a database."""
from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from tidings import pipeline
from tidings.cli.cluster_cmd import (Engine, EngineOpt, LoadOpt, ParquetDirOpt, RayAddressOpt, check_engine,
                                      ingest_ray)
from tidings.cli.options import (EXIT_REJECTS, ActorsOpt, DateOpt, DayFirstOpt, DbOpt, InputsArg, MaxCharsOpt,
                                 ProcessesOpt, handles_errors)
from tidings.cli.output import Format, json_line, write_rows
from tidings.cli.progress import IngestProgress
from tidings.config import Settings, load_settings
from tidings.engine import default_processes
from tidings.models import Reject


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@handles_errors
def ingest(inputs: InputsArg, db: DbOpt = None, date: DateOpt = None, actors: ActorsOpt = None,
           batch_size: Annotated[int | None, typer.Option(
               min=1, max=100_000, help="Articles per parse/write batch (default 64).")] = None,
           day_first: DayFirstOpt = None, max_chars: MaxCharsOpt = None, processes: ProcessesOpt = None,
           server: Annotated[str | None, typer.Option(
               "--server", metavar="URL", show_default=False,
               help="Send the articles to a running `tidings serve --token` at URL (it holds the "
                    "database) instead of opening --db.")] = None,
           token: Annotated[str | None, typer.Option(
               "--token", envvar="TIDINGS_TOKEN", show_default=False,
               help="Bearer token of the server (with --server; also $TIDINGS_TOKEN).")] = None,
           fetch: Annotated[bool, typer.Option(
               "--fetch/--no-fetch", help="Follow feed items' links over HTTP (--no-fetch: read "
               "feed files from the text their items carry).")] = True,
           engine: EngineOpt = Engine.local, ray_address: RayAddressOpt = None,
           parquet_dir: ParquetDirOpt = None, load: LoadOpt = True) -> None:
    """Extract events from INPUT... (files, directories, feed or page URLs) and store them;
    already stored articles are skipped."""
    check_engine(engine, server, ray_address, parquet_dir, load)
    if server:
        _forward(inputs, server, token, date, max_chars)
        return
    settings = load_settings({"db_path": db, "batch_size": batch_size, "day_first": day_first,
                              "actor_files": tuple(str(p) for p in actors or ()),
                              "max_text_chars": max_chars, "processes": processes})
    kb = pipeline.load_kb(settings.actor_files)
    if engine is Engine.ray:
        return ingest_ray(inputs, settings, kb, date, fetch, ray_address, parquet_dir, load)
    progress = IngestProgress()
    from tidings.cli.sources_cmd import http_client

    client = http_client(max_chars=settings.max_text_chars) if fetch else None
    try:
        stats = pipeline.run(inputs, settings.db_path, default_date=date, kb=kb,
                             batch_size=settings.batch_size, progress=progress, model=settings.model,
                             day_first=settings.day_first, max_text_chars=settings.max_text_chars,
                             client=client, processes=_processes(settings))
    finally:
        progress.stop()
        if client is not None:
            client.close()
    for line in stats.reject_messages:
        print(f"tidings: rejected: {line}", file=sys.stderr)
    print(f"tidings: {stats.summary()} -> {settings.db_path}", file=sys.stderr)
    if stats.rejects:
        raise typer.Exit(EXIT_REJECTS)


@handles_errors
def extract(inputs: InputsArg, date: DateOpt = None, actors: ActorsOpt = None,
            fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")]
            = ExtractFormat.jsonl,
            explain: Annotated[bool, typer.Option(help="Add the dropped candidates and why.")] = False,
            day_first: DayFirstOpt = None, max_chars: MaxCharsOpt = None,
            processes: ProcessesOpt = None) -> None:
    """Extract events without a database: one JSON object per article on stdout."""
    settings = load_settings({"actor_files": tuple(str(p) for p in actors or ()), "day_first": day_first,
                              "max_text_chars": max_chars, "processes": processes})
    kb = pipeline.load_kb(settings.actor_files)
    rejected, rows = 0, []
    for item in pipeline.extract(inputs, default_date=date, kb=kb, batch_size=settings.batch_size,
                                 model=settings.model, day_first=settings.day_first,
                                 max_text_chars=settings.max_text_chars, processes=_processes(settings)):
        if isinstance(item, Reject):
            rejected += 1
            print(f"tidings: rejected: {item.describe()}", file=sys.stderr)
        elif fmt is ExtractFormat.jsonl:
            sys.stdout.write(json_line(item.to_json(explain)) + "\n")
        else:
            rows.extend(_event_rows(item))
    if fmt is ExtractFormat.table:
        import pyarrow as pa

        write_rows(pa.Table.from_pylist(rows, schema=_EVENT_SCHEMA), Format.table)
    sys.stdout.flush()
    if rejected:
        raise typer.Exit(EXIT_REJECTS)


def _processes(settings: Settings) -> int:
    return settings.processes or default_processes()


def _actor_label(actor) -> str:
    if actor is None:
        return ""
    return f"{actor.name} ({actor.code})" if actor.code else actor.name


def _event_rows(result) -> list[dict]:
    return [{"article": result.article.id, "date": e.date.isoformat(), "source": _actor_label(e.source),
             "cameo": e.cameo, "target": _actor_label(e.target), "evidence": e.evidence}
            for e in result.events]


def _schema():
    import pyarrow as pa

    return pa.schema([(n, pa.string()) for n in ("article", "date", "source", "cameo", "target", "evidence")])


_EVENT_SCHEMA = _schema()


def _forward(inputs: list[str], server: str, token: str | None, date, max_chars: int | None) -> None:
    """`ingest --server`: read and check locally, let the server parse and store."""
    from tidings.api.client import forward
    from tidings.ingest import read_inputs

    if not token:
        raise typer.BadParameter("--server needs --token (or $TIDINGS_TOKEN)", param_hint="--token")
    settings = load_settings({"max_text_chars": max_chars})
    local: list[str] = []

    def articles():
        for record in read_inputs(list(inputs), date, max_text_chars=settings.max_text_chars):
            if isinstance(record, Reject):
                local.append(record.describe())
                print(f"tidings: rejected: {record.describe()}", file=sys.stderr)
            else:
                yield record

    stats = forward(server, token, articles())
    for line in stats.server_rejects:
        print(f"tidings: rejected by the server: {line}", file=sys.stderr)
    print(f"tidings: {stats.summary()}, {len(local)} rejected here -> {server}", file=sys.stderr)
    if local or stats.server_rejects:
        raise typer.Exit(EXIT_REJECTS)
