"""The parsing stage: one model per process and sentences that never cross a blank line."""
from __future__ import annotations

from tidings.nlp import load_nlp


def test_nlp_model_is_loaded_once(nlp) -> None:
    assert load_nlp() is nlp


def test_nlp_paragraph_break_ends_a_sentence(nlp) -> None:
    text = ('The spokesman said that Baku would "respond decisively to any provocation."\n\n'
            "Foreign ministers spoke by phone on Friday.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[-1] == "Foreign ministers spoke by phone on Friday."
    assert not any("provocation" in s and "Foreign" in s for s in sents)


def test_nlp_pipeline_has_the_paragraph_component_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("paragraph_breaks") < names.index("parser")
