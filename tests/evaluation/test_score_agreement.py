"""The project's scorer gives the same figures as the shared scorer (`../shared/eval/score.py`, the
one the gold files were first scored with) on every gold file: on tidings' real output, and on
outputs made from the gold and then spoiled at random (wrong direction, root or date, repeats,
forbidden acts, statements, missing actors and articles, other speakers, shifted timex values).

This is the one test that may skip: without `../shared` beside the checkout there is nothing to
agree with.
"""
from __future__ import annotations

import copy
import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.evaluation import parse_output, read_gold, read_gold_sets, score

ROOT = Path(__file__).resolve().parents[2]
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SETS = read_gold_sets(ROOT / "tests" / "gold" / "sets.tsv")

pytestmark = pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/eval/score.py is not beside the "
                                "checkout: nothing to compare the project's scorer with")


@pytest.fixture(scope="module")
def shared():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_figures(module, gold: list, out: dict) -> dict:
    """What `score.py score --json` prints, from the shared module's own functions."""
    return {"articles": len(gold), "articles_missing": sum(p["id"] not in out for p in gold),
            "events": module.score_events(gold, out, False), "quotes": module.score_quotes(gold, out, False),
            "timex": module.score_timex(gold, out, False)}


def _shared_cli_figures(gold: Path, out: Path) -> dict:
    return json.loads(subprocess.run([sys.executable, str(SHARED_SCORER), "score", str(gold), str(out), "--json"],
                                     check=True, capture_output=True, text=True).stdout)


def _perfect(passage: dict, rng: random.Random) -> dict:
    events = []
    for g in passage.get("events", []):
        src, tgt = rng.choice(g["src"]), rng.choice(g["tgt"])
        if g.get("sym") and rng.random() < 0.5:
            src, tgt = tgt, src
        root = rng.choice(g["root"])
        events.append({"cameo": ("19" if root == "*" else root) + "0", "date": g["date"][1],
                       "source": {"country": None if src == "*" else src},
                       "target": {"country": None if tgt == "*" else tgt}})
    quotes = [{"text": f"“{q['starts']} and more”", "speaker": q["speaker"] or "the ministry",
               "speaker_actor": {"name": q["speaker"], "country": q.get("country")}} for q in passage.get("quotes", [])]
    timexes = [{"text": t["text"], "value": t["value"]} for t in passage.get("timex", [])]
    return {"article": {"id": passage["id"]}, "events": events, "quotes": quotes, "timexes": timexes}


def _spoil(doc: dict, passage: dict, rng: random.Random) -> dict:
    doc = copy.deepcopy(doc)
    events = doc["events"]
    for e in events:
        r = rng.random()
        if r < 0.1:
            e["source"], e["target"] = e["target"], e["source"]
        elif r < 0.2:
            e["cameo"] = rng.choice(["010", "040", "120", "190", "036", "112"])
        elif r < 0.3:
            e["date"] = "2000-01-01T00:00:00+00:00"
        elif r < 0.35:
            e["root"], e["cameo"] = "01", "190"
        elif r < 0.4:
            e["source"] = None
    events += [copy.deepcopy(e) for e in events if rng.random() < 0.2]  # repeats
    for f in passage.get("forbidden", []):
        if rng.random() < 0.3:
            events.append({"cameo": rng.choice(f["root"]).replace("*", "19") + "0", "date": "2030-01-01",
                           "source": {"country": f["src"][0].replace("*", "RUS")},
                           "target": {"country": f["tgt"][0].replace("*", "UKR")}})
    if rng.random() < 0.3:
        events.append({"cameo": "010", "source": {"country": "FRA"}, "target": {"country": "DEU"}, "date": None})
    rng.shuffle(events)
    doc["events"] = [e for e in events if rng.random() > 0.1]
    for q in doc["quotes"]:
        if rng.random() < 0.3:
            q["speaker"], q["speaker_actor"] = "Someone Else", {"name": "Else", "country": "FRA"}
        if rng.random() < 0.1:
            q["text"] = q["text"][5:]
    for t in doc["timexes"]:
        if rng.random() < 0.2:
            t["value"] = "1999-01-01"
        if rng.random() < 0.1:
            t["text"] = t["text"][1:]
    return doc


def test_score_agreement_with_the_shared_scorer_on_every_gold_file(shared, gold_output):
    """Same figures on tidings' real output (shared scorer run as a program, as the gold was first
    scored) and on 20 spoiled outputs per file (shared scorer's own functions, same dicts)."""
    differ = {}
    for gold_set in SETS:
        gold = read_gold(gold_set.path)
        out = gold_output(gold_set.path)
        ours = score(gold, parse_output(out.read_text(encoding="utf-8").splitlines())).to_dict()
        theirs = _shared_cli_figures(gold_set.path, out)
        if ours != theirs:
            differ[f"{gold_set.name} (tidings output)"] = (ours, theirs)
        rng = random.Random(gold_set.name)
        for n in range(20):
            docs = {p["id"]: _spoil(_perfect(p, rng), p, rng) for p in gold if rng.random() > 0.05}
            ours, theirs = score(gold, docs).to_dict(), shared_figures(shared, gold, docs)
            if ours != theirs:
                differ[f"{gold_set.name} (spoiled output {n})"] = (ours, theirs)
    assert len(SETS) >= 23 and not differ, differ
