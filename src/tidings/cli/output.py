"""The one output helper every command uses: an Arrow table to table/jsonl/json/csv/tsv/parquet.

Results go to stdout (or `-o FILE`); nothing else is written there.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import IO

import pyarrow as pa

from tidings.errors import Errors, OutputError


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(_plain(value))


def json_line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_plain)


def render_table(table: pa.Table, out: IO[str], title: str | None = None) -> None:
    """A rich table for people; wide text columns fold instead of being cut."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=None if out.isatty() else 200, soft_wrap=False)
    view = Table(title=title, show_lines=False, header_style="bold")
    for name in table.column_names:
        view.add_column(name, overflow="fold", max_width=60)
    for row in table.to_pylist():
        view.add_row(*(" ".join(_cell(v).split()) for v in row.values()))
    console.print(view)
    if table.num_rows == 0:
        console.print("(no rows)", style="dim")


def open_output(path: Path, mode: str) -> IO:
    """Open an output file, or raise one OutputError line naming it (missing folder, no
    permission, a directory in the way) instead of an OSError traceback."""
    try:
        if "b" in mode:
            return open(path, mode)
        return open(path, mode, encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(Errors.E206.format(path=path, problem=exc.strerror or type(exc).__name__),
                          path=str(path)) from exc


def write_rows(table: pa.Table, fmt: Format, output: Path | None = None,
               title: str | None = None, table_columns: list[str] | None = None) -> None:
    """Write `table` in `fmt` to `output`, or stdout when it is None.

    `table_columns` narrows only the human `table` format; machine formats keep every column.
    """
    if fmt is Format.table and table_columns:
        table = table.select([c for c in table_columns if c in table.column_names])
    if fmt is Format.parquet:
        import pyarrow.parquet as pq

        if output is None:
            pq.write_table(table, sys.stdout.buffer)
            return
        with open_output(output, "wb") as binary:
            pq.write_table(table, binary)
        return
    handle = open_output(output, "w") if output else sys.stdout
    try:
        if fmt is Format.table:
            render_table(table, handle, title)
        elif fmt is Format.jsonl:
            for row in table.to_pylist():
                handle.write(json_line(row) + "\n")
        elif fmt is Format.json:
            handle.write(json.dumps(table.to_pylist(), ensure_ascii=False, default=_plain, indent=1) + "\n")
        else:
            writer = csv.writer(handle, delimiter="\t" if fmt is Format.tsv else ",", lineterminator="\n")
            writer.writerow(table.column_names)
            for row in table.to_pylist():
                writer.writerow([_cell(v) for v in row.values()])
    finally:
        if output:
            handle.close()
        else:
            handle.flush()
