"""A parsed document as plain Python objects, built once per article and read by every rule.

Why: every spaCy `Token` attribute the rules read (`lower_`, `lemma_`, `dep_`, `pos_`, `tag_`)
is a StringStore lookup of 100–600 ns, every `doc[i]`, `.head` or step of `.children`
builds a new `Token` object, and `.subtree` and `.conjuncts` walk the tree again on each call:
a native profile put 23 % of extraction inside spaCy's token code. `DocView` reads the
attributes once from `Doc.to_array` and gives one `Tok` per token, whose attributes are plain
slots holding the same values spaCy's attributes return, so the rules read them at the cost
of an attribute lookup and their output does not change.

`Tok` answers the `Token` attributes the extractor uses (`i`, `text`, `lower_`, `lemma_`,
`pos_`, `dep_`, `tag_`, `ent_type_`, `idx`, `is_punct`, `whitespace_`, `head`, `children`,
`lefts`, `rights`, `subtree`, `conjuncts`, `left_edge`, `right_edge`, `is_sent_start`,
`doc`), with spaCy's order and semantics; `DocView` and `SpanView` likewise for `Doc` and
`Span` (indexing, slicing, `text`, `ents`, `sents`, `char_span`, `root`). A document has one
`Tok` per index, so identity is equality, as `Token.__eq__` compares positions.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

_ATTRS = [ORTH, SPACY, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IDX, IS_PUNCT]


class Tok:
    """One token of a `DocView`: spaCy's `Token` attributes as plain slots."""

    __slots__ = ("i", "text", "whitespace_", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "idx",
                 "is_punct", "head", "doc", "kids", "_subtree", "_conjuncts")

    def __init__(self, i: int, text: str, ws: str, lower: str, lemma: str, pos: str, tag: str, dep: str,
                 ent_type: str, idx: int, is_punct: bool, doc: DocView) -> None:
        self.i, self.text, self.whitespace_, self.lower_, self.lemma_ = i, text, ws, lower, lemma
        self.pos_, self.tag_, self.dep_, self.ent_type_, self.idx, self.is_punct = pos, tag, dep, ent_type, idx, is_punct
        self.doc = doc
        self.head: Tok = self
        self.kids: list[Tok] = []  # children in text order, as `Token.children` yields them
        self._subtree: list[Tok] | None = None
        self._conjuncts: tuple[Tok, ...] | None = None

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__

    def __len__(self) -> int:
        return len(self.text)

    def __lt__(self, other: Tok) -> bool:
        return self.i < other.i

    def __le__(self, other: Tok) -> bool:
        return self.i <= other.i

    def __gt__(self, other: Tok) -> bool:
        return self.i > other.i

    def __ge__(self, other: Tok) -> bool:
        return self.i >= other.i

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def children(self) -> Iterator[Tok]:
        return iter(self.kids)

    @property
    def lefts(self) -> Iterator[Tok]:
        i = self.i
        return (k for k in self.kids if k.i < i)

    @property
    def rights(self) -> Iterator[Tok]:
        i = self.i
        return (k for k in self.kids if k.i > i)

    @property
    def subtree(self) -> Iterator[Tok]:
        """The lefts' subtrees, the token, the rights' subtrees (spaCy's order), built once."""
        if self._subtree is None:
            out: list[Tok] = []
            i = self.i
            for k in self.kids:
                if k.i < i:
                    out.extend(k.subtree)
            out.append(self)
            for k in self.kids:
                if k.i > i:
                    out.extend(k.subtree)
            self._subtree = out
        return iter(self._subtree)

    @property
    def conjuncts(self) -> tuple[Tok, ...]:
        """`Token.conjuncts`: climb to the first conjunct, then gather `conj` children rightwards;
        computed once per token."""
        if self._conjuncts is None:
            self._conjuncts = self._find_conjuncts()
        return self._conjuncts

    def _find_conjuncts(self) -> tuple[Tok, ...]:
        if self.dep_ != "conj" and not any(k.dep_ == "conj" for k in self.kids):
            return ()  # most tokens: neither a conjunct nor the first of some
        start = self
        while start.i != start.head.i and start.dep_ == "conj":
            start = start.head
        queue, output = [start], [start]
        for word in queue:
            for child in word.kids:
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)

    @property
    def left_edge(self) -> Tok:
        return self.doc.tokens[self.doc.doc[self.i].left_edge.i]

    @property
    def right_edge(self) -> Tok:
        return self.doc.tokens[self.doc.doc[self.i].right_edge.i]

    @property
    def is_sent_start(self) -> bool | None:
        return self.doc.doc[self.i].is_sent_start


