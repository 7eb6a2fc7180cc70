"""Accuracy against gold files: the scorer behind `tidings score` and `make evaluate`.

It reads only gold JSON and the JSON that `tidings extract` writes, so it imports no stage of the
pipeline (the import-linter contract keeps it so) and can score any system's output in that shape.
"""
from tidings.evaluation.score import (EventCounts, QuoteCounts, Score, TimexCounts, parse_output, read_gold,
                                      read_output, score)
from tidings.evaluation.sets import GoldSet, read_gold_sets

__all__ = ["EventCounts", "GoldSet", "QuoteCounts", "Score", "TimexCounts", "parse_output", "read_gold",
           "read_gold_sets", "read_output", "score"]
