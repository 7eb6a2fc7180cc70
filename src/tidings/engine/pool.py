"""`ProcessPool`: parse on N worker processes, results back in input order, memory bounded.

Why this shape. spaCy's parse is the cost and it is CPU-bound, so one process per core.
Each worker loads the model and knowledge base once (in its initializer) and then takes
whole batches, cut by the parent with `extract.batches` exactly as `InProcess` cuts them, so
every article is parsed in the same batch as with one process and the output is identical.
The parent keeps at most `window` batches in flight (two per worker: one being parsed, one
queued) and yields them strictly in submission order; a slow batch holds back the ones
after it rather than letting them pile up, so memory does not grow with the input.

Workers start lazily: an input that fits in one batch is parsed in this process, because
starting a worker costs a model load (about 2 s) that a single batch never pays back.
Workers ignore Ctrl-C (the parent handles it and stops them) and exit on their own when
the parent dies (`kill -9`), so no orphan keeps parsing.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tidings.engine import ExtractOptions, InProcess, settle
from tidings.errors import Errors, ExtractError
from tidings.extract import batches, extract_batch
from tidings.models import Article, ArticleResult

_options: ExtractOptions | None = None  # the worker's own copy, set once by `_start_worker`


def _watch_parent(parent: int) -> None:
    """Exit this worker when its parent is gone (re-parented), instead of waiting forever."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_worker(options: ExtractOptions, parent: int) -> None:
    """Worker initializer: ignore Ctrl-C, watch the parent, load model and knowledge base
    (and freeze them out of the garbage collector's walks, see `settle`)."""
    global _options  # one per worker process, written once here: the worker's configuration
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _options = options
    settle(options)  # load both now, not on the first batch


def _extract(batch: list[Article]) -> list[ArticleResult]:
    o = _options
    return extract_batch(batch, kb=o.kb, model=o.model, day_first=o.day_first)


class ProcessPool:
    """`processes` spawned workers; the caller (the single writer) consumes `batches`."""

    def __init__(self, options: ExtractOptions, processes: int, window: int | None = None) -> None:
        self.options = options
        self.processes = processes
        self.window = window or 2 * processes

    def batches(self, articles: Iterable[Article]) -> Iterator[list[ArticleResult]]:
        o = self.options
        cut = batches(articles, o.batch_size, o.batch_chars)
        first = next(cut, None)
        if first is None:
            return
        second = next(cut, None)
        if second is None:  # one batch: not worth starting workers
            yield from InProcess(o).batches(first)
            return
        yield from self._run(itertools.chain((first, second), cut))

    def _run(self, work: Iterator[list[Article]]) -> Iterator[list[ArticleResult]]:
        executor = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start_worker, initargs=(self.options, os.getpid()))
        inflight: deque[Future] = deque()
        try:
            for batch in work:
                inflight.append(executor.submit(_extract, batch))
                if len(inflight) >= self.window:
                    yield _result(inflight.popleft(), self.processes)
            while inflight:
                yield _result(inflight.popleft(), self.processes)
        finally:
            for future in inflight:
                future.cancel()
            executor.shutdown(wait=True, cancel_futures=True)


def _result(future: Future, processes: int) -> list[ArticleResult]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ExtractError(Errors.E302.format(processes=processes)) from exc
