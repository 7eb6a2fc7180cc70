"""One parsed article in, one `ArticleResult` out: time, actors, events and quotes together."""
from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from tidings.extract.actors.index import ActorIndex
from tidings.extract.events.coder import extract_events
from tidings.extract.events.dating import redate_events
from tidings.extract.events.patterns import load_patterns
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.extract.kb.loader import load_kb
from tidings.extract.quotes.attribution import extract_quotes
from tidings.extract.time.timex import find_timexes
from tidings.extract.tokens import DocView
from tidings.models import Article, ArticleResult, Entity, Event, Quote

_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME"}


def extract_doc(doc: Doc, article: Article, kb: KnowledgeBase | None = None,
                day_first: bool = True) -> ArticleResult:
    """Extract events, quotes, time expressions and entities from one parsed article.

    `day_first` reads an ambiguous numeric date ("04/05/2025") as 4 May; False as April 5."""
    kb = kb if kb is not None else load_kb()
    view = DocView(doc)  # read once; the rules read its plain attributes, never spaCy's (see tokens.py)
    try:
        return _extract(view, article, kb, day_first)
    finally:
        view.release()


def _extract(doc: DocView, article: Article, kb: KnowledgeBase, day_first: bool) -> ArticleResult:
    book = load_patterns()
    timexes = find_timexes(article.text, article.date, day_first=day_first)
    actors = ActorIndex(doc, kb, article.date, book.collectives, frozenset(book.speech))
    actors.prepass()
    quotes = extract_quotes(doc, actors, set(book.speech))
    actors.set_speakers([(q.start, q.end, q.speaker_actor) for q in quotes
                         if q.kind == "direct" and q.speaker_actor is not None and q.speaker_actor.country])
    events, dropped = extract_events(doc, article, actors, timexes, book)
    events = redate_events(events, doc, actors, timexes, article.date)
    events, quotes = link_quotes(article.id, events, quotes)
    entities = [Entity(text=actors.span_text(e), label=e.label_, start=e.start_char, end=e.end_char)
                for e in actors.ents if e.label_ in _ENTITY_LABELS]
    return ArticleResult(article=article, events=events, quotes=quotes, timexes=timexes,
                         entities=entities, dropped=dropped)


def link_quotes(article_id: str, events: list[Event], quotes: list[Quote]) -> tuple[list[Event], list[Quote]]:
    """Tie each quote to the events it says ('“We will respond,” he said': the threat coded
    inside it) and to the statement event of its verb of saying, both ways, so an analyst can
    go from a coded event to the words behind it and back."""
    quote_of: dict[str, str] = {}
    linked: list[Quote] = []
    for q in quotes:
        qid = hashlib.sha1(f"{article_id}|quote|{q.start}|{q.end}".encode()).hexdigest()[:16]
        ids = [e.id for e in events if e.verb_start is not None and (
            e.verb_start == q.said_at or q.start <= e.verb_start < q.end)]
        for eid in ids:
            quote_of.setdefault(eid, qid)
        linked.append(q.model_copy(update={"id": qid, "event_ids": ids}))
    events = [e.model_copy(update={"quote_id": quote_of[e.id]}) if e.id in quote_of else e for e in events]
    return events, linked
