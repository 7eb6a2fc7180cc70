"""The gold-set registry: its schema, and that it lists every gold file the project carries."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import EvaluationError
from tidings.evaluation import read_gold, read_gold_sets
from tidings.evaluation.sets import COLUMNS

GOLD = Path(__file__).resolve().parents[1] / "gold"
REGISTRY = GOLD / "sets.tsv"


def test_sets_registry_lists_every_project_gold_file_once():
    sets = read_gold_sets(REGISTRY, present_only=False)
    own = [s.name for s in sets if not s.optional]
    assert sorted(own) == sorted(p.name for p in GOLD.glob("*.json"))
    assert len({s.path for s in sets}) == len(sets)


def test_sets_registry_rows_are_valid_and_their_gold_reads():
    for s in read_gold_sets(REGISTRY):
        assert s.kind in ("tuned", "blind", "check") and s.note
        assert s.first_blind_f1 is None or 0 <= s.first_blind_f1 <= 1
        assert read_gold(s.path), s.name


def test_sets_optional_absent_file_is_left_out(tmp_path):
    reg = tmp_path / "sets.tsv"
    rows = ["\t".join(COLUMNS), "a.json\ttuned\t\tno\tours", "../missing/b.json\tcheck\t\tyes\tnot here"]
    reg.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    assert [s.name for s in read_gold_sets(reg)] == ["a.json"]
    assert [s.name for s in read_gold_sets(reg, present_only=False)] == ["a.json", "b.json"]


@pytest.mark.parametrize("row,problem", [
    ("a.json\tdone\t\tno\tx", "kind"),
    ("a.json\tblind\t1.5\tno\tx", "first_blind_f1"),
    ("a.json\tblind\tabc\tno\tx", "first_blind_f1"),
    ("a.json\tblind\t\tmaybe\tx", "optional"),
    ("a.json\tblind\t\tno", "tab-separated"),
    ("nothere.json\tblind\t\tno\tx", "does not exist"),
])
def test_sets_bad_row_names_file_and_line(tmp_path, row, problem):
    reg = tmp_path / "sets.tsv"
    reg.write_text("\t".join(COLUMNS) + "\n" + "a.json\ttuned\t\tno\tok\n" + row + "\n", encoding="utf-8")
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    with pytest.raises(EvaluationError, match=problem) as err:
        read_gold_sets(reg)
    assert err.value.line == 3 and f"{reg}:3" in str(err.value)
