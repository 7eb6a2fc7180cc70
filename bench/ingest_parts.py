#!/usr/bin/env python
"""Where one-process ingest spends its CPU beyond the parse, batch by batch, paired with the
bare parse of the same batch so other jobs' load hits both sides alike.

    python bench/ingest_parts.py [--articles 600] [--batch-size 64]   (400 or more: the first
    batches carry one-off costs)

For each batch of the synthetic corpus (`throughput.py`'s): bare `nlp.pipe` of the texts, and
the ingest path of `InProcess` (the id lookup, `extract_batch`, `Store.write_batch`), in
alternating order (the first parse of a text can cost more than the second). It prints each
part's CPU seconds and its share of the bare parse: the parse inside ingest, extraction
(`extract_doc`), store writes, the cyclic garbage collector (`gc.callbacks`) and reading.
CPU time, not wall: on a shared machine the wall clock measures the other jobs too.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (the corpus generator, next to this file)


def main() -> None:
    import tidings.extract as extract
    from tidings import pipeline
    from tidings.engine import ExtractOptions, settle
    from tidings.ingest import read_inputs
    from tidings.models import Article
    from tidings.nlp import DEFAULT_MODEL, load_nlp
    from tidings.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    cpu: Counter[str] = Counter()
    phase = ["other"]
    started: list[float] = []

    def on_gc(stage: str, info: dict) -> None:
        if stage == "start":
            started[:] = [time.process_time()]
        elif started:
            cpu[f"gc during {phase[0]}"] += time.process_time() - started[0]

    extract_doc = extract.extract_doc

    def timed_extract(*a, **k):  # extract_batch looks extract_doc up in its module at each call
        t = time.process_time()
        try:
            return extract_doc(*a, **k)
        finally:
            cpu["extraction"] += time.process_time() - t

    with tempfile.TemporaryDirectory(prefix="tidings-parts-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = throughput.write_corpus(corpus, args.articles)
        nlp = load_nlp(DEFAULT_MODEL)
        settle(ExtractOptions())  # what InProcess does before its first batch
        extract.extract_doc = timed_extract
        gc.callbacks.append(on_gc)
        t = time.process_time()
        articles = [r for r in read_inputs([str(corpus)]) if isinstance(r, Article)]
        cpu["reading"] = time.process_time() - t
        extract_doc(*next(nlp.pipe([(articles[0].text, articles[0])], as_tuples=True)))  # first-call costs
        with Store(Path(tmp) / "parts.duckdb", memory_limit=pipeline.WRITER_MEMORY_LIMIT,
                   threads=pipeline.WRITER_THREADS) as store:
            def bare(batch: list[Article]) -> None:
                phase[0] = "bare parse"
                t = time.process_time()
                for _ in nlp.pipe([a.text for a in batch], batch_size=args.batch_size):
                    pass
                cpu["bare parse"] += time.process_time() - t

            def ingest(batch: list[Article]) -> None:
                phase[0] = "ingest"
                t = time.process_time()
                store.known_ids(a.id for a in batch)
                results = extract.extract_batch(batch)
                w = time.process_time()
                store.write_batch(results)
                cpu["store writes"] += time.process_time() - w
                cpu["ingest"] += time.process_time() - t

            for n, batch in enumerate(extract.batches(articles, args.batch_size)):
                for step in ((bare, ingest) if n % 2 else (ingest, bare)):
                    step(batch)
        gc.callbacks.remove(on_gc)
    base = cpu["bare parse"]
    cpu["parse inside ingest"] = cpu["ingest"] - cpu["extraction"] - cpu["store writes"]
    print(f"{args.articles} articles, {words} words; load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    for name in ("bare parse", "parse inside ingest", "extraction", "store writes", "reading",
                 "gc during ingest", "gc during bare parse"):
        print(f"  {name:22s} {cpu[name]:7.2f} s CPU  {cpu[name] / base:6.3f} of the bare parse")
    print(f"  ratio bare / (ingest + reading) {base / (cpu['ingest'] + cpu['reading']):.3f} (CPU)")


if __name__ == "__main__":
    main()
