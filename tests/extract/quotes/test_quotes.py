"""Behaviour tests for quote extraction and attribution (tidings.extract.quotes.attribution)."""
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


# ---- quotes over paragraphs, nested and partial quotes, links to events ---------------------------
def test_quotes_continued_into_the_next_paragraph(extract) -> None:
    text = ("Kenya's foreign minister Musalia Mudavadi said on Thursday that the police would stay in Haiti. "
            "“Our mission is not finished. The gangs still hold the capital.\n\n"
            "“We will review our numbers next month,” he told reporters in Nairobi.")
    q = quote_starting(extract(text), "Our mission is not finished")
    assert "We will review our numbers" in q.text and q.kind == "direct"
    assert q.speaker_actor is not None and q.speaker_actor.country == "KEN"


def test_quotes_nested_quote_stays_in_its_outer_quote(extract) -> None:
    text = ("“The militia stormed the village. Survivors said the fighters shouted ‘no one will be spared’ "
            "before they opened fire,” Sudan's army said in a statement.")
    result = extract(text)
    q = quote_starting(result, "The militia stormed the village")
    assert "‘no one will be spared’" in q.text and q.speaker_actor.country == "SDN"
    assert not any(x.text == "no one will be spared" for x in result.quotes)


def test_quotes_partial_quote_inside_reported_speech(extract) -> None:
    result = extract("Pakistan's army chief said the response would be ‘swift and decisive’.")
    partial = quote_starting(result, "swift and decisive")
    assert partial.kind == "direct" and partial.speaker_actor.country == "PAK"
    assert any(q.kind == "indirect" and "the response would be" in q.text for q in result.quotes)


def test_quotes_speaker_after_a_question_quote(extract) -> None:
    result = extract("“Why would we attack our own people?” Venezuelan Defence Minister Vladimir Padrino said on "
                     "Sunday, denying that troops had fired on protesters.", )
    q = quote_starting(result, "Why would we attack")
    assert q.speaker_actor is not None and q.speaker_actor.country == "VEN"


def test_quotes_organisation_speaks_for_the_main_clause_country(extract) -> None:
    result = extract("China accused Japan on Tuesday of interfering after Tokyo's prime minister spoke about Taiwan. "
                     "“We urge Japan to stop its provocative remarks,” the foreign ministry said.")
    assert quote_starting(result, "We urge Japan").speaker_actor.country == "CHN"


def test_quotes_link_to_the_events_they_say_both_ways(extract) -> None:
    # (a threat needs someone threatened: the strike before it names the adversary)
    result = extract("Indian jets struck targets in Pakistan on Wednesday. “We will give a befitting response to "
                     "any attack,” Pakistan's army chief said on Thursday.")
    q = quote_starting(result, "We will give a befitting response")
    by_id = {e.id: e for e in result.events}
    linked = [by_id[i] for i in q.event_ids]
    assert linked and all(e.quote_id == q.id for e in linked)
    assert any(e.root == "13" for e in linked)  # the threat the quote itself makes
    assert len({q.id for q in result.quotes}) == len(result.quotes)


def test_quotes_we_inside_a_quote_is_its_speaker(extract) -> None:
    result = extract("China accused Japan on Tuesday of interfering in its affairs. "
                     "“We urge Japan to stop its provocative remarks,” the foreign ministry said.")
    appeal = next(e for e in result.events if e.root == "02")
    assert (appeal.source.country, appeal.target.country) == ("CHN", "JPN")
    assert appeal.quote_id is not None


def test_quotes_us_the_country_is_not_a_pronoun(extract) -> None:
    result = extract("“The US stands with India,” Hegseth said. The call came after US urged India to show restraint.")
    assert any(e.root == "02" and e.source and e.source.country == "USA" for e in result.events)
