"""Engines: the same batches and results whatever runs the parse; a single batch never starts
workers; the process count comes from flag, environment or tidings.toml like other settings."""
from __future__ import annotations

import datetime as dt
import gc
import multiprocessing

import pytest

from tidings.config import load_settings
from tidings.engine import GC_YOUNG_THRESHOLD, ExtractOptions, InProcess, default_processes, local_engine, settle
from tidings.engine.pool import ProcessPool
from tidings.models import Article


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{k}", date=dt.date(2025, 5, 1), text=f"Egypt hosted talks with Sudan on day {k}.")
            for k in range(n)]


def test_engine_in_process_yields_batches_in_input_order(nlp):
    got = list(InProcess(ExtractOptions(batch_size=2)).batches(_articles(5)))
    assert [[r.article.id for r in b] for b in got] == [["a0", "a1"], ["a2", "a3"], ["a4"]]


def test_engine_in_process_cuts_batches_by_characters_too(nlp):
    got = list(InProcess(ExtractOptions(batch_size=64, batch_chars=90)).batches(_articles(5)))
    assert [len(b) for b in got] == [2, 2, 1]


def test_engine_pool_parses_a_single_batch_without_workers(nlp):
    pool = ProcessPool(ExtractOptions(batch_size=8), processes=2)
    got = list(pool.batches(_articles(3)))
    want = list(InProcess(ExtractOptions(batch_size=8)).batches(_articles(3)))
    assert got == want and multiprocessing.active_children() == []
    assert list(pool.batches([])) == []


def test_engine_local_engine_picks_by_process_count():
    assert isinstance(local_engine(ExtractOptions(), 1), InProcess)
    assert isinstance(local_engine(ExtractOptions(), 3), ProcessPool)
    assert default_processes() >= 1


def test_engine_processes_from_flag_environment_and_config(tmp_path):
    toml = tmp_path / "tidings.toml"
    toml.write_text("[pipeline]\nprocesses = 3\n")
    assert load_settings(config_file=toml, environ={}).processes == 3
    env = {"TIDINGS_PIPELINE__PROCESSES": "2"}
    assert load_settings(config_file=toml, environ=env).processes == 2
    assert load_settings({"processes": 1}, config_file=toml, environ=env).processes == 1
    assert load_settings(config_file=tmp_path / "none.toml", environ={}).processes is None


@pytest.fixture
def unfrozen():
    """Each test starts and ends with nothing frozen and the collector's own thresholds,
    whatever ran before it."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def _tracked(obj: object) -> bool:
    """Whether the cyclic collector still walks `obj` (frozen objects are not listed)."""
    return any(o is obj for o in gc.get_objects())


def test_engine_in_process_freezes_the_loaded_model_out_of_collections(nlp, unfrozen):
    assert _tracked(nlp)
    list(InProcess(ExtractOptions()).batches(_articles(1)))
    assert gc.get_freeze_count() > 0 and not _tracked(nlp)


def test_engine_in_process_freezes_nothing_for_an_empty_input(nlp, unfrozen):
    assert list(InProcess(ExtractOptions()).batches([])) == []
    assert gc.get_freeze_count() == 0 and _tracked(nlp)


def test_engine_settle_collects_the_young_generation_less_often(nlp, unfrozen):
    gc.set_threshold(700, 10, 10)
    settle(ExtractOptions())
    assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, 10, 10)


def test_engine_settle_gives_the_same_results(nlp, unfrozen):
    before = [r for b in InProcess(ExtractOptions(batch_size=2)).batches(_articles(3)) for r in b]
    settle(ExtractOptions())
    after = [r for b in InProcess(ExtractOptions(batch_size=2)).batches(_articles(3)) for r in b]
    assert after == before and gc.get_freeze_count() > 0


def test_engine_pool_parent_imports_neither_spacy_nor_the_rules():
    """The parent of a worker pool reads, cuts batches and writes; the parse and the rules are
    the workers' (stop 24: importing them cost the parent 0.5 s of CPU before it could spawn)."""
    import subprocess
    import sys

    probe = ("import sys, datetime as dt; from tidings import pipeline; from tidings.engine.pool import ProcessPool; "
             "from tidings.extract import batches; from tidings.models import Article; "
             "list(batches([Article(id='a', date=dt.date(2025, 5, 1), text='Talks.')], 8)); "
             "print(sorted(m for m in ('spacy', 'thinc', 'tidings.extract.document', 'tidings.extract.kb.knowledge',"
             " 'tidings.nlp') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_engine_extract_package_still_offers_its_names():
    import tidings.extract as extract
    from tidings.extract.document import extract_doc
    from tidings.extract.kb.knowledge import KnowledgeBase

    assert extract.extract_doc is extract_doc and extract.KnowledgeBase is KnowledgeBase
    with pytest.raises(AttributeError):
        extract.no_such_name  # noqa: B018
