"""`tidings ingest --engine ray` and `tidings load`: the Ray engine's options, its run, and
loading its Parquet partitions into a database."""
from __future__ import annotations

import contextlib
import logging
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.options import EXIT_REJECTS, DbOpt, handles_errors
from tidings.config import Settings, load_settings


class Engine(str, Enum):
    local = "local"
    ray = "ray"


EngineOpt = Annotated[Engine, typer.Option(
    "--engine", help="local: this process. ray: a Ray Data pipeline on a local Ray instance or on "
    "the cluster at --ray-address, writing Parquet partitions, then loading them into --db "
    "(needs `pip install 'tidings\\[ray]'`).")]
RayAddressOpt = Annotated[str | None, typer.Option(
    "--ray-address", metavar="ADDRESS", show_default=False,
    help="With --engine ray: join this cluster (HOST:PORT of the head node, ray://HOST:10001, or "
         "auto) instead of starting a local Ray instance.")]
ParquetDirOpt = Annotated[Path | None, typer.Option(
    "--parquet-dir", metavar="DIR", file_okay=False, show_default=False,
    help="With --engine ray: keep the Parquet partitions here, DIR/<table>/part-NNNNN.parquet "
         "(default: a temporary folder, removed after loading).")]
LoadOpt = Annotated[bool, typer.Option(
    "--load/--no-load", help="With --engine ray: load the partitions into --db at the end "
    "(--no-load only writes them; needs --parquet-dir; `tidings load DIR` later).")]


def check_engine(engine: Engine, server: str | None, ray_address: str | None,
                 parquet_dir: Path | None, load: bool) -> None:
    """Options that do not go with the engine are a usage error, never silently ignored."""
    if engine is Engine.ray:
        if server:
            raise typer.BadParameter("--server sends articles to a server; it does not go with --engine ray",
                                     param_hint="--engine")
        if not load and parquet_dir is None:
            raise typer.BadParameter("--no-load needs --parquet-dir (where the partitions are kept)",
                                     param_hint="--no-load")
        return
    given = [name for name, value in (("--ray-address", ray_address), ("--parquet-dir", parquet_dir),
                                      ("--no-load", not load)) if value]
    if given:
        raise typer.BadParameter(f"{', '.join(given)} only apply with --engine ray", param_hint="--engine")


def ingest_ray(inputs: list[str], settings: Settings, kb, date, fetch: bool, ray_address: str | None,
               parquet_dir: Path | None, load: bool) -> None:
    """Run the Ray engine, report like the local engine, exit 3 when records were rejected."""
    from tidings import cluster
    from tidings.cli.sources_cmd import http_client

    verbose = logging.getLogger().getEffectiveLevel() < logging.WARNING  # -v or -vv
    options = cluster.RayOptions(address=ray_address, progress=sys.stderr.isatty(), quiet_ray=not verbose)
    client = http_client(max_chars=settings.max_text_chars) if fetch else None
    with client or contextlib.nullcontext(), tempfile.TemporaryDirectory(prefix="tidings-parquet-") as scratch:
        folder = parquet_dir or Path(scratch)
        stats, loaded = cluster.run(inputs, folder, settings.db_path if load else None, options,
                                    default_date=date, kb=kb, batch_size=settings.batch_size,
                                    model=settings.model, day_first=settings.day_first,
                                    max_text_chars=settings.max_text_chars, client=client)
    for line in stats.reject_messages:
        print(f"tidings: rejected: {line}", file=sys.stderr)
    where = f"{settings.db_path}" if loaded else f"{folder}"
    kept = f" (partitions in {folder})" if loaded and parquet_dir else ""
    print(f"tidings: {stats.summary()} -> {where}{kept}", file=sys.stderr)
    if stats.rejects:
        raise typer.Exit(EXIT_REJECTS)


@handles_errors
def load(parquet_dir: Annotated[Path, typer.Argument(
             metavar="DIR", exists=True, file_okay=False,
             help="Folder of Parquet partitions written by `tidings ingest --engine ray --parquet-dir DIR`.")],
         db: DbOpt = None) -> None:
    """Load Parquet partitions written by the Ray engine into the database, in one
    transaction; articles already stored are skipped."""
    from tidings.store import Store

    path = load_settings({"db_path": db}).db_path
    with Store(path) as store:
        stats = store.load_parquet(parquet_dir)
    print(f"tidings: {stats.summary()} -> {path}", file=sys.stderr)
