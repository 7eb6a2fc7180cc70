"""Extraction: a pure function from a parsed document and its article to typed records.

`extract_doc` reads nothing global: the knowledge base is passed in. `extract_stream`
parses articles in batches with spaCy and yields one `ArticleResult` each.

The rules, spaCy and the knowledge base are imported on first use (`__getattr__` below), not
with this package: the parent of a worker pool imports it only to cut batches (`batches`),
and importing the extractor there cost it 0.6-0.7 s of CPU (spaCy alone 0.5 s) that only
the workers need, before it could start them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from tidings.models import Article, ArticleResult

if TYPE_CHECKING:
    from tidings.extract.document import extract_doc
    from tidings.extract.kb.knowledge import KnowledgeBase
    from tidings.extract.kb.loader import load_kb


def __getattr__(name: str):
    """`extract_doc`, `KnowledgeBase` and `load_kb`, imported when first asked for."""
    if name == "extract_doc":
        from tidings.extract.document import extract_doc as value
    elif name == "KnowledgeBase":
        from tidings.extract.kb.knowledge import KnowledgeBase as value
    elif name == "load_kb":
        from tidings.extract.kb.loader import load_kb as value
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = ["BATCH_CHARS", "KnowledgeBase", "batches", "extract_batch", "extract_doc", "extract_stream", "load_kb"]


# Characters parsed together in one spaCy batch. spaCy holds every Doc of a batch at once,
# so a batch of 64 long texts would cost gigabytes; a character budget keeps memory flat
# whatever the mix of short and long articles (short news batches stay 64 articles long).
BATCH_CHARS = 400_000


def batches(articles: Iterable[Article], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Cut `articles` into batches of at most `size` articles and `max_chars` characters (an
    article longer than that is a batch of its own). Every engine cuts with this function,
    so a batch, and hence the parse, is the same whichever process parses it."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def extract_batch(batch: Sequence[Article], kb=None, model: str | None = None,
                  day_first: bool = True) -> list[ArticleResult]:
    """Parse `batch` as one spaCy batch and return one result per article, in order."""
    from tidings.extract.document import extract_doc
    from tidings.extract.kb.loader import load_kb
    from tidings.extract.time.dateline import for_parser
    from tidings.nlp import DEFAULT_MODEL, load_nlp

    nlp = load_nlp(model or DEFAULT_MODEL)
    kb = kb if kb is not None else load_kb()
    pairs = ((for_parser(a.text), a) for a in batch)
    return [extract_doc(doc, article, kb, day_first=day_first)
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=max(1, len(batch)))]


def extract_stream(articles: Iterable[Article], kb=None, model: str | None = None,
                   batch_size: int = 32, day_first: bool = True,
                   batch_chars: int = BATCH_CHARS) -> Iterator[ArticleResult]:
    """Parse `articles` in batches of at most `batch_size` articles and `batch_chars`
    characters, and yield one result per article, in input order."""
    for batch in batches(articles, batch_size, batch_chars):
        yield from extract_batch(batch, kb=kb, model=model, day_first=day_first)
