"""Accuracy floors on gold passages: `tidings extract` output scored by the project's scorer
(`tidings.evaluation`).

The seed floors are the core issue's acceptance figures; the floors on our own gold files
(tests/gold/) sit a little under today's measured scores, so a change that loses accuracy
fails here. Everything needed is in the repository. The one extra check, PLOVER dev recall,
needs `../shared/gold/plover_dev.json` (CC BY-SA, not carried here) and is skipped without it.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tidings.evaluation import read_gold, read_output, score

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
PLOVER_DEV = ROOT.parent / "shared" / "gold" / "plover_dev.json"


@pytest.fixture
def scored(gold_output):
    def run(gold: Path):
        return score(read_gold(gold), read_output(gold_output(gold)))

    return run


def test_gold_seed_meets_core_floors(scored):
    res = scored(GOLD / "seed.json")
    ev = res.events
    assert ev.f1 >= 0.60 and ev.date_accuracy >= 0.80 and ev.forbidden == 0, res.misses
    assert res.quotes.accuracy >= 0.60, res.misses
    assert res.timex.accuracy >= 0.75, res.misses


def test_gold_seed_meets_actor_and_time_issue_figures(scored):
    """The actors issue asks F1 >= 0.85 and quotes >= 0.80; the time issue timex 1.0, dates >= 0.95,
    every quote attributed and no forbidden event."""
    res = scored(GOLD / "seed.json")
    ev = res.events
    assert ev.f1 >= 0.85 and ev.date_accuracy >= 0.95 and ev.forbidden == 0, res.misses
    assert res.quotes.accuracy == 1.0, res.misses
    assert res.timex.accuracy == 1.0, res.misses


@pytest.mark.skipif(not PLOVER_DEV.exists(), reason="optional extra check: ../shared/gold/plover_dev.json "
                    "(CC BY-SA) is not beside the checkout")
def test_gold_plover_dev_recall(scored):
    """Wire sentences coded by others: the actors issue asks recall >= 0.60 (measured 0.640)."""
    ev = scored(PLOVER_DEV).events
    assert ev.recall >= 0.60 and ev.forbidden == 0, ev


# (file, event F1 floor, timex floor, quote floor) — measured values are in the README
FLOORS = [
    ("core_accuse_threat.json", 0.75, 0.9, None),
    ("core_actors.json", 0.65, 0.9, None),
    ("core_conflict.json", 0.50, 0.9, None),
    ("core_diplomacy.json", 0.60, 0.9, None),
    ("core_not_happened.json", 0.60, 0.9, 0.9),
    ("core_quotes.json", 0.50, 0.9, 0.9),
    ("core_time.json", 0.65, 0.9, None),
    ("articles_a.json", 0.75, 0.9, 0.9),
    ("articles_b.json", 0.76, 0.9, 0.9),
    ("articles_c.json", 0.66, 0.85, 0.85),
    ("articles_d.json", 0.55, 0.9, 0.8),
    ("kb_metonymy.json", 0.82, 0.95, 0.9),
    ("kb_coref.json", 0.70, 0.95, 0.9),
    ("kb_officeholders.json", 0.70, 0.95, 0.7),
    ("kb_igos.json", 0.75, 0.95, 0.9),
    ("kb_nonstate.json", 0.70, 0.95, 0.9),
    ("kb_places.json", 0.72, 0.95, None),
    ("tmq_timex.json", 0.74, 0.97, None),
    ("tmq_dating.json", 0.65, 0.95, 0.9),
    ("tmq_modality.json", 0.70, 0.95, 0.9),
    ("tmq_threats.json", 0.74, 0.95, 0.9),
    ("tmq_quotes.json", 0.54, 0.95, 0.95),
    ("acts_dev.json", 0.85, 0.0, None),  # docs/coding.md conventions; tuned on, so set high
    ("context_dev.json", 0.62, 0.95, 0.95),  # docs/coding_actors.md conventions; tuned on
    ("quotes_dev.json", 0.45, 0.95, 0.93),  # quote attribution (first score 49/59, now 57/59); tuned on
    # blind sets (issue 9): floors under the figures measured when they were judged, never tuned on
    ("blind_acts.json", 0.74, 0.95, None),
    ("blind_context.json", 0.62, 0.95, 0.85),
    ("blind_articles.json", 0.70, 0.95, 0.95),
    ("blind_plover_like.json", 0.78, 0.95, None),
    # stop 17 blind sets, floors a little under their first (blind) score
    ("blind_news.json", 0.58, 0.93, 0.90),
    ("blind_seedlike.json", 0.74, 0.95, 0.93),
    ("blind_final.json", 0.68, 0.90, 0.90),
    # stop 18 blind sets, floors a little under their first (blind) score
    ("blind_crisis.json", 0.66, 0.95, 0.85),
    ("blind_sentences.json", 0.72, 0.95, None),
    ("blind_wire.json", 0.50, 0.93, 0.85),
    ("blind_leads.json", 0.52, 0.95, 0.85),
    ("blind_press.json", 0.48, 0.95, 0.85),
    ("blind_check.json", 0.60, 0.95, 0.90),
    ("blind_news20.json", 0.55, 0.95, 0.85),
    ("blind_leads20.json", 0.49, 0.93, 0.85),
    ("leads_dev20.json", 0.60, 0.93, 0.75),
    ("news_dev20.json", 0.52, 0.95, 0.85),
    # stop 21 blind sets, floors a little under their first (blind) score
    ("blind_news21.json", 0.47, 0.90, 0.72),
    ("blind_leads21.json", 0.52, 0.93, 0.70),
    ("news_dev21.json", 0.52, 0.60, 0.90),  # timex texts with their preposition ("on Monday"): see sets.tsv
    # stop 22 sets, floors a little under their first (blind) score
    ("blind_news22.json", 0.46, 0.95, 0.80),
    ("blind_leads22.json", 0.62, 0.95, 0.85),
    ("leads_dev22.json", 0.40, 0.93, 0.90),
    ("blind_seedlike22.json", 0.67, 0.92, 0.92),
    ("blind_plover22.json", 0.65, 0.93, 0.75),
    # stop 23 sets, floors a little under their first (blind) score
    ("blind_plover23.json", 0.62, 0.93, 0.75),
    ("blind_news23.json", 0.56, 0.90, 0.85),
    ("blind_seedlike23.json", 0.64, 0.95, 0.88),
    ("news_dev23.json", 0.48, 0.95, 0.85),
    # stop 24 sets, floors a little under their first (blind) score
    ("blind_plover24.json", 0.65, 0.95, 0.6),
    ("blind_news24.json", 0.62, 0.93, 0.85),
    ("blind_modal24.json", 0.62, 0.95, 0.85),
    ("news_dev24.json", 0.48, 0.93, 0.85),
    ("modal_dev24.json", 0.62, 0.93, 0.80),
]
# Forbidden events still emitted, counted when measured; nothing may be added. The blind sets'
# counts are what the judging run found (see tests/gold/README.md).
KNOWN_FORBIDDEN = {"context_dev.json": 0, "blind_acts.json": 2, "blind_context.json": 0,
                   "blind_articles.json": 1, "blind_plover_like.json": 1,
                   "blind_seedlike.json": 1, "blind_crisis.json": 0, "blind_wire.json": 1,
                   "blind_leads.json": 0, "blind_press.json": 0,
                   "blind_check.json": 1, "blind_news20.json": 1, "blind_leads20.json": 1,
                   "leads_dev20.json": 0, "news_dev20.json": 0,
                   "blind_news21.json": 2, "blind_leads21.json": 0, "news_dev21.json": 0,
                   "blind_news22.json": 2, "blind_leads22.json": 1, "leads_dev22.json": 0,
                   "blind_seedlike22.json": 0, "blind_plover22.json": 0,
                   "blind_plover23.json": 1, "blind_news23.json": 0, "blind_seedlike23.json": 0,
                   "news_dev23.json": 0,
                   "blind_plover24.json": 1, "blind_news24.json": 1, "blind_modal24.json": 0,
                   "news_dev24.json": 1, "modal_dev24.json": 4}


def test_gold_every_own_file_has_a_floor():
    names = {p.name for p in GOLD.glob("*.json")} - {"seed.json"}
    assert names == {name for name, *_ in FLOORS}


@pytest.mark.parametrize("name,f1,timex,quotes", FLOORS)
def test_gold_own_passages_keep_their_floor(scored, name, f1, timex, quotes):
    res = scored(GOLD / name)
    assert res.events.forbidden <= KNOWN_FORBIDDEN.get(name, 0), res.misses
    assert res.events.f1 >= f1, (res.events, res.misses)
    assert res.timex.accuracy >= timex, res.misses
    if quotes is not None:
        assert res.quotes.accuracy >= quotes, res.misses


# (file, key, floor of right/gold) for the project's own keys, scored by scripts/score_extras.py
EXTRA_FLOORS = [
    ("kb_places.json", "places", 0.75),
    ("kb_nonstate.json", "places", 0.65),
    ("tmq_threats.json", "threats", 0.65),
    ("tmq_modality.json", "hedged", 1.0),
]


@pytest.mark.parametrize("name,key,floor", EXTRA_FLOORS)
def test_gold_places_threats_hedges_keep_their_floor(gold_output, name, key, floor):
    spec = importlib.util.spec_from_file_location("score_extras", ROOT / "scripts" / "score_extras.py")
    extras = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extras)
    gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
    got = extras.score(gold, extras.load_output(gold_output(GOLD / name)))[key]
    assert got["right"] / got["gold"] >= floor, got
