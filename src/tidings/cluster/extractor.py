"""The stateful worker of the Ray pipeline: one per actor, it loads the spaCy pipeline and
the knowledge base once and then turns batches of articles into store rows.

Rows are built by `tidings.store.tables.result_tables`, the function the local engine writes
with, so both engines store the same rows. Workers never open the DuckDB file.
"""
from __future__ import annotations

import pyarrow as pa

from tidings.cluster.batches import pack, table_articles
from tidings.engine import ExtractOptions, settle
from tidings.extract import KnowledgeBase, extract_stream, load_kb
from tidings.store.parquet import SEQ
from tidings.store.tables import result_tables


class ExtractorActor:
    """Callable class for `Dataset.map_batches`: Arrow batch of articles in, one packed row out.

    `kb` travels pickled from the driver, so `--actors` files need not exist on the workers.
    """

    def __init__(self, kb: KnowledgeBase | None = None, model: str | None = None,
                 day_first: bool = True) -> None:
        from tidings.nlp import DEFAULT_MODEL

        self.model = model or DEFAULT_MODEL
        self.kb = kb if kb is not None else load_kb()
        self.day_first = day_first
        # once per actor (the reason this is a class and not a function): load the model and
        # hide it and the knowledge base from the cyclic collector, as the local engines do
        settle(ExtractOptions(kb=self.kb, model=self.model, day_first=day_first))

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles, seqs = table_articles(batch)
        results = list(extract_stream(articles, kb=self.kb, model=self.model,
                                      batch_size=max(1, len(articles)), day_first=self.day_first))
        tables = result_tables(results)
        tables["articles"] = tables["articles"].append_column(SEQ, pa.array(seqs, pa.int64()))
        return pack(tables)
