"""Extraction: a pure function from a parsed document and its article to typed records.

`extract_doc` reads nothing global: the knowledge base is passed in. `extract_stream`
parses articles in batches with spaCy and yields one `ArticleResult` each.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from tidings.models import Article, ArticleResult


from tidings.extract.document import extract_doc
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.extract.kb.loader import load_kb

__all__ = ["extract_doc", "extract_stream", "load_kb", "KnowledgeBase"]


def extract_stream(articles: Iterable[Article], kb=None, model: str | None = None,
                   batch_size: int = 32, day_first: bool = True) -> Iterator[ArticleResult]:
    """Parse `articles` in batches and yield one result per article, in input order."""
    from tidings.nlp import DEFAULT_MODEL, load_nlp

    nlp = load_nlp(model or DEFAULT_MODEL)
    kb = kb if kb is not None else load_kb()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article, kb, day_first=day_first)
