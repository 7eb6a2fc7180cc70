"""`kill -9` at any point of `tidings ingest` loses nothing committed, and rerunning the same
command resumes: every article stored exactly once, the same rows as an uninterrupted run.

The real command runs in a subprocess with `-v`, which logs one line per committed batch;
the test kills it (SIGKILL) after a chosen number of commits, while it is parsing or writing
the next batch, with one process and with a worker pool, then reruns it to the end.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tidings import pipeline

TIDINGS = Path(sys.executable).parent / "tidings"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"
BATCH = 2

# columns that record when a row was written, so differ between any two runs
_CLOCK_COLUMNS = {"ingested_at", "linked_at", "rejected_at"}
_TABLES = ("articles", "events", "actors", "quotes", "timexes", "entities", "stories", "rejects")


def _corpus(path: Path, count: int = 26) -> Path:
    """Short articles recombined from the sample's paragraphs, one wire copy repeated with an
    edit (a story link that crosses batches) and two bad records (rejects)."""
    rng = random.Random(11)
    paragraphs = [p for line in EXAMPLES.read_text(encoding="utf-8").splitlines()
                  for p in json.loads(line)["text"].split("\n\n") if len(p.split()) > 20]
    lines = []
    for n in range(count):
        text = "\n\n".join(rng.sample(paragraphs, 2))
        lines.append(json.dumps({"id": f"k{n:03d}", "date": "2025-05-01", "text": text}))
        if n == 3:
            lines.append('{"id": "broken", "date": "2025-05-01", "text": ')
    lines.insert(15, json.dumps({"id": "k-copy", "date": "2025-05-02",
                                 "text": json.loads(lines[1])["text"] + "\n\n(Reuters)"}))
    lines.append(json.dumps({"id": "nodate", "text": "Egypt hosted talks."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in _TABLES:
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in _CLOCK_COLUMNS]
            out[table] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


def _group_alive(pgid: int) -> list[int]:
    """Processes of the group that still run (zombies left for a container's init don't count)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def _ingest_killed_after(corpus: Path, db: Path, commits: int, processes: int) -> None:
    """Run `tidings -v ingest` and SIGKILL it once `commits` batches are committed."""
    cmd = [str(TIDINGS), "-v", "ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH),
           "--processes", str(processes)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    seen = 0
    try:
        for line in proc.stderr:
            assert "Traceback" not in line
            seen += "committed a batch" in line
            if seen == commits:
                break
        assert seen == commits, "the run ended before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    if processes > 1:  # the workers notice their parent is gone and exit on their own
        deadline = time.monotonic() + 30
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _group_alive(proc.pid)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_ingest_kill_9_then_rerun_stores_every_article_once(tmp_path, nlp):
    corpus = _corpus(tmp_path / "corpus.jsonl")
    reference = tmp_path / "reference.duckdb"
    pipeline.run([str(corpus)], str(reference), batch_size=BATCH)  # uninterrupted, in this process

    db = tmp_path / "killed.duckdb"
    _ingest_killed_after(corpus, db, commits=1, processes=1)
    _ingest_killed_after(corpus, db, commits=2, processes=2)
    _ingest_killed_after(corpus, db, commits=1, processes=1)
    last = subprocess.run([str(TIDINGS), "ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH),
                           "--processes", "1"], capture_output=True, text=True, timeout=300)
    assert last.returncode == 3 and "Traceback" not in last.stderr  # 3: the two rejects
    assert "27 articles read" in last.stderr and " new, " in last.stderr

    got, want = _rows(db), _rows(reference)
    ids = [r[0] for r in got["articles"]]
    assert len(ids) == len(set(ids)) == 27
    assert len({r[1] for r in got["events"]}) == len(got["events"]) > 0  # no event stored twice
    for table in _TABLES:
        assert got[table] == want[table], table
    stories = {r[0]: r[1] for r in got["stories"]}
    assert stories["k-copy"] == stories["k001"]
