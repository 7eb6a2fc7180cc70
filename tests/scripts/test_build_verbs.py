"""Tests for the CAMEO verb dictionary converter (scripts/build_verbs.py), on a tiny dictionary."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_verbs.py"
spec = importlib.util.spec_from_file_location("build_verbs", SCRIPT)
B = importlib.util.module_from_spec(spec)
sys.modules["build_verbs"] = B  # dataclasses look the module up
spec.loader.exec_module(B)

CODES = {"042", "062", "070", "0874", "154", "163", "173", "190", "194", "020"}
SAMPLE = """\
####### SYNONYM SETS #######
&WEAPON
+ROCKET
+MACHINE_GUN
+CASH_

####### VERB PATTERNS #######
---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * AID                                   [070]   # RUSH
- * {ARMS SHIPMENT}                       [070]   # RUSH
- * (TO BORDER)                           [154]   # RUSH
- * &WEAPON                               [194]   # SPEED
- &MILITARY * (TO BORDER)                 [154]   # RUSH
- * (TO)                                  [042:043] # RUSH
- * {JOINT MANEUVERS}                     [062:062] # RUSH
- * (TO +)  AID                           [070]   # RUSH
- * BACK TROOPS                           [0874]  # RUSH
- * (BEFORE COURT)                        [:173]  # RUSH
- * OFF                                   [---]   # RUSH
- * SANCTIONS (ON +) (FOR BREACH)         [163]   # RUSH
- * $ (TO +)                              [042]   # RUSH

---  ASK   [020]  ---
+ASK_FOR {+ASKED_FOR} [020]
ASK
"""


def lemma(word: str, pos: str) -> str:
    return {"troops": "troop", "maneuvers": "maneuver", "sanctions": "sanction", "sped": "speed"}.get(word, word)


@pytest.fixture(scope="module")
def converted():
    return B.convert_all(SAMPLE, CODES, lemma)


def by_pattern(rows, text: str):
    return [r for r in rows if r.pattern.startswith(text)]


def test_build_verbs_object_prep_and_synset(converted) -> None:
    rows, _skipped, _ = converted
    (aid,) = by_pattern(rows, "* AID")
    assert (aid.verb, aid.objects, aid.code, aid.target) == ("rush", ("aid",), "070", B.DEFAULT_TARGET)
    assert by_pattern(rows, "* {ARMS SHIPMENT}")[0].objects == ("arms shipment",)
    assert by_pattern(rows, "* (TO BORDER)")[0].verb == "rush to"
    weapon = by_pattern(rows, "* &WEAPON")
    assert [r.verb for r in weapon] == ["speed"]  # only the verb its comment names
    assert weapon[0].objects == ("rocket", "machine gun", "cash")


def test_build_verbs_targets_particles_and_mutual_codes(converted) -> None:
    rows, _skipped, _ = converted
    assert by_pattern(rows, "* (TO) ")[0].target == ("to",)
    assert by_pattern(rows, "* (TO +) AID")[0].target == ("to",)
    joint = by_pattern(rows, "* {JOINT MANEUVERS}")[0]
    assert joint.sym and joint.code == "062" and joint.objects == ("joint maneuver", "joint maneuvers")
    back = by_pattern(rows, "* BACK TROOPS")[0]
    assert (back.verb, back.objects) == ("rush back", ("troop", "troops"))


def test_build_verbs_skips_what_the_matcher_cannot_express(converted) -> None:
    _rows, skipped, report = converted
    assert skipped["words before the verb (a subject constraint)"] == 1
    assert skipped["reverse event only [:code] (the subject is the target)"] == 1
    assert skipped["null code [---] (a pattern that blocks coding)"] == 1
    assert skipped["two content constraints"] == 1
    assert skipped["source after the verb"] == 1
    assert len(report) == sum(skipped.values())


def test_build_verbs_bare_verbs_and_filters(converted) -> None:
    rows, _skipped, _ = converted
    bare = [r for r in rows if not r.objects]
    assert {(r.verb, r.code, r.pattern.endswith("(block code)")) for r in bare if r.verb.startswith("ask")} == {
        ("ask for", "020", False), ("ask", "020", True)}
    kept, dropped = B.filter_rows(rows)
    assert all(r.objects for r in kept)
    assert dropped["bare verb with only its block's code"] >= 1


def test_build_verbs_tsv_round_trip(tmp_path: Path, converted) -> None:
    from tidings.extract.events.lexicon import read_lexicon
    kept, _ = B.filter_rows(converted[0])
    out = tmp_path / "v.tsv"
    B.write_tsv(out, kept, frozenset({"07"}))
    entries = read_lexicon(out.read_text(encoding="utf-8"), path=str(out))
    assert entries and all(e.code.startswith("07") for e in entries)
    assert {e.objects for e in entries} >= {("aid",), ("arms shipment",)}
