#!/usr/bin/env python
"""Memory of the single writer (the parent of `tidings ingest`) as the store grows, in minutes
instead of the hour a real 200,000-article run takes.

    python bench/writer_memory.py [--articles 80000] [--every 10000] [--processes 0]

The parent's own path runs for real: `pipeline.ingest_records` on a Store opened as
`pipeline.run` opens it (DuckDB capped at `WRITER_MEMORY_LIMIT`), reading the synthetic short
corpus of `throughput.py --short`, skipping stored ids, linking stories and writing each batch.
Only the parse is stood in for: each article gets the events, quotes, time expressions and
entities of one of 400 real results (parsed once at the start, event and quote ids re-keyed
per article), so the writer sees real row counts. `--processes N` parses for real on N workers
instead (slow: about 60 articles/s on 2 cores).

Every `--every` articles it prints the process's resident memory, DuckDB's own count
(`duckdb_memory()`), glibc's heap in use / free-but-kept / mmapped (`mallinfo2`; the band-key
index's NumPy arrays are mmapped once large) and the size of the near-duplicate index.
"""
from __future__ import annotations

import argparse
import ctypes
import hashlib
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (the corpus generator, next to this file)


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def glibc_heap() -> str:
    """'used/free/mmapped' MiB of glibc's allocator, or '?' off glibc."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        m = libc.mallinfo2()
    except (OSError, AttributeError):
        return "?"
    return f"{m.uordblks / 2**20:.0f}/{m.fordblks / 2**20:.0f}/{m.hblkhd / 2**20:.0f}"


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _parse_templates(corpus: str) -> list:
    from tidings import pipeline

    return [r for r in pipeline.extract([corpus]) if hasattr(r, "events")]


def templates(workdir: Path, count: int = 400) -> list:
    """Real results of `count` short synthetic articles (another seed than the corpus), parsed
    in a child process: the real writer never loads the model, so neither does this one."""
    from concurrent.futures import ProcessPoolExecutor

    corpus = workdir / "templates.jsonl"
    throughput.write_corpus(corpus, count, seed=77, short=True)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
        return child.submit(_parse_templates, str(corpus)).result()


class StandIn:
    """An engine without a parser: article n gets template n's rows, with its own ids."""

    def __init__(self, results: list, batch_size: int = 64) -> None:
        self.results = results
        self.batch_size = batch_size

    def batches(self, articles):
        from tidings.extract import batches

        n = 0
        for batch in batches(articles, self.batch_size):
            out = []
            for article in batch:
                out.append(_rekey(self.results[n % len(self.results)], article))
                n += 1
            yield out


def _rekey(result, article):
    def key(old: str) -> str:
        return hashlib.sha1(f"{article.id}|{old}".encode()).hexdigest()[:16]

    events = {e.id: key(e.id) for e in result.events}
    return result.model_copy(update={
        "article": article,
        "events": [e.model_copy(update={"id": events[e.id]}) for e in result.events],
        "quotes": [q.model_copy(update={"id": key(q.id), "event_ids": [events.get(i, i) for i in q.event_ids]})
                   for q in result.quotes]})


def main() -> None:
    from tidings import pipeline
    from tidings.engine import ExtractOptions, local_engine
    from tidings.ingest import ReadOptions
    from tidings.sources import read_sources
    from tidings.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80_000)
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--processes", type=int, default=0, help="parse for real on N workers (default: stand-in)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tidings-writer-") as tmp:
        workdir = Path(tmp)
        engine = (local_engine(ExtractOptions(), args.processes) if args.processes
                  else StandIn(templates(workdir)))
        corpus = workdir / "corpus.jsonl"
        throughput.write_corpus(corpus, args.articles, short=True)
        print(f"{'articles':>8} {'RSS MiB':>8} {'DuckDB MiB':>10} {'glibc used/free/mmap MiB':>25} "
              f"{'index articles':>14} {'seconds':>8}", flush=True)
        start, mark = time.perf_counter(), [args.every]
        with Store(workdir / "w.duckdb", memory_limit=pipeline.WRITER_MEMORY_LIMIT,
                   threads=pipeline.WRITER_THREADS) as store:
            def report(stats: pipeline.RunStats) -> None:
                if stats.articles_new < mark[0]:
                    return
                mark[0] += args.every
                duck = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()[0][0]
                print(f"{stats.articles_new:8d} {rss_mib():8.0f} {duck / 2**20:10.1f} {glibc_heap():>25} "
                      f"{len(store._stories or ()):14d} {time.perf_counter() - start:8.0f}", flush=True)

            records = read_sources([str(corpus)], ReadOptions(), None, known=store.known_ids)
            pipeline.ingest_records(records, store, engine=engine, progress=report)
            limit = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        print(f"DuckDB memory_limit {limit}")


if __name__ == "__main__":
    main()
