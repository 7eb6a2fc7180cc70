#!/usr/bin/env python
"""Throughput of full extraction (`extract_stream`) against bare spaCy `nlp.pipe` on the
same texts in the same process, and peak memory.

    python bench/bench_extract.py [--repeat N] [--batch-size B] [INPUT ...]

INPUT defaults to examples/ (falling back to the seed article when it is empty).
Both runs parse identical texts; the ratio shows what our rules cost on top of spaCy.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from tidings.extract import extract_stream
from tidings.ingest import read_inputs
from tidings.models import Article
from tidings.nlp import DEFAULT_MODEL, load_nlp

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "gold" / "seed_article.txt"


def corpus(inputs: list[str], repeat: int) -> list[Article]:
    """The articles, repeated `repeat` times with distinct ids (ids do not affect parsing)."""
    paths = inputs or [str(ROOT / "examples")]
    articles = [r for r in read_inputs(paths) if isinstance(r, Article)] if all(
        Path(p).exists() for p in paths) else []
    if not articles and SEED.exists():
        articles = [r for r in read_inputs([str(SEED)]) if isinstance(r, Article)] * 20
    if not articles:
        sys.exit("bench: no input articles; pass INPUT or fill examples/")
    return [a.model_copy(update={"id": f"{a.id}-{n}"}) for n in range(repeat) for a in articles]


def timed(label: str, func) -> float:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"{label:<18} {seconds:8.2f} s", file=sys.stderr)
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", help="files or directories (default: examples/)")
    ap.add_argument("--repeat", type=int, default=3, help="times to repeat the corpus (default 3)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--rounds", type=int, default=3,
                    help="alternating rounds of both runs; the fastest of each is reported (default 3)")
    args = ap.parse_args()

    articles = corpus(args.inputs, args.repeat)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp(args.model)
    list(nlp.pipe(texts[:4]))  # warm up so neither run pays for first-call setup
    stats: dict[str, int] = {"events": 0, "quotes": 0}

    def full() -> None:
        for result in extract_stream(articles, model=args.model, batch_size=args.batch_size):
            stats["events"] += len(result.events)
            stats["quotes"] += len(result.quotes)

    bare_runs, our_runs = [], []
    for _ in range(max(1, args.rounds)):  # alternate, so machine noise hits both alike
        bare_runs.append(timed("spaCy nlp.pipe", lambda: list(nlp.pipe(texts, batch_size=args.batch_size))))
        stats.update(events=0, quotes=0)
        our_runs.append(timed("extract_stream", full))
    bare, ours = min(bare_runs), min(our_runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"articles: {len(articles)}  words: {words}  events: {stats['events']}  quotes: {stats['quotes']}")
    for label, secs in (("nlp.pipe", bare), ("extract_stream", ours)):
        print(f"{label:<15} {len(articles) / secs:9.1f} articles/s {words / secs:11.0f} words/s")
    print(f"extract_stream / nlp.pipe time ratio: {ours / bare:.2f}")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