class SpanView:
    """A slice of a `DocView`, as a spaCy `Span` answers it."""

    __slots__ = ("doc", "start", "end", "start_char", "end_char", "label_", "_root")

    def __init__(self, doc: DocView, start: int, end: int, label: str = "",
                 start_char: int | None = None, end_char: int | None = None) -> None:
        self.doc, self.start, self.end, self.label_ = doc, start, end, label
        if start_char is None or end_char is None:  # as spaCy's Span computes them
            toks = doc.tokens
            start_char = toks[start].idx if start < len(toks) else len(doc.text)
            end_char = start_char if start == end else toks[end - 1].idx + len(toks[end - 1].text)
        self.start_char, self.end_char = start_char, end_char
        self._root: Tok | None = None

    @classmethod
    def of(cls, doc: DocView, span: Span) -> SpanView:
        return cls(doc, span.start, span.end, span.label_, span.start_char, span.end_char)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char]

    @property
    def root(self) -> Tok:
        if self._root is None:
            self._root = self.doc.tokens[self.doc.doc[self.start:self.end].root.i]
        return self._root

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.doc.tokens[self.start:self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, k: int | slice) -> Tok | SpanView:
        if isinstance(k, slice):
            lo, hi, _ = k.indices(self.end - self.start)
            return self.doc[self.start + lo:self.start + max(lo, hi)]
        n = self.end - self.start
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        return self.doc.tokens[self.start + k]

    def __repr__(self) -> str:
        return self.text


class DocView:
    """A parsed `Doc` read once: `tokens` (one `Tok` each), `text`, `ents`, `sents`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.vocab = doc.vocab
        n = len(doc)
        table = doc.to_array(_ATTRS)
        cols = table.T.tolist() if n else [[]] * len(_ATTRS)
        orth, space, lower, lemma, pos, tag, dep, _, ent, idx, punct = cols
        offsets = table[:, 7].view("int64").tolist() if n else []  # HEAD is relative, stored unsigned
        strings = doc.vocab.strings
        self.words = [strings[k] for k in orth]
        self.spaces = [" " if s else "" for s in space]
        self.lower = [strings[k] for k in lower]
        lemmas = [strings[k] for k in lemma]
        self.pos = [POS_NAMES[p] for p in pos]
        self.dep = [strings[k] for k in dep]
        self.heads = [i + k for i, k in enumerate(offsets)]
        tags = [strings[k] for k in tag]
        ents = [strings[k] for k in ent]
        self.text: str = "".join(w + s for w, s in zip(self.words, self.spaces))  # == doc.text
        self.tokens: list[Tok] = [Tok(*row, self) for row in zip(
            range(n), self.words, self.spaces, self.lower, lemmas, self.pos, tags, self.dep, ents, idx,
            [p == 1 for p in punct])]
        self.lemmas = [s.lower() for s in lemmas]
        toks = self.tokens
        for tok, h in zip(toks, self.heads):
            if h != tok.i:
                head = toks[h]
                tok.head = head
                head.kids.append(tok)
        self.ents: tuple[SpanView, ...] = tuple(SpanView.of(self, e) for e in doc.ents)
        self.sents: list[SpanView] = [SpanView.of(self, s) for s in doc.sents]

    def release(self) -> None:
        """Cut the references between tokens (head and children, subtrees, the document), so
        reference counting frees them as soon as the article is done: left as cycles, they
        waited for the cyclic collector, which then walked every token of every article."""
        for tok in self.tokens:
            tok.head = tok.kids = tok._subtree = tok._conjuncts = tok.doc = None
        self.tokens, self.ents, self.sents = [], (), []

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.tokens)

    def __getitem__(self, k: int | slice) -> Tok | SpanView:
        if isinstance(k, slice):
            lo, hi, _ = k.indices(len(self.tokens))
            return SpanView(self, lo, max(lo, hi))
        return self.tokens[k]

    def char_span(self, start: int, end: int, label: str = "", alignment_mode: str = "strict") -> SpanView | None:
        span = self.doc.char_span(start, end, label=label, alignment_mode=alignment_mode)
        return None if span is None else SpanView.of(self, span)


def view(doc: Doc | DocView) -> DocView:
    """`doc` as a `DocView` (built once; a view is returned as it is)."""
    return doc if isinstance(doc, DocView) else DocView(doc)
