"""The whole extractor on one parsed document: it never raises, and its offsets point into the text."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.extract import extract_doc
from tidings.models import Article

WORDS = ["India", "Pakistan", "the", "minister", "said", "attacked", "on", "Tuesday", "“", "”", '"', "he",
         "talks", "with", "Kashmir", "would", "not", "if", ",", ".", "\n\n", "urged", "both", "sides",
         "UN", "militants", "killed", "last", "week", "its", "forces", "April", "30", "who", "which"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=40),
       day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_document_never_raises_and_offsets_fit(nlp, kb, words, day) -> None:
    text = " ".join(words)
    result = extract_doc(nlp(text), Article(id="h", date=day, text=text), kb)
    for e in result.events:
        assert 0 <= e.start <= e.end <= len(text)
        assert e.root == e.cameo[:2]
    for q in result.quotes:
        # a quote continued over paragraphs joins its parts; each word of it lies inside its span
        assert 0 <= q.start < q.end <= len(text)
        assert all(w in text[q.start:q.end] for w in q.text.split())
    for t in result.timexes:
        assert text[t.start:t.end] == t.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=0, max_size=300))
def test_document_survives_arbitrary_text(nlp, kb, text) -> None:
    extract_doc(nlp(text), Article(id="h", date=dt.date(2025, 5, 1), text=text or " "), kb)


def test_document_event_evidence_is_the_trimmed_sentence_at_its_offsets(nlp, kb) -> None:
    text = "India and Pakistan held talks on Monday.\n\nPakistan accused India of shelling border posts."
    result = extract_doc(nlp(text), Article(id="t", date=dt.date(2025, 5, 1), text=text), kb)
    assert result.events
    for e in result.events:
        assert e.evidence == e.evidence.strip()
        assert text[e.start:e.end] == e.evidence
