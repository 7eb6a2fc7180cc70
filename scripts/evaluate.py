"""Score tidings on every gold file with the shared scorer, through the real CLI.

    .venv/bin/python scripts/evaluate.py [GOLD.json ...]      # default: seed, plover_dev, tests/gold/*.json

Prints one row per gold file: event precision/recall/F1, forbidden events emitted, event-date
accuracy, quote attribution and timex accuracy, plus a pooled row for tests/gold. Needs
../shared (the scorer and the seed gold) beside the checkout.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
TIDINGS = Path(sys.executable).parent / "tidings"


def score(gold: Path, workdir: Path) -> dict:
    articles = subprocess.run([sys.executable, str(SCORER), "articles", str(gold)],
                              check=True, capture_output=True, text=True).stdout
    out = subprocess.run([str(TIDINGS), "extract", "-"], input=articles, check=True,
                         capture_output=True, text=True).stdout
    path = workdir / f"{gold.stem}.jsonl"
    path.write_text(out, encoding="utf-8")
    return json.loads(subprocess.run([sys.executable, str(SCORER), "score", str(gold), str(path), "--json"],
                                     check=True, capture_output=True, text=True).stdout)


def row(name: str, r: dict) -> str:
    ev, qu, tx = r["events"], r["quotes"], r["timex"]
    quotes = f"{qu['attributed']}/{qu['gold']}" if qu["gold"] else "-"
    timex = f"{tx['right']}/{tx['gold']}" if tx["gold"] else "-"
    return (f"| {name} | {r['articles']} | {ev['precision']:.3f} | {ev['recall']:.3f} | {ev['f1']:.3f} | "
            f"{ev['forbidden_emitted']} | {ev['date_accuracy']:.3f} | {quotes} | {timex} |")


def main() -> None:
    golds = [Path(p) for p in sys.argv[1:]] or [
        SHARED / "gold" / "seed.json", SHARED / "gold" / "plover_dev.json", *sorted((ROOT / "tests" / "gold").glob("*.json"))]
    print("| gold | passages | P | R | F1 | forbidden | date acc. | quotes attributed | timex right |")
    print("|---|---|---|---|---|---|---|---|---|")
    pooled = {"tp": 0, "fp": 0, "fn": 0, "forbidden": 0, "q": 0, "qg": 0, "t": 0, "tg": 0, "n": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            r = score(gold, Path(tmp))
            print(row(gold.name, r))
            if gold.parent == ROOT / "tests" / "gold":
                ev = r["events"]
                for k in ("tp", "fp", "fn"):
                    pooled[k] += ev[k]
                pooled["forbidden"] += ev["forbidden_emitted"]
                pooled["q"] += r["quotes"]["attributed"]
                pooled["qg"] += r["quotes"]["gold"]
                pooled["t"] += r["timex"]["right"]
                pooled["tg"] += r["timex"]["gold"]
                pooled["n"] += r["articles"]
    if pooled["n"]:
        p = pooled["tp"] / max(1, pooled["tp"] + pooled["fp"])
        rc = pooled["tp"] / max(1, pooled["tp"] + pooled["fn"])
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"| tests/gold pooled | {pooled['n']} | {p:.3f} | {rc:.3f} | {f1:.3f} | {pooled['forbidden']} | - | "
              f"{pooled['q']}/{pooled['qg']} | {pooled['t']}/{pooled['tg']} |")


if __name__ == "__main__":
    main()
