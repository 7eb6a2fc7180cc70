#!/usr/bin/env python
"""What tidings costs on top of spaCy's parse, measured on the same Docs in one process.

    python bench/profile_extract.py [--synthetic N] [--rounds 3] [--profile extract|store] [--top 30]

Why this and not `bench_extract.py`: that one times two full runs (parse + rules against bare
parse), so on a shared 2-core machine a few percent of noise hide a few percent of rules. Here
the texts (examples/ and every gold passage in tests/gold/, plus `--synthetic N` articles
recombined from examples/ as in `throughput.py`) are parsed once and kept; then only the
extraction step (`extract_doc` over the parsed Docs) is timed, so the figure that matters,
extraction seconds / parse seconds, comes from one process on identical Docs. Parse, extraction
and store alternate `--rounds` times and the fastest of each counts, in CPU seconds of this
process (the wall clock on a shared machine also counts waiting for a core). DuckDB's own
threads count in the store's CPU time.

The store side is timed the same way: the results are written through `Store.write_batch`
(articles, child rows, MinHash story links, one DuckDB transaction a batch of 64) into a fresh
temporary database each round, reported as ms/article.

`--profile extract` or `--profile store` adds a cProfile of one more run of that step, sorted
by own time (`--sort cumulative` for inclusive time).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from tidings.extract import load_kb  # noqa: E402
from tidings.extract.document import extract_doc  # noqa: E402
from tidings.ingest import read_inputs  # noqa: E402
from tidings.models import Article, ArticleResult  # noqa: E402
from tidings.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402
from tidings.store import Store  # noqa: E402

BATCH = 64


def corpus(synthetic: int, workdir: Path) -> list[Article]:
    """examples/, the gold passages, and `synthetic` recombined articles, with unique ids."""
    paths = [str(ROOT / "examples"), *sorted(str(p) for p in (ROOT / "tests" / "gold").glob("*.json"))]
    if synthetic:
        import throughput
        path = workdir / "synthetic.jsonl"
        throughput.write_corpus(path, synthetic)
        paths.append(str(path))
    articles = [r for r in read_inputs(paths) if isinstance(r, Article)]
    return [a.model_copy(update={"id": f"{a.id}-{n}"}) for n, a in enumerate(articles)]


def timed(func) -> tuple[float, object]:
    """CPU seconds of one run of `func` (this process's CPU, so time spent waiting for a core
    taken by other jobs does not count), and its return value."""
    start = time.process_time()
    value = func()
    return time.process_time() - start, value


def write_all(results: list[ArticleResult], workdir: Path, tag: str) -> None:
    with Store(workdir / f"{tag}.duckdb") as store:
        for k in range(0, len(results), BATCH):
            store.write_batch(results[k:k + BATCH])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=0, help="add N recombined articles (default 0)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", choices=("extract", "store"))
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        articles = corpus(args.synthetic, workdir)
        texts = [a.text for a in articles]
        nlp, kb = load_nlp(DEFAULT_MODEL), load_kb()
        list(nlp.pipe(texts[:4]))
        docs = list(nlp.pipe(texts, batch_size=BATCH))
        extract_doc(docs[0], articles[0], kb)  # warm the caches (patterns, gazetteers)

        def extract() -> list[ArticleResult]:
            return [extract_doc(d, a, kb) for d, a in zip(docs, articles)]

        parse_s = extract_s = store_s = float("inf")
        for n in range(args.rounds):  # alternate, so load from other programs hits all three alike
            parse_s = min(parse_s, timed(lambda: list(nlp.pipe(texts, batch_size=BATCH)))[0])
            seconds, results = timed(extract)
            extract_s = min(extract_s, seconds)
            store_s = min(store_s, timed(lambda: write_all(results, workdir, f"r{n}"))[0])
        words = sum(len(t.split()) for t in texts)
        print(f"articles: {len(articles)}  words: {words}  events: {sum(len(r.events) for r in results)}")
        print(f"CPU: parse {parse_s:.2f} s  extraction {extract_s:.2f} s  store {store_s:.2f} s (best of {args.rounds})")
        print(f"extraction / parse ratio: {extract_s / parse_s:.3f}")
        print(f"store: {1000 * store_s / len(articles):.2f} ms/article, {store_s / parse_s:.3f} of parse")
        if args.profile:
            prof = cProfile.Profile()
            if args.profile == "extract":
                prof.runcall(extract)
            else:
                prof.runcall(write_all, results, workdir, "profiled")
            pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
