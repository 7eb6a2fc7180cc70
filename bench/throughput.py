#!/usr/bin/env python
"""Throughput of `tidings ingest` against the bare parser, the speed-up of a worker pool, and
peak memory as the corpus grows.

    python bench/throughput.py [--articles 400] [--processes N] [--rounds 2]
    python bench/throughput.py --sizes 1000,5000,20000 [--processes N] [--short] [--every N]

The corpus is synthetic: articles recombined from the paragraphs of examples/ (3 to 6 each,
fixed seed), streamed to a temporary JSON Lines file, never held in memory.

Default mode, one run on the same texts: bare spaCy `nlp.pipe` words/s, the real ingest
(`pipeline.run`, into a temporary DuckDB) words/s with one process and their ratio (goal
>= 0.85), then the speed-up of `--processes N` (default: every core) over one process. Bare
parse and one-process ingest alternate `--rounds` times in this process, the model loaded
once beforehand, and the fastest of each counts, so load from other programs hits both alike.

The speed-up compares like with like: `pipeline.run` with one process and with N, each in a
fresh interpreter (`--one-run`), so both sides pay the imports and the model loads the real
command pays (N workers load theirs side by side), and both alternate `--rounds` times with
the fastest of each counting. (Until stop 23 the pool's single run, loads included, was set
against the fastest in-process run, whose model was already loaded.) Besides the wall
clock it prints the CPU of both: N workers and their parent share N cores, so the pool
cannot beat (parent + workers CPU) / N however idle the machine is. It also prints the
store's bytes per article and per event (DuckDB file, and events exported to Parquet).

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

    load = loadavg()
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
    bare, one = min(r[0] for r in runs["bare"]), min(r[0] for r in runs["one"])
    bare_cpu, one_cpu = min(r[1] for r in runs["bare"]), min(r[1] for r in runs["one"])
    fresh: dict[int, list[dict]] = {1: [], args.processes: []}
    for n in range(args.rounds):
        for processes in fresh:
            fresh[processes].append(one_run(args, corpus, workdir / f"fresh-{processes}.duckdb", processes))
        print(f"round {n + 1}: fresh command, 1 process {fresh[1][-1]['wall']:.1f} s, {args.processes} "
              f"processes {fresh[args.processes][-1]['wall']:.1f} s (wall)", file=sys.stderr)
    print(f"corpus: {args.articles} articles, {words} words (batch size {args.batch_size}); "
          f"load average before: {load}, after: {loadavg()}")
    print(f"spaCy nlp.pipe (bare)       {words / bare:9.0f} words/s  {bare:7.1f} s wall  {bare_cpu:7.1f} s CPU")
    print(f"tidings ingest, 1 process   {words / one:9.0f} words/s  {one:7.1f} s wall  {one_cpu:7.1f} s CPU")
    print(f"ingest / bare parse ratio   {bare / one:9.3f} wall  {bare_cpu / one_cpu:.3f} CPU  (goal >= 0.85)")
    print("fresh commands, imports and model loads included on both sides (fastest of each):")
    best = {p: min(runs, key=lambda r: r["wall"]) for p, runs in fresh.items()}
    for p, r in best.items():
        print(f"tidings ingest, {p} process{'es' if p > 1 else '  '} {words / r['wall']:9.0f} words/s  "
              f"{r['wall']:7.1f} s wall  {r['parent'] + r['workers']:7.1f} s CPU "
              f"(parent {r['parent']:.1f}, workers {r['workers']:.1f})")
    single, many = best[1], best[args.processes]
    print(f"speed-up over 1 process     {single['wall'] / many['wall']:9.2f}x  on {args.processes} processes (wall)")
    # On a machine shared with other jobs the wall clock shows the cores left over, not the
    # design. The pool's parent (reader, single writer) and its workers share the cores, so on
    # idle cores the pool takes at least (parent + workers CPU) / N; the one-process command
    # takes at least its own CPU.
    bound = (many["parent"] + many["workers"]) / args.processes
    print(f"CPU: 1 process {single['parent'] + single['workers']:.1f} s, {args.processes} processes "
          f"{many['parent'] + many['workers']:.1f} s; speed-up on {args.processes} idle cores at best "
          f"{(single['parent'] + single['workers']) / bound:.2f}x")
    storage(workdir / f"fresh-{args.processes}.duckdb", workdir)


def loadavg() -> str:
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "?"


def one_run(args: argparse.Namespace, corpus: Path, db: Path, processes: int) -> dict:
    """`pipeline.run` in a fresh interpreter, as `tidings ingest` runs it: wall seconds (from
    before the interpreter starts), the CPU of its own process and of its workers."""
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--one-run", str(corpus), str(db), str(processes),
                           "--batch-size", str(args.batch_size)], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: the {processes}-process run failed: {done.stderr.strip()}")
    result = {"wall": wall, **json.loads(done.stdout.splitlines()[-1])}
    assert result["articles"] == args.articles, result
    return result


def run_once(corpus: str, db: str, processes: int, batch_size: int) -> None:
    """The body of `--one-run`: ingest, then print this process's and its children's CPU."""
    from tidings import pipeline

    stats = pipeline.run([corpus], db, batch_size=batch_size, processes=processes)
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"parent": own.ru_utime + own.ru_stime, "workers": kids.ru_utime + kids.ru_stime,
                      "articles": stats.articles_new}))


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
    ap.add_argument("--one-run", nargs=3, metavar=("CORPUS", "DB", "PROCESSES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_run:
        corpus, db, processes = args.one_run
        return run_once(corpus, db, int(processes), args.batch_size)
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
        (memory if args.sizes else throughput)(args, Path(tmp))


if __name__ == "__main__":
    main()
