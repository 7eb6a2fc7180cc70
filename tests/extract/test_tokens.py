"""`DocView`, `Tok` and `SpanView` answer every attribute the extractor reads as spaCy does."""
from __future__ import annotations

import gc

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.extract.tokens import DocView, Tok, view

TEXT = ("Pakistan and India, which fought three wars, traded fire on Wednesday, the army said. "
        "\u201cWe will respond,\u201d Defence Minister Khawaja Asif told reporters in Islamabad, "
        "and the United Nations urged both sides to show restraint.")

_SCALARS = ("i", "text", "whitespace_", "text_with_ws", "lower_", "lemma_", "pos_", "tag_", "dep_",
            "ent_type_", "idx", "is_punct", "is_sent_start")
_TOKENS = ("head", "left_edge", "right_edge")
_SEQUENCES = ("children", "lefts", "rights", "subtree", "conjuncts")


def _same_span(ours, theirs) -> None:
    assert (ours.start, ours.end, ours.start_char, ours.end_char, ours.text, ours.label_) == (
        theirs.start, theirs.end, theirs.start_char, theirs.end_char, theirs.text, theirs.label_)
    assert [t.i for t in ours] == [t.i for t in theirs]
    if len(theirs):
        assert ours.root.i == theirs.root.i


def test_tokens_answer_as_spacy_tokens(parse) -> None:
    doc = parse(TEXT)
    dv = DocView(doc)
    assert dv.text == doc.text and len(dv) == len(doc)
    for tok, ref in zip(dv, doc):
        assert isinstance(tok, Tok) and dv[tok.i] is tok
        for name in _SCALARS:
            assert getattr(tok, name) == getattr(ref, name), (ref.text, name)
        for name in _TOKENS:
            assert getattr(tok, name) is dv[getattr(ref, name).i], (ref.text, name)
        for name in _SEQUENCES:
            assert [t.i for t in getattr(tok, name)] == [t.i for t in getattr(ref, name)], (ref.text, name)
        assert tok.doc is dv and str(tok) == str(ref) and len(tok) == len(ref)
    assert dv.lemmas == [t.lemma_.lower() for t in doc]
    assert dv.heads == [t.head.i for t in doc]
    assert dv.words == [t.text for t in doc] and dv.pos == [t.pos_ for t in doc]


def test_tokens_spans_sentences_and_entities(parse) -> None:
    doc = parse(TEXT)
    dv = DocView(doc)
    assert len(dv.sents) == len(list(doc.sents)) > 1
    for ours, theirs in zip(dv.sents, doc.sents):
        _same_span(ours, theirs)
    assert [e.label_ for e in dv.ents] == [e.label_ for e in doc.ents]
    for ours, theirs in zip(dv.ents, doc.ents):
        _same_span(ours, theirs)
    for lo, hi in ((0, 3), (4, 4), (5, 2), (len(doc) - 3, len(doc) + 5), (-4, -1)):
        _same_span(dv[lo:hi], doc[lo:hi])
    span = dv[2:9]
    assert span[0] is dv[2] and span[-1] is dv[8] and len(span) == 7
    _same_span(span[1:3], doc[2:9][1:3])
    with pytest.raises(IndexError):
        span[7]
    start = TEXT.index("Defence")
    _same_span(dv.char_span(start + 2, start + 10, alignment_mode="expand"),
               doc.char_span(start + 2, start + 10, alignment_mode="expand"))
    assert dv.char_span(start + 2, start + 10) is None
    assert view(dv) is dv


def test_tokens_release_leaves_no_cycles(parse) -> None:
    """A released view is freed by reference counting, not left to the cyclic collector."""
    doc = parse(TEXT)
    dv = DocView(doc)
    list(dv[0].subtree), [t.conjuncts for t in dv]
    dv.release()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        del dv
        assert gc.collect() == 0
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_tokens_empty_doc() -> None:
    dv = DocView(Doc(Vocab(), words=[]))
    assert (len(dv), dv.text, dv.ents, dv.sents, list(dv)) == (0, "", (), [], [])
