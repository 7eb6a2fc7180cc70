"""Arrow shapes between the driver and the workers keep every row and type of every table."""
from __future__ import annotations

import datetime as dt

import pyarrow as pa

from tidings.cluster.batches import RESULT_TABLES, articles_table, pack, table_articles, unpack
from tidings.store.parquet import SEQ, schema_of
from tidings.store.tables import result_tables


def test_batches_articles_round_trip_with_their_input_positions(result_factory):
    articles = [result_factory(f"a{n}", dt.date(2025, 5, n + 1)).article for n in range(3)]
    back, seqs = table_articles(articles_table(articles, 10))
    assert back == articles and seqs == [10, 11, 12]


def test_batches_pack_unpack_keeps_every_table(result_factory):
    tables = result_tables([result_factory("a1", events=2, quotes=1), result_factory("a2", events=0, quotes=0)])
    tables["articles"] = tables["articles"].append_column(SEQ, pa.array([0, 1], pa.int64()))
    block = pa.concat_tables([pack(tables), pack({n: schema_of(n).empty_table() for n in RESULT_TABLES})])
    assert block.num_rows == 2  # one row per worker batch
    back = unpack(block)
    for name in RESULT_TABLES:
        assert back[name].schema == schema_of(name)
        assert back[name].to_pylist() == tables[name].to_pylist(), name
