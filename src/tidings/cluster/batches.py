"""Arrow shapes that cross between the Ray driver and its workers.

Articles go out as one Arrow table per chunk (`articles_table`) and come back from each
worker batch as one row holding every store table of that batch (`pack`): column `events`
is a list of `events` rows, and so on. One output row per batch keeps Ray's block format a
single schema while each store table keeps its own columns; `unpack` turns a block back
into one Arrow table per store table, with exactly the columns `tidings.store` writes.
"""
from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from tidings.models import Article
from tidings.store.parquet import SEQ, schema_of
from tidings.store.tables import CHILD_TABLES

RESULT_TABLES = ("articles", *CHILD_TABLES)

ARTICLE_INPUT = pa.schema([("id", pa.string()), ("date", pa.date32()), ("text", pa.string()),
                           ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
                           ("origin", pa.string()), ("author", pa.string()), (SEQ, pa.int64())])

PACKED = pa.schema([(name, pa.list_(pa.struct(list(schema_of(name))))) for name in RESULT_TABLES])


def articles_table(articles: Sequence[Article], first_seq: int) -> pa.Table:
    """Articles as the Arrow table a worker receives; `input_seq` numbers them from `first_seq`."""
    rows = [{**a.model_dump(), SEQ: first_seq + n} for n, a in enumerate(articles)]
    return pa.Table.from_pylist(rows, schema=ARTICLE_INPUT)


def table_articles(table: pa.Table) -> tuple[list[Article], list[int]]:
    """The articles of a worker's batch and their input positions."""
    rows = table.select(ARTICLE_INPUT.names).to_pylist()
    return [Article(**{k: v for k, v in r.items() if k != SEQ}) for r in rows], [r[SEQ] for r in rows]


def pack(tables: dict[str, pa.Table]) -> pa.Table:
    """One row: for each store table, the list of its rows in this batch."""
    columns = []
    for name in RESULT_TABLES:
        data = tables[name].select(schema_of(name).names).cast(schema_of(name))
        values = pa.StructArray.from_arrays([c.combine_chunks() for c in data.columns],
                                            fields=list(schema_of(name)))
        columns.append(pa.ListArray.from_arrays(pa.array([0, len(values)], pa.int32()), values))
    return pa.Table.from_arrays(columns, schema=PACKED)


def unpack(block: pa.Table) -> dict[str, pa.Table]:
    """Every store table's rows in a block of packed rows."""
    out = {}
    for name in RESULT_TABLES:
        chunks = [chunk.flatten() for chunk in block.column(name).chunks]
        values = pa.chunked_array(chunks, type=pa.struct(list(schema_of(name))))
        out[name] = pa.Table.from_struct_array(values) if len(values) else schema_of(name).empty_table()
    return out
