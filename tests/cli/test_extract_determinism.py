"""`tidings extract` output is the same bytes across runs, process counts and hash seeds:
batches are cut the same way for every engine, results come back in input order, and no
output depends on set or dict iteration order under a different PYTHONHASHSEED."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TIDINGS = Path(sys.executable).parent / "tidings"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"


def _extract(corpus: Path, processes: int, seed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TIDINGS_PIPELINE__BATCH_SIZE": "2"}
    return subprocess.run([str(TIDINGS), "extract", str(corpus), "--processes", str(processes)],
                          capture_output=True, env=env, timeout=300)


def test_extract_is_byte_identical_across_runs_processes_and_hash_seeds(tmp_path):
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()[:7]
    lines.insert(3, '{"id": "bad", "date": "someday", "text": "Egypt hosted talks."}')
    corpus = tmp_path / "few.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")

    runs = [_extract(corpus, 1, "0"), _extract(corpus, 1, "123"), _extract(corpus, 2, "0")]
    first = runs[0]
    assert first.returncode == 3 and b"Traceback" not in first.stderr  # 3: the bad record
    out = [json.loads(line) for line in first.stdout.decode().splitlines()]
    assert [o["article"]["id"] for o in out] == [json.loads(line)["id"] for line in lines if '"bad"' not in line]
    assert sum(len(o["events"]) for o in out) > 10
    for other in runs[1:]:
        assert other.returncode == 3
        assert other.stdout == first.stdout
        assert other.stderr == first.stderr
