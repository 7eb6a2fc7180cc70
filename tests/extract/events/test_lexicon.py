"""Tests for merging the imported lexicon under verbs.yaml (tidings.extract.events.lexicon)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from tidings.extract.events.lexicon import LexiconEntry, merge_lexicon
from tidings.extract.events.patterns import PatternBook, VerbPattern

VOCAB = spacy.blank("en").vocab


def entry(verb: str, objects: tuple[str, ...] = (), code: str = "190", line: int = 2) -> LexiconEntry:
    return LexiconEntry(verb, objects, code, ("dobj",), False, line, 100)


def test_lexicon_merge_hand_written_pair_wins() -> None:
    hand = {"seize": [VerbPattern(code="1711", verbs=("seize",), objects=("asset", "vessel"))]}
    kept = merge_lexicon([entry("seize", ("asset", "power"), "180")], hand, ())
    assert [e.objects for e in kept] == [("power",)]  # "asset" stays the hand-written 1711


def test_lexicon_merge_bare_verb_of_hand_written_bare_is_dropped() -> None:
    hand = {"shell": [VerbPattern(code="194", verbs=("shell",))]}
    assert merge_lexicon([entry("shell"), entry("shell", ("town",))], hand, ()) == [entry("shell", ("town",))]


def test_lexicon_merge_reserved_lemmas_are_left_alone() -> None:
    kept = merge_lexicon([entry("say", ("threat",)), entry("plan to", ("attack",)), entry("bomb", ("bridge",))],
                         {}, {"say", "plan"})
    assert [e.verb for e in kept] == ["bomb"]


def _doc() -> Doc:
    # "Rebels seized power": seized ← nsubj Rebels, dobj power
    return Doc(VOCAB, words=["Rebels", "seized", "power"], lemmas=["rebel", "seize", "power"],
               heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"], pos=["NOUN", "VERB", "NOUN"])


def test_lexicon_book_tries_hand_written_patterns_first() -> None:
    hand = VerbPattern(code="190", verbs=("seize",))
    imported = VerbPattern(code="180", verbs=("seize",), objects=("power",), source="verbs_cameo.tsv", index=7)
    book = PatternBook(by_verb={"seize": (hand,)}, speech={}, irrealis=frozenset(), imported={"seize": (imported,)})
    found = [p for p, _ in book.matches(_doc()[1])]
    assert found == [hand, imported]  # the bare hand-written pattern wins over a more specific import
    assert imported.rule == "verbs_cameo.tsv#7:seize+power"


def test_lexicon_book_falls_back_to_imported_pattern() -> None:
    imported = VerbPattern(code="180", verbs=("seize",), objects=("power",), source="verbs_cameo.tsv")
    book = PatternBook(by_verb={}, speech={}, irrealis=frozenset(), imported={"seize": (imported,)})
    assert [p.code for p, _ in book.matches(_doc()[1])] == ["180"]
