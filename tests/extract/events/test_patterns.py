"""Tests for the verb pattern book (tidings.extract.events.patterns, data/verbs.yaml).

Matching is tested on `Doc`s built by hand (words, heads, deps, lemmas), so no model is needed.
"""
from __future__ import annotations

from importlib import resources

import pytest
import yaml
import spacy
from spacy.tokens import Doc

from tidings.extract.events.codebook import load_codebook
from tidings.extract.events.patterns import PatternBook, VerbPattern, load_patterns

VOCAB = spacy.blank("en").vocab  # has the lexical attributes (lower_) a bare Vocab lacks


@pytest.fixture(scope="module")
def book() -> PatternBook:
    return load_patterns()


def make_doc(spec: list[tuple[str, str, int, str, str]]) -> Doc:
    """(word, lemma, head index, dep, pos) rows → a parsed Doc."""
    words, lemmas, heads, deps, pos = zip(*spec)
    return Doc(VOCAB, words=list(words), lemmas=list(lemmas), heads=list(heads), deps=list(deps),
               pos=list(pos))


def first(book: PatternBook, doc: Doc, i: int) -> VerbPattern | None:
    """The first pattern for any subject: those only for a crowd as subject are tried by the coder
    only when one is ("protesters stormed the embassy")."""
    return next((p for p, _obj in book.matches(doc[i]) if not p.crowd_subject), None)


def raw_yaml() -> dict:
    return yaml.safe_load((resources.files("tidings") / "data" / "verbs.yaml").read_text(encoding="utf-8"))


# ---- the file -------------------------------------------------------------------------------
def test_patterns_book_loads(book: PatternBook) -> None:
    assert len(book.by_verb) > 100
    assert book.speech["say"] == "010"
    assert "plan" in book.irrealis
    assert "ready" in book.intent_governors
    assert "delegation" in book.collectives
    assert "retaliate" in book.threat_cues and "aggression" in book.accusation_cues


def test_patterns_every_code_in_verbs_yaml_exists() -> None:
    """Walk the YAML independently of the loader: every code named must be in cameo.tsv."""
    codes = load_codebook()
    raw = raw_yaml()
    used: list[tuple[str, str]] = [(f"speech {k}", str(v)) for k, v in raw["speech"].items()]
    for n, p in enumerate(raw["patterns"]):
        used.append((f"pattern {n}", str(p["code"])))
        used += [(f"pattern {n} {k}", str(p[k])) for k in ("intent", "threat") if p.get(k)]
        used += [(f"pattern {n} inner {k}", str(v)) for k, v in (p.get("inner") or {}).items()]
    assert [(where, c) for where, c in used if c not in codes] == []
    assert len(used) > 200


def test_patterns_every_pattern_has_code_and_verbs() -> None:
    for n, p in enumerate(raw_yaml()["patterns"]):
        assert p.get("verbs") and p.get("code"), f"pattern {n} lacks verbs or code"
        assert all(isinstance(v, str) and v == v.lower() for v in p["verbs"]), f"pattern {n}"


def test_patterns_rule_names_pattern(book: PatternBook) -> None:
    p = book.by_verb["attack"][0]
    assert p.rule.startswith(f"verbs.yaml#{p.index}:")


def test_patterns_threats_and_intents_have_right_roots(book: PatternBook) -> None:
    every = {id(p): p for ps in book.by_verb.values() for p in ps}.values()
    assert [p.rule for p in every if p.threat and not p.threat.startswith("13")] == []
    assert [p.rule for p in every if p.intent and not p.intent.startswith("03")] == []


# ---- matching ---------------------------------------------------------------------------------
SUBJ_VERB_OBJ = [("Pakistan", "Pakistan", 1, "nsubj", "PROPN"), ("{verb}", "{lemma}", 1, "ROOT", "VERB"),
                 ("India", "India", 1, "dobj", "PROPN")]


@pytest.mark.parametrize("verb, lemma, root", [
    ("urged", "urge", "02"), ("attacked", "attack", "19"), ("praised", "praise", "05"),
    ("condemned", "condemn", "11"), ("invaded", "invade", "19"), ("shelled", "shell", "19"),
    ("visited", "visit", "04"), ("rejected", "reject", "12"),
])
def test_patterns_known_verbs_map_to_root(book: PatternBook, verb: str, lemma: str, root: str) -> None:
    doc = make_doc([tuple(x.format(verb=verb, lemma=lemma) if isinstance(x, str) else x for x in row)
                    for row in SUBJ_VERB_OBJ])
    p = first(book, doc, 1)
    assert p is not None and p.code[:2] == root, p


def test_patterns_unknown_verb_matches_nothing(book: PatternBook) -> None:
    doc = make_doc([("Pakistan", "Pakistan", 1, "nsubj", "PROPN"), ("ate", "eat", 1, "ROOT", "VERB"),
                    ("rice", "rice", 1, "dobj", "NOUN")])
    assert list(book.matches(doc[1])) == []


def test_patterns_particle_verb(book: PatternBook) -> None:
    # "The UN called on India": "call on" is an appeal, not bare "call"
    doc = make_doc([("UN", "UN", 1, "nsubj", "PROPN"), ("called", "call", 1, "ROOT", "VERB"),
                    ("on", "on", 1, "prep", "ADP"), ("India", "India", 2, "pobj", "PROPN")])
    p = first(book, doc, 1)
    assert p is not None and p.code[:2] == "02"


@pytest.mark.parametrize("obj, code", [("condolences", "018"), ("concern", "012")])
def test_patterns_object_selects_pattern(book: PatternBook, obj: str, code: str) -> None:
    lemma = obj.rstrip("s")
    doc = make_doc([("India", "India", 1, "nsubj", "PROPN"), ("expressed", "express", 1, "ROOT", "VERB"),
                    (obj, lemma, 1, "dobj", "NOUN")])
    matches = list(book.matches(doc[1]))
    assert matches and matches[0][0].code == code
    assert matches[0][1] is not None and matches[0][1].i == 2  # the object that selected it


def test_patterns_object_pattern_needs_its_object(book: PatternBook) -> None:
    doc = make_doc([("India", "India", 1, "nsubj", "PROPN"), ("expressed", "express", 1, "ROOT", "VERB"),
                    ("interest", "interest", 1, "dobj", "NOUN")])
    assert all(p.code not in ("018", "012") for p, _ in book.matches(doc[1]))


def test_patterns_multiword_object(book: PatternBook) -> None:
    # "India carried out an air strike": compound object, verb + particle
    doc = make_doc([("India", "India", 1, "nsubj", "PROPN"), ("carried", "carry", 1, "ROOT", "VERB"),
                    ("out", "out", 1, "prt", "ADP"), ("an", "an", 5, "det", "DET"),
                    ("air", "air", 5, "compound", "NOUN"), ("strike", "strike", 1, "dobj", "NOUN")])
    p = first(book, doc, 1)
    assert p is not None and p.code == "195"
