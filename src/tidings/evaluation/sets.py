"""The registry of gold sets (`tests/gold/sets.tsv`): which file, whether rules were tuned on it,
and the score it got the first time it was scored blind.

Kinds: ``tuned`` (rules were written or fixed while reading it), ``blind`` (only ever scored),
``check`` (read for its error categories only, never tuned to sentence by sentence). Paths are
relative to the registry's folder; an ``optional`` set whose file is absent is left out (PLOVER
dev lives in ``../shared`` and is not part of a clone).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tidings.errors import Errors, EvaluationError

Kind = Literal["tuned", "blind", "check"]
KINDS: tuple[str, ...] = ("tuned", "blind", "check")
COLUMNS = ["file", "kind", "first_blind_f1", "optional", "note"]


@dataclass(frozen=True)
class GoldSet:
    path: Path
    kind: Kind
    first_blind_f1: float | None
    optional: bool
    note: str

    @property
    def name(self) -> str:
        return self.path.name


def _row(row: dict, registry: Path, line: int) -> GoldSet:
    def fail(problem: str) -> EvaluationError:
        return EvaluationError(Errors.E503.format(path=registry, line=line, problem=problem),
                               path=str(registry), line=line)

    if None in row or any(row.get(c) is None for c in COLUMNS):
        raise fail(f"expected {len(COLUMNS)} tab-separated fields")
    if row["kind"] not in KINDS:
        raise fail(f"kind {row['kind']!r} is not one of {', '.join(KINDS)}")
    if row["optional"] not in ("yes", "no"):
        raise fail(f"optional {row['optional']!r} is not yes or no")
    first = None
    if row["first_blind_f1"]:
        try:
            first = float(row["first_blind_f1"])
        except ValueError:
            first = -1.0
        if not 0.0 <= first <= 1.0:
            raise fail(f"first_blind_f1 {row['first_blind_f1']!r} is not a number from 0 to 1")
    return GoldSet(path=(registry.parent / row["file"]).resolve(), kind=row["kind"], first_blind_f1=first,
                   optional=row["optional"] == "yes", note=row["note"])


def read_gold_sets(registry: str | Path, present_only: bool = True) -> list[GoldSet]:
    """The registry's sets in file order; with `present_only`, optional sets that are absent are left
    out (a required set that is absent is an error)."""
    registry = Path(registry)
    try:
        text = registry.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(Errors.E503.format(path=registry, line=0, problem=f"cannot read it: {exc}"),
                              path=str(registry)) from exc
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    if reader.fieldnames != COLUMNS:
        raise EvaluationError(Errors.E503.format(path=registry, line=1, problem=f"the header is not {COLUMNS}"),
                              path=str(registry), line=1)
    sets = []
    for row in reader:
        gold_set = _row(row, registry, reader.line_num)
        if not gold_set.path.exists():
            if gold_set.optional and present_only:
                continue
            if not gold_set.optional:
                raise EvaluationError(Errors.E503.format(path=registry, line=reader.line_num,
                                                         problem=f"{gold_set.path} does not exist"),
                                      path=str(registry), line=reader.line_num)
        sets.append(gold_set)
    return sets
