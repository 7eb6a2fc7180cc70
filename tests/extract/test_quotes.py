"""Behaviour tests for quote extraction and attribution (tidings.extract.quotes)."""
from __future__ import annotations

import pytest

from tidings.models import ArticleResult, Quote


def quote_starting(result: ArticleResult, words: str) -> Quote:
    found = [q for q in result.quotes if q.text.startswith(words)]
    assert len(found) == 1, [(q.kind, q.speaker, q.text) for q in result.quotes]
    return found[0]


def assert_offsets(result: ArticleResult) -> None:
    for q in result.quotes:
        assert result.article.text[q.start:q.end].strip() == q.text


@pytest.mark.parametrize("open_, close", [("“", "”"), ('"', '"')])
def test_quotes_direct_quote_marks(extract, open_, close) -> None:
    text = f"Rajnath Singh spoke in Delhi. {open_}We will respond firmly,{close} he said."
    result = extract(text)
    q = quote_starting(result, "We will respond firmly")
    assert q.kind == "direct"
    assert (q.speaker, q.speaker_actor.code) == ("Rajnath Singh", "INDGOV")
    assert open_ not in q.text and close not in q.text
    assert_offsets(result)


def test_quotes_he_said_resolves_full_name(extract) -> None:
    text = "Shehbaz Sharif addressed parliament on Monday. “Pakistan wants peace,” he said."
    q = quote_starting(extract(text), "Pakistan wants peace")
    assert q.speaker == "Shehbaz Sharif"
    assert (q.speaker_actor.name, q.speaker_actor.country) == ("Shehbaz Sharif", "PAK")


def test_quotes_surname_resolves_full_name(extract) -> None:
    q = quote_starting(extract('"We want peace," Sharif said.'), "We want peace")
    assert (q.speaker, q.speaker_actor.code) == ("Shehbaz Sharif", "PAKGOV")


def test_quotes_standalone_quote_takes_previous_speaker(extract) -> None:
    text = ("Shehbaz Sharif addressed parliament on Monday. “Pakistan wants peace,” he said. "
            "“But we will defend ourselves.”")
    result = extract(text)
    q = quote_starting(result, "But we will defend ourselves")
    assert q.kind == "direct" and q.speaker == "Shehbaz Sharif"
    assert_offsets(result)


def test_quotes_speaker_before_colon(extract) -> None:
    q = quote_starting(extract('Narendra Modi said: "India will not bow to terror."'), "India will not bow")
    assert (q.speaker, q.speaker_actor.code) == ("Narendra Modi", "INDGOV")


@pytest.mark.parametrize("open_, close", [("“", "”"), ('"', '"')])
def test_quotes_according_to(extract, open_, close) -> None:
    text = f"{open_}The border is calm,{close} according to Pakistan's army spokesman."
    q = quote_starting(extract(text), "The border is calm")
    assert q.kind == "direct"
    assert q.speaker_actor is not None and q.speaker_actor.code == "PAKMIL"


def test_quotes_according_to_person(extract) -> None:
    q = quote_starting(extract("“Pakistan wants peace,” according to Shehbaz Sharif."), "Pakistan wants peace")
    assert q.speaker == "Shehbaz Sharif"


def test_quotes_reported_said_that_is_indirect(extract) -> None:
    text = "Shehbaz Sharif said that Pakistan wanted peace with India."
    result = extract(text)
    q = quote_starting(result, "Pakistan wanted peace")
    assert q.kind == "indirect"
    assert q.text == "Pakistan wanted peace with India"  # without "that" and the full stop
    assert (q.speaker, q.speaker_actor.code) == ("Shehbaz Sharif", "PAKGOV")
    assert_offsets(result)


def test_quotes_reported_speech_by_pronoun(extract) -> None:
    text = "Kenyan Interior Minister John Doe spoke in Nairobi. He said that the border would reopen."
    q = quote_starting(extract(text), "the border would reopen")
    assert q.kind == "indirect"
    assert (q.speaker, q.speaker_actor.code) == ("John Doe", "KENGOV")


def test_quotes_direct_quote_not_repeated_as_indirect(extract) -> None:
    result = extract("Rajnath Singh spoke in Delhi. “We will respond firmly,” he said.")
    assert [q.kind for q in result.quotes] == ["direct"]


def test_quotes_none_without_speech(extract) -> None:
    assert extract("India attacked Pakistan on Wednesday.").quotes == []


def test_quotes_according_to_without_quote_marks(extract) -> None:
    q = quote_starting(extract("The border is calm, according to Pakistan's army spokesman."), "The border is calm")
    assert q.kind == "indirect" and q.speaker_actor.code == "PAKMIL"
