"""Accuracy floors on gold passages, scored by the shared scorer through the real CLI.

The seed floors are the core issue's acceptance figures; the floors on our own gold files
(tests/gold/) sit a little under today's measured scores, so a change that loses accuracy
fails here. `../shared` sits beside the checkout in CI; without it the seed test is skipped.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = ROOT / "tests" / "gold"
TIDINGS = Path(sys.executable).parent / "tidings"


def _score(gold: Path, tmp_path: Path) -> dict:
    articles = subprocess.run([sys.executable, str(SCORER), "articles", str(gold)],
                              check=True, capture_output=True, text=True).stdout
    out = subprocess.run([str(TIDINGS), "extract", "-", "--format", "jsonl"], input=articles,
                         check=True, capture_output=True, text=True).stdout
    path = tmp_path / f"{gold.stem}.jsonl"
    path.write_text(out, encoding="utf-8")
    res = subprocess.run([sys.executable, str(SCORER), "score", str(gold), str(path), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(res)


needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared (scorer and seed gold) not beside the checkout")


@needs_shared
def test_gold_seed_meets_core_floors(tmp_path):
    res = _score(SHARED / "gold" / "seed.json", tmp_path)
    ev = res["events"]
    assert ev["f1"] >= 0.60, ev
    assert ev["date_accuracy"] >= 0.80, ev
    assert ev["forbidden_emitted"] == 0, ev
    assert res["quotes"]["attribution_accuracy"] >= 0.60, res["quotes"]
    assert res["timex"]["value_accuracy"] >= 0.75, res["timex"]


@needs_shared
def test_gold_seed_meets_actor_and_time_issue_figures(tmp_path):
    """The actors issue asks F1 >= 0.85 and quotes >= 0.80; the time issue timex 1.0, dates >= 0.95,
    every quote attributed and no forbidden event."""
    res = _score(SHARED / "gold" / "seed.json", tmp_path)
    ev = res["events"]
    assert ev["f1"] >= 0.85 and ev["date_accuracy"] >= 0.95 and ev["forbidden_emitted"] == 0, ev
    assert res["quotes"]["attribution_accuracy"] == 1.0, res["quotes"]
    assert res["timex"]["value_accuracy"] == 1.0, res["timex"]


@needs_shared
def test_gold_plover_dev_recall(tmp_path):
    """Wire sentences coded by others: the actors issue asks recall >= 0.60 (measured 0.640)."""
    ev = _score(SHARED / "gold" / "plover_dev.json", tmp_path)["events"]
    assert ev["recall"] >= 0.60 and ev["forbidden_emitted"] == 0, ev


# (file, event F1 floor, timex floor, quote floor) — measured values are in the README
FLOORS = [
    ("core_accuse_threat.json", 0.75, 0.9, None),
    ("core_actors.json", 0.65, 0.9, None),
    ("core_conflict.json", 0.50, 0.9, None),
    ("core_diplomacy.json", 0.60, 0.9, None),
    ("core_not_happened.json", 0.60, 0.9, 0.9),
    ("core_quotes.json", 0.50, 0.9, 0.9),
    ("core_time.json", 0.65, 0.9, None),
    ("articles_a.json", 0.72, 0.9, 0.9),
    ("articles_b.json", 0.76, 0.9, 0.9),
    ("articles_c.json", 0.66, 0.85, 0.85),
    ("articles_d.json", 0.48, 0.9, 0.8),
    ("kb_metonymy.json", 0.82, 0.95, 0.9),
    ("kb_coref.json", 0.70, 0.95, 0.9),
    ("kb_officeholders.json", 0.60, 0.95, 0.7),
    ("kb_igos.json", 0.75, 0.95, 0.9),
    ("kb_nonstate.json", 0.70, 0.95, 0.9),
    ("kb_places.json", 0.72, 0.95, None),
    ("tmq_timex.json", 0.74, 0.97, None),
    ("tmq_dating.json", 0.65, 0.95, 0.9),
    ("tmq_modality.json", 0.64, 0.95, 0.9),
    ("tmq_threats.json", 0.74, 0.95, 0.9),
    ("tmq_quotes.json", 0.54, 0.95, 0.95),
]


@needs_shared
@pytest.mark.parametrize("name,f1,timex,quotes", FLOORS)
def test_gold_own_passages_keep_their_floor(tmp_path, name, f1, timex, quotes):
    res = _score(GOLD / name, tmp_path)
    assert res["events"]["forbidden_emitted"] == 0, res["events"]
    assert res["events"]["f1"] >= f1, res["events"]
    assert res["timex"]["value_accuracy"] >= timex, res["timex"]
    if quotes is not None:
        assert res["quotes"]["attribution_accuracy"] >= quotes, res["quotes"]


# (file, key, floor of right/gold) for the project's own keys, scored by scripts/score_extras.py
EXTRA_FLOORS = [
    ("kb_places.json", "places", 0.75),
    ("kb_nonstate.json", "places", 0.65),
    ("tmq_threats.json", "threats", 0.65),
    ("tmq_modality.json", "hedged", 1.0),
]


@needs_shared
@pytest.mark.parametrize("name,key,floor", EXTRA_FLOORS)
def test_gold_places_threats_hedges_keep_their_floor(tmp_path, name, key, floor):
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_extras", ROOT / "scripts" / "score_extras.py")
    extras = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extras)
    _score(GOLD / name, tmp_path)  # writes tmp_path/<stem>.jsonl
    gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
    got = extras.score(gold, extras.load_output(tmp_path / f"{Path(name).stem}.jsonl"))[key]
    assert got["right"] / got["gold"] >= floor, got
