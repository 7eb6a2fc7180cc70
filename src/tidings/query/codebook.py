"""CAMEO code names for display, read from the packaged `data/cameo.tsv` if it is there."""
from __future__ import annotations

import csv
import functools
import importlib.resources
import io

import pyarrow as pa

NAMES_SCHEMA = pa.schema([("code", pa.string()), ("name", pa.string())])


@functools.lru_cache(maxsize=1)
def cameo_names() -> pa.Table:
    """(code, name) rows; empty when the codebook is absent, so queries still run."""
    try:
        text = importlib.resources.files("tidings").joinpath("data", "cameo.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return NAMES_SCHEMA.empty_table()
    rows = [{"code": r.get("code"), "name": r.get("name")}
            for r in csv.DictReader(io.StringIO(text), delimiter="\t") if r.get("code")]
    return pa.Table.from_pylist(rows, schema=NAMES_SCHEMA)
