"""200 requests from 20 concurrent clients against /api/events on the sample database.

Builds the sample database (examples/) unless --db is given, serves it with `tidings serve`
on 127.0.0.1 in a child process (so the clients do not share its interpreter), and sends a bounded mix of filtered /api/events requests from
20 threads. Prints errors, p50, p99 and max latency (goal: no errors, p99 < 300 ms).

    .venv/bin/python bench/bench_api.py [--db demo.duckdb] [--requests 200] [--clients 20]
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tidings import pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
QUERIES = [{}, {"country": "IND"}, {"dyad": "IND-PAK"}, {"root": "19"}, {"quad_class": 4},
           {"since": "2025-05-01", "until": "2025-06-30"}, {"q": "border"}, {"actor": "minister"},
           {"page": 3, "page_size": 100}, {"location": "Beijing"}]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database (default: build one from examples/)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    db = args.db
    if not db:
        db = str(Path(tempfile.mkdtemp()) / "bench.duckdb")
        print(pipeline.run([str(EXAMPLES)], db).summary())
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from tidings.cli.main import app; app()", "-q",
                               "serve", "--db", db, "--port", str(port)])
    base = f"http://127.0.0.1:{port}/api/events"
    deadline = time.monotonic() + 60
    while True:  # bounded wait for the child to bind
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("the server did not start")
            time.sleep(0.1)
    local = threading.local()

    def one(i: int) -> tuple[float, int]:
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=30)
        start = time.perf_counter()
        try:
            status = local.client.get(base, params=QUERIES[i % len(QUERIES)]).status_code
        except httpx.HTTPError:
            status = 0
        return (time.perf_counter() - start) * 1000, status

    with ThreadPoolExecutor(args.clients) as pool:
        # one untimed request per client first: opens its connection and warms the server
        list(pool.map(one, range(args.clients)))
        began = time.perf_counter()
        results = list(pool.map(one, range(args.requests)))
    wall = time.perf_counter() - began
    server.terminate()
    server.wait(10)
    times = sorted(t for t, _ in results)
    errors = sum(1 for _, s in results if s != 200)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    print(f"load average {load}; {args.requests} requests, {args.clients} clients, {wall:.2f} s, {args.requests / wall:.0f} req/s")
    print(f"errors {errors}  p50 {statistics.median(times):.1f} ms  p99 {p99:.1f} ms  max {times[-1]:.1f} ms"
          f"  -> {'OK' if errors == 0 and p99 < 300 else 'MISSED'} (goal: no errors, p99 < 300 ms)")


if __name__ == "__main__":
    main()
