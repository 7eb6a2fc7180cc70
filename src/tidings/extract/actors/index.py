"""Actor resolution: noun phrases and pronouns → country + role, using the knowledge base.

One `ActorIndex` is built per parsed document. It scans the document once for dictionary
matches (names, demonyms, capitals, institutions, role words, places), registers the people it
meets so that "Hegseth" and later "he" resolve to the person named earlier, and resolves any
noun phrase head to zero or more `Actor`s ("India and Pakistan" gives two). People are
registered in `people`, pronouns and anaphors resolved in `coref`, places found in `places`;
the knowledge-base pass is `scan`, noun phrase → actors is `phrases`, groups the article
introduces by an unknown name are `introduced`, and who does a verb or says something is `subjects`. This module only builds the index and holds its state.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings.extract.actors.base import Mention, NameHit, actor_code
from tidings.extract.actors.coref import Coreference
from tidings.extract.actors.introduced import IntroducedGroups
from tidings.extract.actors.people import PersonRegistry
from tidings.extract.actors.peoples import People
from tidings.extract.actors.phrases import PhraseResolver
from tidings.extract.actors.places import PlaceFinder
from tidings.extract.actors.scan import KnowledgeScan
from tidings.extract.actors.subjects import SubjectFinder
from tidings.extract.tokens import DocView, SpanView, Tok, view
from tidings.extract.kb.knowledge import Entry, KnowledgeBase
from tidings.models import Actor

__all__ = ["ActorIndex", "actor_code"]  # `actor_code` lives in actor_base; callers import it from here


class ActorIndex(SubjectFinder, PhraseResolver, KnowledgeScan, PersonRegistry, Coreference, PlaceFinder,
                 IntroducedGroups):
    """Dictionary matches and coreference state for one document."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date,
                 collectives: frozenset[str] = frozenset(), speech: frozenset[str] = frozenset()) -> None:
        # spaCy builds a new Token object on every iteration or index, looks up every string
        # attribute on each access and rebuilds Doc.text from every token: the rules read the
        # document once read (extract/tokens.py) instead
        self.doc: DocView = view(doc)
        self.kb, self.day = kb, day
        self.tokens: list[Tok] = self.doc.tokens
        self.arrays: DocView = self.doc  # pos, dep, lemmas … by token index, for whole-document passes
        self.words: list[str] = self.arrays.words
        self.kids: list[list[Tok]] = [t.kids for t in self.tokens]  # kids[i] == list(tokens[i].children)
        self.text: str = self.doc.text
        self.ents: tuple[SpanView, ...] = self.doc.ents
        self.collectives = collectives
        self.speech = speech
        self.names: dict[int, NameHit] = {}
        self.roles: dict[int, tuple[int, tuple[str, ...], str]] = {}
        self.places: dict[int, NameHit] = {}
        self.people: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self._cache: dict[int, list[Actor]] = {}
        self._speakers: list[tuple[int, int, Actor]] = []
        self._surnames_here: dict[str, list[tuple[str, list[Entry]]]] | None = None  # see people._by_surname
        self._place_countries_seen: set[str] | None = None  # see places._place_countries
        self._name_cover: dict[int, NameHit] = {}
        self._person_span: dict[int, int] = {}
        self._countries_named: set[str] | None = None
        self._main: str | None = None
        self._dateline: str | None = None  # see places.dateline_country
        self._introduced: dict[str, Actor] | None = None  # see introduced.IntroducedGroups
        self._person_tokens: dict[int, tuple[int, int]] = {}
        self.sents: list[SpanView] = self.doc.sents
        self.sent_index: list[int] = [0] * len(doc)  # token → sentence number, computed once
        for n, sent in enumerate(self.sents):
            self.sent_index[sent.start:sent.end] = [n] * (sent.end - sent.start)
        self._role_cover: dict[int, int] = {}
        self.peoples: dict[int, People] = {}  # "Kurdish", "Baloch": a people living inside states
        self._scan()
        self._register_people()

    def span_text(self, span: Span) -> str:
        """`span.text`, cut from the shared document text: spaCy joins the span's tokens anew on
        every access, and sentences are read once per verb (`Span.text` ends at the last token's
        end, which is `end_char`)."""
        return self.text[span.start_char:span.end_char]

    def prepass(self) -> None:
        """Resolve every argument noun phrase in document order, so pronouns find antecedents."""
        dep, pos = self.arrays.dep, self.arrays.pos
        for i, tok in enumerate(self.tokens):
            if dep[i] in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "attr") \
                    and pos[i] in ("NOUN", "PROPN", "PRON"):
                self.resolve(tok, subject=dep[i].startswith("nsubj"))
