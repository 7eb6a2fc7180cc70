"""Options shared by several commands, defined once (like sqlite-utils' output_options),
and the wrapper that turns library errors into exit codes."""
from __future__ import annotations

import datetime as dt
import errno
import functools
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import click
import typer

from tidings.cli.output import Format
from tidings.config import load_settings
from tidings.errors import TidingsError

# typer may vendor its own click: its usage errors then are not click's own classes
CLICK_ERRORS = tuple({click.exceptions.ClickException,
                      *(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")})

EXIT_ERROR = 1
EXIT_REJECTS = 3
EXIT_INTERRUPTED = 130
# a full disk, a quota, a read-only or failing device: the output cannot be written, no bug
WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def _date(value: str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    """A reversed range is a usage error, as the API's 422, not an empty answer."""
    if since and until and since > until:
        raise typer.BadParameter(f"--since {since} is after --until {until}; nothing can match",
                                 param_hint="'--since' / '--until'")


DbOpt = Annotated[str | None, typer.Option(
    "--db", help="DuckDB file (default: $TIDINGS_DB, store.db in tidings.toml, or ./tidings.duckdb).",
    show_default=False)]
DateOpt = Annotated[dt.date | None, typer.Option(
    "--date", parser=_date, metavar="YYYY-MM-DD",
    help="Date for records without one (text files without a 'date' header, JSONL/CSV rows without date).")]
SinceOpt = Annotated[dt.date | None, typer.Option("--since", parser=_date, metavar="YYYY-MM-DD",
                                                  help="Only on or after this date.")]
UntilOpt = Annotated[dt.date | None, typer.Option("--until", parser=_date, metavar="YYYY-MM-DD",
                                                  help="Only on or before this date.")]
CountryOpt = Annotated[str | None, typer.Option(
    "--country", help="ISO alpha-3 or CAMEO IGO code, matched on source or target (e.g. IND).")]
MAX_ROWS = 2**62  # DuckDB's LIMIT is a signed 64-bit integer; a larger value is a usage error
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, max=MAX_ROWS, help="At most this many rows.")]
MaxCharsOpt = Annotated[int | None, typer.Option(
    "--max-chars", min=1, max=10_000_000, metavar="N",
    help="Reject article texts longer than N characters without parsing them (default 100000; "
         "also [ingest] max_text_chars in tidings.toml or TIDINGS_INGEST__MAX_TEXT_CHARS).",
    show_default=False)]
ProcessesOpt = Annotated[int | None, typer.Option(
    "--processes", "-j", min=1, max=1024, metavar="N", show_default=False,
    help="Parse on N worker processes, each loading the model once (default: one per core; "
         "also [pipeline] processes in tidings.toml or TIDINGS_PIPELINE__PROCESSES). 1 parses in "
         "this process. The output is the same for every N.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Write results to FILE, not stdout.",
                                                dir_okay=False, writable=True)]
InputsArg = Annotated[list[str], typer.Argument(
    metavar="INPUT", help="Files (.jsonl, .json, .csv, .tsv, .txt), directories, or - for JSONL on stdin.",
    show_default=False)]
DayFirstOpt = Annotated[bool | None, typer.Option(
    "--day-first/--month-first", show_default=False,
    help="Read an ambiguous numeric date such as 04/05/2025 as 4 May (default) or as April 5. "
         "Also [time] day_first in tidings.toml or TIDINGS_TIME__DAY_FIRST.")]
ActorsOpt = Annotated[list[Path] | None, typer.Option(
    "--actors", exists=True, dir_okay=False, help="Extra actor dictionary file (repeatable).")]


def db_path(db: str | None) -> str:
    """Flag > environment > tidings.toml > default."""
    return load_settings({"db_path": db}).db_path


F = TypeVar("F", bound=Callable)


def handles_errors(func: F) -> F:
    """Turn every failure into one line on stderr and an exit code; no traceback reaches a user.

    A TidingsError is the expected kind (exit 1). Anything else is a bug: it is logged with
    its traceback at debug level (`-vv` shows it) and reported in one line, also exit 1.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, *CLICK_ERRORS):
            raise
        except TidingsError as exc:
            print(f"tidings: error: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_ERROR) from exc
        except BrokenPipeError:
            # the reader went away (`tidings events | head`): stop quietly, like other Unix tools
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_ERROR) from None
        except OSError as exc:
            if exc.errno not in WRITE_ERRNOS:
                _unexpected(exc)
            where = exc.filename or "the output"
            print(f"tidings: error: Cannot write {where}: {exc.strerror}. Free some space or write "
                  f"somewhere else (-o FILE); what was written there is incomplete.", file=sys.stderr)
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            print("tidings: interrupted; what was committed is kept, rerun to resume", file=sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:  # the last line of defence: report, never dump a traceback
            _unexpected(exc)

    return wrapper  # type: ignore[return-value]


def _unexpected(exc: Exception) -> None:
    logging.getLogger("tidings").debug("unexpected error", exc_info=True)
    print(f"tidings: error: unexpected {type(exc).__name__}: {exc}. This is a bug in tidings; "
          f"rerun with -vv for the details and report them.", file=sys.stderr)
    raise typer.Exit(EXIT_ERROR) from None
