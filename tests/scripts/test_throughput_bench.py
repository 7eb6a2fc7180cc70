"""`bench/throughput.py --one-run`: the speed-up's two sides run as the real command does, in a
fresh interpreter, and report their own CPU and their workers' (stop 23)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]


def test_throughput_one_run_ingests_in_a_fresh_process_and_reports_cpu(fixtures, tmp_path):
    corpus, db = fixtures / "articles.jsonl", tmp_path / "one.duckdb"
    articles = sum(1 for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "throughput.py"), "--one-run", str(corpus),
                           str(db), "1", "--batch-size", "2"], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["articles"] == articles
    assert report["parent"] > 0 and report["workers"] >= 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(articles,)]
