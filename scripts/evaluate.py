"""Score tidings on every gold set, tuned and blind side by side, with the project's scorer.

    .venv/bin/python scripts/evaluate.py [GOLD.json ...]     # default: every set in tests/gold/sets.tsv

Each gold file goes through `tidings extract` (in this process, so the model loads once) and
`tidings.evaluation.score`. One row per set: its kind (tuned on, blind, or a check), its first
blind event F1 where one was recorded, today's event precision/recall/F1, forbidden events emitted,
event-date accuracy, quote attribution and timex values; then pooled rows per kind (tuned sets
apart from blind ones). A second table scores the project's own keys (places, threats, hedged,
timex_full) with scripts/score_extras.py. Nothing outside the repository is needed; with
`../shared` beside the checkout the PLOVER dev half (a check) is scored too.
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

from tidings import pipeline
from tidings.cli.output import json_line
from tidings.evaluation import GoldSet, Score, parse_output, read_gold, read_gold_sets, score
from tidings.models import Reject

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "tests" / "gold" / "sets.tsv"
EXTRA_KEYS = ("places", "threats", "hedged", "timex_full")


def _extras_module():
    spec = importlib.util.spec_from_file_location("score_extras", ROOT / "scripts" / "score_extras.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_jsonl(gold: Path, kb, workdir: Path) -> Path:
    """`tidings extract GOLD --format jsonl`, written to a file."""
    path = workdir / f"{gold.stem}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for item in pipeline.extract([str(gold)], kb=kb):
            if isinstance(item, Reject):
                print(f"evaluate: rejected: {item.describe()}", file=sys.stderr)
            else:
                f.write(json_line(item.to_json(False)) + "\n")
    return path


def row(name: str, kind: str, first: float | None, r: Score) -> str:
    ev, qu, tx = r.events, r.quotes, r.timex
    quotes = f"{qu.attributed}/{qu.gold}" if qu.gold else "-"
    timex = f"{tx.right}/{tx.gold}" if tx.gold else "-"
    first_f1 = f"{first:.3f}" if first is not None else "-"
    dates = f"{ev.date_accuracy:.3f}" if ev.tp else "-"
    return (f"| {name} | {kind} | {r.articles} | {first_f1} | {ev.precision:.3f} | {ev.recall:.3f} | {ev.f1:.3f} | "
            f"{ev.forbidden} | {dates} | {quotes} | {timex} |")


def _sets(args: list[str]) -> list[GoldSet]:
    registered = read_gold_sets(REGISTRY)
    if not args:
        return registered
    if any(a.startswith("-") for a in args):
        sys.exit(__doc__.split("\n\n")[1].strip() if args[0] in ("-h", "--help")
                 else f"evaluate: unknown option {args[0]}; give gold files, or none for every set")
    missing = [a for a in args if not Path(a).is_file()]
    if missing:
        sys.exit(f"evaluate: {missing[0]}: no such gold file")
    by_path = {s.path: s for s in registered}
    return [by_path.get(Path(a).resolve()) or GoldSet(Path(a).resolve(), "-", None, False, "") for a in args]


def _extras_table(extras: dict[str, dict]) -> None:
    rows = [(name, r) for name, r in extras.items() if any(r[k]["gold"] for k in EXTRA_KEYS)]
    if not rows:
        return
    print("\n| gold | places | threats (act right) | hedged (confidence < 1) | timex_full |")
    print("|---|---|---|---|---|")
    total = {k: [0, 0] for k in EXTRA_KEYS}
    for name, r in rows:
        for k in EXTRA_KEYS:
            total[k][0] += r[k]["right"]
            total[k][1] += r[k]["gold"]
        print(f"| {name} | " + " | ".join(f"{r[k]['right']}/{r[k]['gold']}" if r[k]["gold"] else "-"
                                         for k in EXTRA_KEYS) + " |")
    print("| pooled | " + " | ".join(f"{a}/{b}" for a, b in total.values()) + " |")


def main(args: list[str]) -> None:
    sets = _sets(args)
    kb = pipeline.load_kb()
    extras_module = _extras_module()
    pooled: dict[str, Score] = {}
    extras: dict[str, dict] = {}
    print("| gold | kind | passages | first blind F1 | P | R | F1 | forbidden | date acc. | quotes attributed "
          "| timex right |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for gold_set in sets:
            gold = read_gold(gold_set.path)
            out = extract_jsonl(gold_set.path, kb, Path(tmp))
            result = score(gold, parse_output(out.read_text(encoding="utf-8").splitlines(), str(out)))
            print(row(gold_set.name, gold_set.kind, gold_set.first_blind_f1, result))
            pooled[gold_set.kind] = pooled.get(gold_set.kind, Score()) + result
            extras[gold_set.name] = extras_module.score(gold, extras_module.load_output(out))
    for kind in ("tuned", "blind", "check", "-"):
        if kind in pooled:
            print(row(f"**pooled {kind}**", kind, None, pooled[kind]))
    _extras_table(extras)


if __name__ == "__main__":
    main(sys.argv[1:])
