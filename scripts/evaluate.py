"""Score tidings on every gold file with the shared scorer, through the real CLI.

    .venv/bin/python scripts/evaluate.py [GOLD.json ...]      # default: seed, plover_dev, tests/gold/*.json

Prints one row per gold file: event precision/recall/F1, forbidden events emitted, event-date
accuracy, quote attribution and timex accuracy, plus a pooled row for tests/gold; then a second
table for the project's own keys (places, threats, hedged, timex_full; see tests/gold/README.md).
Needs ../shared (the scorer and the seed gold) beside the checkout.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
TIDINGS = Path(sys.executable).parent / "tidings"


def _extras_module():
    spec = importlib.util.spec_from_file_location("score_extras", ROOT / "scripts" / "score_extras.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(gold: Path, workdir: Path) -> dict:
    articles = subprocess.run([sys.executable, str(SCORER), "articles", str(gold)],
                              check=True, capture_output=True, text=True).stdout
    out = subprocess.run([str(TIDINGS), "extract", "-"], input=articles, check=True,
                         capture_output=True, text=True).stdout
    path = workdir / f"{gold.stem}.jsonl"
    path.write_text(out, encoding="utf-8")
    extras = _extras_module()
    score.extras[gold.name] = extras.score(json.loads(gold.read_text(encoding="utf-8")), extras.load_output(path))
    return json.loads(subprocess.run([sys.executable, str(SCORER), "score", str(gold), str(path), "--json"],
                                     check=True, capture_output=True, text=True).stdout)


score.extras = {}


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
    keys = ("places", "threats", "hedged", "timex_full")
    rows = [(name, r) for name, r in score.extras.items() if any(r[k]["gold"] for k in keys)]
    if rows:
        print("\n| gold | places | threats (act right) | hedged (confidence < 1) | timex_full |")
        print("|---|---|---|---|---|")
        total = {k: [0, 0] for k in keys}
        for name, r in rows:
            for k in keys:
                total[k][0] += r[k]["right"]
                total[k][1] += r[k]["gold"]
            print(f"| {name} | " + " | ".join(f"{r[k]['right']}/{r[k]['gold']}" if r[k]["gold"] else "-"
                                             for k in keys) + " |")
        print("| pooled | " + " | ".join(f"{a}/{b}" for a, b in total.values()) + " |")


if __name__ == "__main__":
    main()
