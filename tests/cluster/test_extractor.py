"""The actor's rows are the rows the local engine would write for the same articles; called
directly, without Ray, on the session's spaCy pipeline."""
from __future__ import annotations

import datetime as dt
import gc

import pyarrow as pa
import pytest

from tidings.cluster.batches import articles_table, unpack
from tidings.cluster.extractor import ExtractorActor
from tidings.extract import extract_stream
from tidings.ingest import read_inputs
from tidings.models import Article
from tidings.store.parquet import SEQ
from tidings.store.tables import result_tables

WHEN = {"ingested_at"}


@pytest.fixture(autouse=True)
def unfrozen():
    """The actor freezes what it loaded (`engine.settle`); each test leaves nothing frozen."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def _plain(table: pa.Table) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in WHEN} for row in table.to_pylist()]


def test_extractor_rows_equal_the_local_engine_rows(nlp, fixtures):
    articles = [r for r in read_inputs([str(fixtures / "articles.jsonl")]) if isinstance(r, Article)]
    assert len(articles) >= 3
    got = unpack(ExtractorActor()(articles_table(articles, 100)))
    expected = result_tables(list(extract_stream(articles)))
    assert got["articles"].column(SEQ).to_pylist() == list(range(100, 100 + len(articles)))
    for name, table in expected.items():
        assert _plain(got[name].drop([SEQ]) if name == "articles" else got[name]) == _plain(table), name
    assert sum(len(got[n]) for n in ("events", "quotes")) > 0


def test_extractor_honours_month_first(nlp):
    article = Article(id="d", date=dt.date(2025, 6, 1), text="India and Pakistan signed an agreement on 04/05/2025.")
    day_first = unpack(ExtractorActor()(articles_table([article], 0)))["timexes"].to_pylist()
    month_first = unpack(ExtractorActor(day_first=False)(articles_table([article], 0)))["timexes"].to_pylist()
    assert [t["value"] for t in day_first] == ["2025-05-04"]
    assert [t["value"] for t in month_first] == ["2025-04-05"]


def test_extractor_settles_like_the_local_engines(nlp):
    """The actor loads the model and knowledge base once and freezes them out of the cyclic
    collector's walks, as `InProcess` and each pool worker do."""
    assert gc.get_freeze_count() == 0
    actor = ExtractorActor()
    assert gc.get_freeze_count() > 0 and not any(o is nlp for o in gc.get_objects())
    assert not any(o is actor.kb for o in gc.get_objects())
