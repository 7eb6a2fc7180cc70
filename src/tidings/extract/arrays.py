"""Per-document token attributes as plain Python lists, read once from spaCy's arrays.

Why: every `Token.pos_`, `.dep_`, `.lemma_` or `.lower_` is a StringStore lookup (120–620 ns
each; `lemma_` is the dearest), and iterating a `Doc` or `Span` builds a new `Token` object per
step. The passes that look at every token of a document (the knowledge-base scan, the
prepass, picking each sentence's verbs, finding verbs of saying) read these lists by token
index instead. The strings are the same ones spaCy's attributes return, so output is unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class TokenArrays:
    """Index k holds token k's attribute, as its `Token` attribute would give it."""

    words: list[str]  # Token.text
    spaces: list[str]  # Token.whitespace_
    lower: list[str]  # Token.lower_
    lemmas: list[str]  # Token.lemma_.lower() ("foreign ministers" is a "foreign minister")
    pos: list[str]  # Token.pos_
    dep: list[str]  # Token.dep_
    heads: list[int]  # Token.head.i

    @classmethod
    def of(cls, doc: Doc) -> TokenArrays:
        table = doc.to_array([ORTH, SPACY, LOWER, LEMMA, POS, DEP, HEAD])
        cols = table.T.tolist() if len(doc) else [[]] * 7
        orth, space, lower, lemma, pos, dep, _ = cols
        offsets = table[:, 6].view("int64").tolist() if len(doc) else []  # HEAD is relative, stored unsigned
        return cls(words=_strings(doc, orth), spaces=[" " if s else "" for s in space],
                   lower=_strings(doc, lower), lemmas=[s.lower() for s in _strings(doc, lemma)],
                   pos=[POS_NAMES[p] for p in pos], dep=_strings(doc, dep),
                   heads=[i + k for i, k in enumerate(offsets)])

    def children(self, tokens: list[Token]) -> list[list[Token]]:
        """`tokens[i].children` for every i, in the same (text) order, as lists of `tokens`'
        own objects: spaCy's generator builds new Token objects on every call."""
        kids: list[list[Token]] = [[] for _ in tokens]
        for i, h in enumerate(self.heads):
            if h != i:
                kids[h].append(tokens[i])
        return kids


def _strings(doc: Doc, ids: list[int]) -> list[str]:
    """The StringStore's strings for `ids` (a direct lookup each: cheaper than collecting the
    distinct ids first, measured)."""
    strings = doc.vocab.strings
    return [strings[k] for k in ids]
