"""Engines: what turns a stream of articles into results, batch by batch, in input order.

This is the seam between reading/storing and parsing. `pipeline` hands an engine the
articles still to do and writes each batch it yields; it never asks how the parsing was
spread. Two local engines live here: `InProcess` (the parser in this process) and
`ProcessPool` (N worker processes, each loading the model once). Another engine, such as
one running on a cluster, plugs in by implementing `Engine.batches` with the same contract:
the same batches, in the same order, for the same input.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from tidings.engine.heap import keep_heap
from tidings.extract import BATCH_CHARS, batches, extract_batch
from tidings.models import Article, ArticleResult

if TYPE_CHECKING:
    from tidings.extract import KnowledgeBase

__all__ = ["GC_YOUNG_THRESHOLD", "Engine", "ExtractOptions", "InProcess", "default_processes", "local_engine", "settle"]


@dataclass(frozen=True)
class ExtractOptions:
    """What every worker needs to extract exactly as the parent would; picklable.

    `kb` is None for the packaged knowledge base (each process loads it itself) or a
    knowledge base built with extra actor files (sent to each worker once)."""

    kb: KnowledgeBase | None = None
    model: str | None = None
    batch_size: int = 64  # articles per spaCy batch, and per write transaction
    day_first: bool = True
    batch_chars: int = BATCH_CHARS  # characters per batch, so long texts keep memory flat


class Engine(Protocol):
    """Turns articles into results. Contract: batches are cut by `extract.batches` with the
    options' sizes, and each yielded list holds one batch's results in input order, batches
    in input order too; so the output is the same whatever the engine."""

    def batches(self, articles: Iterable[Article]) -> Iterator[list[ArticleResult]]: ...


def settle(options: ExtractOptions) -> None:
    """Load the model and knowledge base, then hide every object alive from the cyclic
    garbage collector (`gc.freeze`) and let its youngest generation fill up to
    `GC_YOUNG_THRESHOLD` allocations before a collection.

    Why: the model, knowledge base and verb patterns are about 230,000 tracked objects that
    live as long as the process, and extraction and the Arrow tables allocate fast enough to
    start a full collection every few batches, each walking them all again. Frozen, a
    collection walks only what the run itself made: the collector's time in a one-process
    ingest fell from 4% of the parse time to 1%. Objects frozen here that later become cyclic
    garbage are never freed; loaded once per process, they live until it exits anyway.

    It also keeps the parser's memory mapped between batches (`heap.keep_heap`): the heap was
    given back to the kernel after most batches and faulted in again by the next one.
    """
    keep_heap()
    extract_batch([], kb=options.kb, model=options.model)
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


# Allocations between two collections of the youngest generation (Python's default is 700).
# Extraction builds one object per token (`extract.tokens`) and its rules many short-lived
# ones, so at 700 the collector ran about 500 times per 1,000 articles, promoting tokens still
# in use to older generations that later walks had to cross again: 0.25-0.30 s of CPU for
# 1,000 articles (8% of extraction). At 10,000 it runs 15 times and costs 0.07-0.13 s; the
# objects it frees are the same, only later.
GC_YOUNG_THRESHOLD = 10_000


class InProcess:
    """Parse in this process: today's path, and the one used for `--processes 1`."""

    def __init__(self, options: ExtractOptions) -> None:
        self.options = options

    def batches(self, articles: Iterable[Article]) -> Iterator[list[ArticleResult]]:
        o = self.options
        settled = False
        for batch in batches(articles, o.batch_size, o.batch_chars):
            if not settled:  # not before the first batch: an empty input loads no model
                settle(o)
                settled = True
            yield extract_batch(batch, kb=o.kb, model=o.model, day_first=o.day_first)


def default_processes() -> int:
    """Every core this process may run on (the affinity mask, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def local_engine(options: ExtractOptions, processes: int = 1) -> Engine:
    """`InProcess` for one process, else a `ProcessPool` of `processes` workers."""
    if processes <= 1:
        return InProcess(options)
    from tidings.engine.pool import ProcessPool

    return ProcessPool(options, processes)
