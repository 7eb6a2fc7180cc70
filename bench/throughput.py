#!/usr/bin/env python
"""Throughput of `tidings ingest` against the bare parser, the speed-up of a worker pool, and
peak memory as the corpus grows.

    python bench/throughput.py [--articles 400] [--processes N] [--rounds 2]
    python bench/throughput.py --sizes 1000,5000,20000 [--processes N] [--short] [--every N]

The corpus is synthetic: articles recombined from the paragraphs of examples/ (3 to 6 each,
fixed seed), streamed to a temporary JSON Lines file, never held in memory.

Default mode, one run on the same texts: bare spaCy `nlp.pipe` words/s, the real ingest
(`pipeline.run`, into a temporary DuckDB) words/s with one process and their ratio (goal
>= 0.85), then ingest with `--processes N` (default: every core) and its speed-up over one
process. Bare parse and one-process ingest alternate `--rounds` times and the fastest of each
counts, so load from other programs hits both alike. It also prints the store's bytes per
article and per event (DuckDB file, and events exported to Parquet).

`--sizes`: for each size, the real `tidings ingest` command in a subprocess; its process
tree's resident memory (parent plus workers, from /proc) is sampled every 0.2 s and the
peak printed with the time taken; with `--every`, each row also gives the CPU seconds the
parent (reader and single writer) and the live workers have used so far.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIDINGS = Path(sys.executable).parent / "tidings"


def paragraphs() -> list[tuple[str, str]]:
    """(date, paragraph) for every paragraph of 20+ words in examples/."""
    from tidings.ingest import read_inputs
    from tidings.models import Article

    found = []
    for record in read_inputs([str(ROOT / "examples")]):
        if isinstance(record, Article):
            found += [(record.date.isoformat(), p) for p in record.text.split("\n\n") if len(p.split()) >= 20]
    return found


def sentences() -> list[tuple[str, str]]:
    """(date, sentence) for every sentence of 8+ words in the paragraphs of examples/."""
    return [(date, s) for date, p in paragraphs() for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", p)
            if len(s.split()) >= 8]


def write_corpus(path: Path, count: int, seed: int = 2025, short: bool = False) -> int:
    """Write `count` recombined articles to `path` one line at a time; returns the words.

    Articles are 3 to 6 paragraphs of examples/, or with `short` 2 to 4 sentences: short
    articles reach 200,000 articles in an hour here, and what grows with the corpus (the
    near-duplicate index, the ids seen, DuckDB's blocks) grows by article, not by word."""
    pool = sentences() if short else paragraphs()
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            picked = rng.sample(pool, rng.randint(2, 4) if short else rng.randint(3, 6))
            text = (" " if short else "\n\n").join(p for _, p in picked)
            words += len(text.split())
            out.write(json.dumps({"id": f"syn-{n:08d}", "date": picked[0][0], "text": text}) + "\n")
    return words


def texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def timed(func) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (user + system) spent in `func`."""
    start, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - start, time.process_time() - cpu


def throughput(args: argparse.Namespace, workdir: Path) -> None:
    from tidings import pipeline
    from tidings.engine.heap import keep_heap
    from tidings.nlp import DEFAULT_MODEL, load_nlp

    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    corpus = workdir / "corpus.jsonl"
    words = write_corpus(corpus, args.articles)
    # The bare parse runs under the allocator settings ingest uses (`engine.settle`), which
    # spare it page faults too, so the ratio counts only what tidings adds to the parse.
    keep_heap()
    nlp = load_nlp(DEFAULT_MODEL)
    list(nlp.pipe(["Warm up the model before timing.", "India and Pakistan held talks."]))
    runs = {"bare": [], "one": []}

    def ingest(processes: int, name: str) -> None:
        db = workdir / f"{name}.duckdb"
        db.unlink(missing_ok=True)
        stats = pipeline.run([str(corpus)], str(db), batch_size=args.batch_size, processes=processes)
        assert stats.articles_new == args.articles, stats.summary()

    for n in range(args.rounds):
        runs["bare"].append(timed(lambda: sum(1 for _ in nlp.pipe(texts(corpus), batch_size=args.batch_size))))
        runs["one"].append(timed(lambda: ingest(1, "one")))
        print(f"round {n + 1}: nlp.pipe {runs['bare'][-1][0]:.1f} s, ingest --processes 1 "
              f"{runs['one'][-1][0]:.1f} s (wall)", file=sys.stderr)
    (bare, bare_cpu), (one, one_cpu) = min(runs["bare"]), min(runs["one"])
    bare_cpu, one_cpu = min(r[1] for r in runs["bare"]), min(r[1] for r in runs["one"])
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    many, parent_cpu = timed(lambda: ingest(args.processes, "many"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once they are joined
    workers_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    print(f"corpus: {args.articles} articles, {words} words (batch size {args.batch_size}); "
          f"load average before: {load}")
    print(f"spaCy nlp.pipe (bare)       {words / bare:9.0f} words/s  {bare:7.1f} s wall  {bare_cpu:7.1f} s CPU")
    print(f"tidings ingest, 1 process   {words / one:9.0f} words/s  {one:7.1f} s wall  {one_cpu:7.1f} s CPU")
    print(f"ingest / bare parse ratio   {bare / one:9.3f} wall  {bare_cpu / one_cpu:.3f} CPU  (goal >= 0.85)")
    print(f"tidings ingest, {args.processes} processes {words / many:9.0f} words/s  {many:7.1f} s wall")
    print(f"speed-up over 1 process     {one / many:9.2f}x  on {args.processes} processes (wall)")
    # On a machine shared with other jobs the wall clock shows the cores left over, not the
    # design: the CPU each side spent gives the speed-up on idle cores, the workers sharing
    # the parse evenly and the parent (reader and single writer) running beside them.
    bound = max(parent_cpu, workers_cpu / args.processes)
    print(f"CPU: workers {workers_cpu:.1f} s (model loads included), parent {parent_cpu:.1f} s; "
          f"speed-up on {args.processes} idle cores {one_cpu / bound:.2f}x")
    storage(workdir / "many.duckdb", workdir)


def storage(db: Path, workdir: Path) -> None:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    articles, = con.execute("SELECT count(*) FROM articles").fetchone()
    events, = con.execute("SELECT count(*) FROM events").fetchone()
    parquet = workdir / "events.parquet"
    con.execute(f"COPY events TO '{parquet}' (FORMAT parquet)")
    con.close()
    size = db.stat().st_size
    print(f"store: {articles} articles, {events} events; DuckDB file {size / 1e6:.1f} MB = "
          f"{size / articles / 1024:.1f} KiB/article; events as Parquet "
          f"{parquet.stat().st_size / events:.0f} B/event")


def tree_rss(pid: int, children: bool = True) -> int:
    """Resident bytes of `pid` and (with `children`) all its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) * 1024
            for task in Path(f"/proc/{p}/task").iterdir() if children else ():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) of `pid` itself and of its live children (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")

    def own(p: int) -> float:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime

    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return own(pid), sum(own(k) for k in kids)


def memory(args: argparse.Namespace, workdir: Path) -> None:
    print(f"{'articles':>9} {'words':>11} {'seconds':>8} {'articles/s':>10} {'peak RSS, all processes':>24} "
          f"{'of which parent':>16}   CPU s: parent / workers")
    for size in (int(s) for s in args.sizes.split(",")):
        corpus, db = workdir / f"corpus-{size}.jsonl", workdir / f"mem-{size}.duckdb"
        words = write_corpus(corpus, size, short=args.short)
        start = time.perf_counter()
        # -v: one line per committed batch, read as it comes, so `--every` can print the curve
        # on the way (and a run stopped early still leaves its figures)
        proc = subprocess.Popen([str(TIDINGS), "-v", "ingest", str(corpus), "--db", str(db), "--processes",
                                 str(args.processes), "--batch-size", str(args.batch_size)],
                                stderr=subprocess.PIPE, text=True)
        committed, lines = [0], []

        def read() -> None:
            for line in proc.stderr:
                found = re.search(r"\((\d+) new in this run\)", line)
                if found:
                    committed[0] = int(found.group(1))
                elif "INFO" not in line:
                    lines.append(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        peak = parent = 0
        mark = args.every or 0
        cpu = (0.0, 0.0)
        while proc.poll() is None:
            peak, parent = max(peak, tree_rss(proc.pid)), max(parent, tree_rss(proc.pid, children=False))
            cpu = cpu_seconds(proc.pid) if proc.poll() is None else cpu
            if mark and committed[0] >= mark:
                took = time.perf_counter() - start
                print(f"{committed[0]:9d} {'':>11} {took:8.0f} {committed[0] / took:10.1f} {peak / 2**20:20.0f} MiB "
                      f"{parent / 2**20:12.0f} MiB   {cpu[0]:7.0f} / {cpu[1]:.0f}   (on the way to {size})", flush=True)
                mark += args.every
            time.sleep(0.2)
        reader.join()
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"bench: ingest of {size} articles failed: {''.join(lines).strip()}")
        print(f"{size:9d} {words:11d} {seconds:8.0f} {size / seconds:10.1f} {peak / 2**20:20.0f} MiB "
              f"{parent / 2**20:12.0f} MiB   (store {db.stat().st_size / size / 1024:.1f} KiB/article)", flush=True)
        corpus.unlink()
        db.unlink()


def main() -> None:
    from tidings.engine import default_processes

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400, help="corpus size for the throughput run (400)")
    ap.add_argument("--processes", type=int, default=default_processes(),
                    help="worker processes for the pool run (default: every core)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=2, help="alternating bare/ingest rounds (2)")
    ap.add_argument("--sizes", help="comma-separated corpus sizes: measure peak memory instead")
    ap.add_argument("--every", type=int, help="with --sizes: also print a row every N committed articles")
    ap.add_argument("--short", action="store_true",
                    help="with --sizes: articles of 2-4 sentences instead of 3-6 paragraphs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
        (memory if args.sizes else throughput)(args, Path(tmp))


if __name__ == "__main__":
    main()
