"""The `tidings` command: a thin shell over `tidings.pipeline` and `tidings.query`.

Exit codes: 0 success, 1 a TidingsError, 2 a usage error, 3 some records rejected.
"""
from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from tidings import __version__
from tidings.cli import actor_cmd, cluster_cmd, ingest_cmd, query_cmd, score_cmd, serve_cmd, sources_cmd

app = typer.Typer(name="tidings", no_args_is_help=True, add_completion=False,
                  help="Dated news reports in; coded political events, actors, dates and quotes out.")


def _version(value: bool) -> None:
    if value:
        print(f"tidings {__version__}")
        raise typer.Exit()


@app.callback()
def main(verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                             help="More log output on stderr (-vv for debug).")] = 0,
         quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
         version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """Set up logging once for the whole process; all of it goes to stderr."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, stream=sys.stderr, force=True,
                        format="tidings: %(levelname)s: %(name)s: %(message)s")


app.command()(ingest_cmd.extract)
app.command()(ingest_cmd.ingest)
app.command()(cluster_cmd.load)
app.command()(query_cmd.events)
app.command()(query_cmd.quotes)
app.command()(query_cmd.timeline)
app.command()(query_cmd.summary)
app.command()(actor_cmd.actors)
app.command()(actor_cmd.actor)
app.command()(query_cmd.rejects)
app.command()(score_cmd.score)
app.command()(serve_cmd.serve)
app.command()(serve_cmd.report)
app.command()(sources_cmd.watch)
app.command()(sources_cmd.export)
app.command()(sources_cmd.show)
