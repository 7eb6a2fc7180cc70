"""Fixtures for the extraction tests: the packaged knowledge base and a cached `extract` helper
that runs the real pipeline (the session `nlp` from the root conftest) on one short text."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tidings.extract import extract_doc, load_kb
from tidings.extract.time.dateline import for_parser
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.models import Article, ArticleResult

THURSDAY = dt.date(2025, 5, 1)  # the seed article's date


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def parse(nlp) -> Callable:
    """Parse a text once per session; several tests may look at the same sentence."""
    cache: dict[str, object] = {}

    def run(text: str):
        if text not in cache:
            cache[text] = nlp(for_parser(text))
        return cache[text]

    return run


@pytest.fixture(scope="session")
def extract(parse, kb) -> Callable[..., ArticleResult]:
    """`extract(text, date=THURSDAY)` → the `ArticleResult` of a one-text article."""

    def run(text: str, date: dt.date = THURSDAY) -> ArticleResult:
        return extract_doc(parse(text), Article(id="t1", date=date, text=text), kb)

    return run
