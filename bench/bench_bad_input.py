"""Bad input at size: does `tidings ingest` keep every valid article, fast, in bounded memory?

    .venv/bin/python bench/bench_bad_input.py [--valid 200] [--workdir DIR]

Builds a folder that mixes `--valid` short valid articles (recombined from examples/) with
20 texts of 300 000 characters, one of 5 000 000, NUL bytes, invalid UTF-8, wrong types,
truncated lines, a CSV row with an unclosed quote, and beside them a JSON file nested
100 000 deep. Then runs the real `tidings ingest` in a subprocess and prints its wall time,
peak RSS (of the child, from getrusage), exit code, whether any traceback was printed, and
how many valid articles were stored against how many were written.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIDINGS = Path(sys.executable).parent / "tidings"


def sample_texts() -> list[str]:
    texts = []
    for line in (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def build(folder: Path, valid: int, seed: int = 7) -> int:
    """Write the mixed corpus; return the number of valid articles in it."""
    rng = random.Random(seed)
    texts = sample_texts()
    paras = [p for t in texts for p in t.split("\n\n") if p.strip()]
    big = "\n\n".join(paras)
    while len(big) < 300_000:
        big += "\n\n" + big
    lines: list[bytes] = []
    for n in range(valid):
        text = "\n\n".join(rng.sample(paras, 3)) + f"\n\nReport number {n}."
        lines.append(json.dumps({"id": f"ok-{n}", "date": "2025-05-01", "text": text}).encode())
    for n in range(20):
        lines.append(json.dumps({"id": f"long-{n}", "date": "2025-05-01", "text": big[:300_000 - n]}).encode())
    lines.append(json.dumps({"id": "huge", "date": "2025-05-01", "text": "x " * 2_500_000}).encode())
    lines += [b'{"id": "nul", "date": "2025-05-01", "text": "a\x00b"}',
              b'{"id": "utf", "date": "2025-05-01", "text": "caf\xe9 \xff"}',
              b'{"id": "typ", "date": 20250501, "text": ["not", "a", "string"]}',
              b'{"id": "cut", "date": "2025-05-01", "text": "India and Pak',
              b"\x00\x01\x02 binary junk \xfe\xfe",
              b'{"id": "deep", "text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"]
    rng.shuffle(lines)
    (folder / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    rows = ["id,date,text", 'c1,2025-05-01,"India and Pakistan held talks on Tuesday."',
            'c2,2025-05-01,"an unclosed quote swallows nothing', "c3,2025-05-01,Egypt hosted talks on Monday.",
            "c4,2025-05-01,Norway pledged aid to Sudan on Thursday."]
    (folder / "rows.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return valid + 3  # c1, c3, c4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--valid", type=int, default=200)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        folder = work / "input"
        folder.mkdir(parents=True, exist_ok=True)
        expected = build(folder, args.valid)
        db = work / "bad.duckdb"
        db.unlink(missing_ok=True)
        start = time.perf_counter()
        proc = subprocess.run([str(TIDINGS), "ingest", str(folder), "--db", str(db)],
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        stored = con.sql("SELECT count(*) FROM articles").fetchall()[0][0]
        rejects = con.sql("SELECT count(*) FROM rejects").fetchall()[0][0]
        con.close()
        print(f"valid articles written {expected}, stored {stored}; rejects {rejects}")
        print(f"exit code {proc.returncode}; traceback printed: {'Traceback' in proc.stderr}")
        print(f"wall time {wall:.1f} s; peak RSS of tidings ingest {peak:.0f} MB")
        print(proc.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
