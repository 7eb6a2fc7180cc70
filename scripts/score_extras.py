"""Score the project's own gold keys that the shared scorer does not read.

    python scripts/score_extras.py GOLD.json OUTPUT.jsonl [--verbose]

- `places`: some event of the passage is located at a place whose name contains `text`
  (case-insensitive) and whose country is `country` ("" for a disputed area).
- `threats`: a root-13 event whose source and target fit and whose `threatened` code's root is
  one of `act`.
- `hedged`: an event that fits (source, target, root) and carries a confidence below 1.
- `timex_full`: a time expression containing `text` with exactly this TIMEX3 `type` and `value`.
Matching of actors and roots follows ../shared/eval/score.py.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def _country(actor: dict | None) -> str | None:
    return (actor or {}).get("country") or None


def _fits(codes: list[str], value: str | None) -> bool:
    return "*" in codes or (value is not None and value in codes)


def _event_fits(g: dict, e: dict) -> bool:
    root = str(e.get("root") or str(e.get("cameo", ""))[:2])
    if not _fits(g["root"], root):
        return False
    s, t = _country(e.get("source")), _country(e.get("target"))
    return (_fits(g["src"], s) and _fits(g["tgt"], t)) or (
        bool(g.get("sym")) and _fits(g["src"], t) and _fits(g["tgt"], s))


def score(gold: list[dict], out: dict[str, dict], verbose: bool = False) -> dict[str, dict[str, int]]:
    res = {k: {"gold": 0, "right": 0} for k in ("places", "threats", "hedged", "timex_full")}
    for p in gold:
        doc = out.get(p["id"], {})
        events = doc.get("events") or []
        checks = {
            "places": (p.get("places", []), lambda g: any(
                g["text"].lower() in str((e.get("location") or {}).get("name", "")).lower()
                and ((e.get("location") or {}).get("country") or "") == g["country"] for e in events)),
            "threats": (p.get("threats", []), lambda g: any(
                _event_fits({**g, "root": ["13"]}, e) and str(e.get("threatened") or "")[:2] in g["act"]
                for e in events)),
            "hedged": (p.get("hedged", []), lambda g: any(
                _event_fits(g, e) and float(e.get("confidence", 1.0)) < 1.0 for e in events)),
            "timex_full": (p.get("timex_full", []), lambda g: any(
                g["text"].lower() in str(t.get("text", "")).lower() and t.get("type") == g["type"]
                and t.get("value") == g["value"] for t in doc.get("timexes") or [])),
        }
        for key, (items, ok) in checks.items():
            for g in items:
                res[key]["gold"] += 1
                if ok(g):
                    res[key]["right"] += 1
                elif verbose:
                    print(f"  {p['id']}: {key} miss {g}")
    return res


def load_output(path: Path) -> dict[str, dict]:
    docs = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {str(d.get("article", {}).get("id")): d for d in docs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("output")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    for key, r in score(gold, load_output(Path(args.output)), args.verbose).items():
        if r["gold"]:
            print(f"{key:<11} {r['right']}/{r['gold']}")


if __name__ == "__main__":
    main()
