#!/usr/bin/env python
"""The single writer's CPU per batch as the store grows, split by part.

    python bench/writer_growth.py [--articles 100000] [--every 10000] [--corpus short|unique]

The parent's real path runs (`pipeline.ingest_records` on a Store opened as `pipeline.run`
opens it) with the stand-in parser of `writer_memory.py` (each article gets the rows of one of
400 real results), so only the writer's work is timed. Every `--every` articles it prints the
mean CPU milliseconds per 64-article batch over that window, for each part: the id look-up
before the batch (`known_ids`), building the Arrow tables, the inserts (articles, the child
tables, stories), the story links (band-key candidates, reading the candidates' signatures,
scoring them) and what is left of `write_batch` (commit, checkpoints; "slow commits" counts
the batches where that rest took over 50 ms, with their mean). CPU is the process's
(`time.process_time`, DuckDB's threads included), so other jobs on the machine do not count.

`--corpus short` is `throughput.py --short` (2-4 sentences from the 446 of examples/, so an
article shares sentences with ever more stored ones, as the long memory run's articles did);
`unique` puts the article's serial number after every fourth word of the same texts, so no
5-word shingle is shared and the near-duplicate index finds almost no candidates.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402
import writer_memory  # noqa: E402

PARTS = ("known_ids", "tables", "ins_articles", "ins_children", "ins_stories", "candidates",
         "read_sigs", "link_rest", "commit_etc")


class Clock:
    """CPU seconds per part, accumulated over a window of batches."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.batches = 0
        self.candidates = 0
        self.slow: list[float] = []  # CPU seconds of commits (and checkpoints) over 50 ms

    def timed(self, part: str, fn):
        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[part] += time.process_time() - t
        return wrapper


def instrument(clock: Clock) -> None:
    """Wrap the writer's functions in place (this process only) so each part is timed."""
    from tidings.store import db, stories, tables, write

    db.write.known_ids = clock.timed("known_ids", write.known_ids)
    write.result_tables = clock.timed("tables", tables.result_tables)
    insert = write._insert

    def timed_insert(con, table, data, sql=None):
        part = {"articles": "ins_articles", "stories": "ins_stories"}.get(table, "ins_children")
        if table == "rejects":
            part = "commit_etc"
        return clock.timed(part, insert)(con, table, data, sql)

    write._insert = timed_insert
    stored = stories._stored

    def timed_stored(con, ids):
        clock.candidates += len(ids)
        return clock.timed("read_sigs", stored)(con, ids)

    stories._stored = timed_stored
    for name in ("candidates", "near"):  # `near` (candidates less those the sketches rule out) if present
        if hasattr(stories.StoryIndex, name):
            setattr(stories.StoryIndex, name, clock.timed("candidates", getattr(stories.StoryIndex, name)))
    link = stories.StoryIndex.link
    stories.StoryIndex.link = clock.timed("link_all", link)
    write_batch = write.write_batch

    inner = ("tables", "ins_articles", "ins_children", "ins_stories", "link_all")

    def timed_write(*args, **kwargs):
        clock.batches += 1
        before = clock.spent["write_all"] - sum(clock.spent[p] for p in inner)
        try:
            return clock.timed("write_all", write_batch)(*args, **kwargs)
        finally:
            rest = clock.spent["write_all"] - sum(clock.spent[p] for p in inner) - before
            if rest > 0.05:
                clock.slow.append(rest)

    write.write_batch = timed_write


def write_unique(path: Path, count: int) -> None:
    """The short corpus with every 5-word shingle made unique to its article."""
    short = path.with_suffix(".short.jsonl")
    throughput.write_corpus(short, count, short=True)
    with short.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src):
            row = json.loads(line)
            words = row["text"].split()
            row["text"] = " ".join(w if i % 4 else f"{w} r{n}" for i, w in enumerate(words, 1))
            out.write(json.dumps(row) + "\n")
    short.unlink()


def main() -> None:
    from tidings import pipeline
    from tidings.ingest import ReadOptions
    from tidings.sources import read_sources
    from tidings.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--corpus", choices=("short", "unique"), default="short")
    ap.add_argument("--db", help="write into this file (kept) instead of a temporary one")
    args = ap.parse_args()
    clock = Clock()
    instrument(clock)
    with tempfile.TemporaryDirectory(prefix="tidings-growth-") as tmp:
        workdir = Path(tmp)
        engine = writer_memory.StandIn(writer_memory.templates(workdir))
        corpus = workdir / "corpus.jsonl"
        if args.corpus == "short":
            throughput.write_corpus(corpus, args.articles, short=True)
        else:
            write_unique(corpus, args.articles)
        cols = ("known_ids", "tables", "ins_articles", "ins_children", "ins_stories", "candidates",
                "read_sigs", "link_rest", "commit_etc")
        print(f"CPU ms per batch of 64 articles, mean over each window of {args.every}; "
              f"read = story rows read per batch (candidates' signatures)")
        print(f"{'articles':>8} " + " ".join(f"{c:>12}" for c in cols)
              + f" {'write_all':>9} {'read':>6} {'slow commits':>14} {'RSS MiB':>7} {'wall s':>6}", flush=True)
        start, mark = time.perf_counter(), [args.every]
        db_path = Path(args.db) if args.db else workdir / "w.duckdb"
        with Store(db_path, memory_limit=pipeline.WRITER_MEMORY_LIMIT, threads=pipeline.WRITER_THREADS) as store:
            def report(stats: pipeline.RunStats) -> None:
                if stats.articles_new < mark[0] or not clock.batches:
                    return
                mark[0] += args.every
                s, n = clock.spent, clock.batches
                inner = sum(s[p] for p in ("tables", "ins_articles", "ins_children", "ins_stories",
                                           "link_all"))
                s["link_rest"] = s["link_all"] - s["candidates"] - s["read_sigs"]
                s["commit_etc"] += s["write_all"] - inner
                print(f"{stats.articles_new:8d} " + " ".join(f"{1000 * s[c] / n:12.2f}" for c in cols)
                      + f" {1000 * (s['write_all'] + s['known_ids']) / n:9.2f} {clock.candidates / n:6.0f}"
                      + f" {len(clock.slow):4d} x {1000 * sum(clock.slow) / max(1, len(clock.slow)):4.0f} ms"
                      + f" {writer_memory.rss_mib():7.0f} {time.perf_counter() - start:6.0f}", flush=True)
                clock.spent.clear()
                clock.batches = clock.candidates = 0
                clock.slow.clear()

            records = read_sources([str(corpus)], ReadOptions(), None, known=store.known_ids)
            pipeline.ingest_records(records, store, engine=engine, progress=report)


if __name__ == "__main__":
    main()
