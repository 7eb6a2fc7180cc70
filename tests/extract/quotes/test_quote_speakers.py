"""Who a quote belongs to when the sentence names a relay, an apposition or an earlier mention
(docs/coding_actors.md, "Reported speech of institutions" and "Speakers across sentences")."""
from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.errors import CodebookError
from tidings.extract.actors.index import ActorIndex
from tidings.extract.actors.subjects import quote_verbs
from tidings.models import ArticleResult, Quote


def quote_with(result: ArticleResult, words: str) -> Quote:
    found = [q for q in result.quotes if words in q.text]
    assert len(found) == 1, [(q.kind, q.speaker, q.text) for q in result.quotes]
    return found[0]


def test_quote_speakers_relay_verbs_come_from_the_table() -> None:
    table = quote_verbs()
    assert {"quote", "cite"} <= table["relay"] and "say" in table["speech"] and "cite" not in table["speech"]
    with pytest.raises(CodebookError, match="quote_verbs.tsv:3"):
        quote_verbs("lemma\tkind\tnote\nquote\trelay\t\nCite\trelay\t\n")
    with pytest.raises(CodebookError, match="quote_verbs.tsv:2"):
        quote_verbs("lemma\tkind\tnote\nquote\trelayed\t\n")


def test_quote_speakers_cited_as_saying_gives_the_person_cited(extract) -> None:
    text = ("Russian state media cited Defence Minister Andrei Belousov as saying that the drills in "
            "Belarus would end on schedule.")
    q = quote_with(extract(text), "the drills in Belarus would end")
    assert q.speaker == "Andrei Belousov" and q.speaker_actor.country == "RUS"


def test_quote_speakers_relayed_direct_quote_belongs_to_the_person(extract) -> None:
    text = "“There is no crisis at the border,” the agency cited the interior minister, Ahmed Saleh, as saying."
    q = quote_with(extract(text), "There is no crisis")
    assert q.speaker == "Ahmed Saleh"


def test_quote_speakers_inverted_said_with_an_unknown_head_noun(extract) -> None:
    text = "“The convoy reached the town at dawn,” said the head of the relief operation, Maria Lindqvist."
    q = quote_with(extract(text), "The convoy reached the town")
    assert q.speaker == "Maria Lindqvist"


def _apposition_doc() -> Doc:
    # "Moldova 's minister , Ana Moraru , said ." with the tagger calling the name an organisation
    words = ["Moldova", "'s", "minister", ",", "Ana", "Moraru", ",", "said", "."]
    return Doc(Vocab(), words=words, lemmas=["Moldova", "'s", "minister", ",", "Ana", "Moraru", ",", "say", "."],
               pos=["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"],
               heads=[2, 0, 7, 2, 5, 2, 2, 7, 7],
               deps=["poss", "case", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "punct"],
               ents=["B-GPE", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"])


def test_quote_speakers_name_beside_a_title_is_a_person_whatever_the_tagger_says(kb) -> None:
    doc = _apposition_doc()
    index = ActorIndex(doc, kb, dt.date(2026, 3, 12))
    (speaker,) = index.subject_of(doc[7])
    assert (speaker.name, speaker.country) == ("Ana Moraru", "MDA")
    assert "Moraru" in index.people


def test_quote_speakers_name_beside_a_place_word_is_not_a_person(kb) -> None:
    # "the capital, Chisinau": no title, no person noun, so no person is made of the name
    words = ["the", "capital", ",", "New", "Town", ",", "fell", "."]
    doc = Doc(Vocab(), words=words, lemmas=["the", "capital", ",", "New", "Town", ",", "fall", "."],
              pos=["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"],
              heads=[1, 6, 1, 4, 1, 1, 6, 6],
              deps=["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "punct"])
    index = ActorIndex(doc, kb, dt.date(2026, 3, 12))
    assert "Town" not in index.people


def test_quote_speakers_a_statement_from_a_body_speaks_for_the_body(extract) -> None:
    q = quote_with(extract("“The crossings must reopen now,” said a statement from the World Food Programme."),
                   "The crossings must reopen")
    assert q.speaker_actor is not None and q.speaker_actor.country == "UNO"


def test_quote_speakers_according_to_a_statement_names_its_author(extract) -> None:
    text = "Talks on the border will resume in May, according to a statement by Thailand's foreign ministry."
    q = quote_with(extract(text), "Talks on the border will resume")
    assert q.speaker_actor.country == "THA"


def test_quote_speakers_unnamed_spokesperson_later_is_the_body_they_speak_for(extract) -> None:
    text = ("A spokesman for the Brazilian foreign ministry said on Friday that Brasilia would not recognise "
            "the vote. Venezuela's government called the remarks interference. “We stand by our position,” "
            "the spokesman added.")
    q = quote_with(extract(text), "We stand by our position")
    assert q.speaker_actor.country == "BRA"


def test_quote_speakers_known_name_the_tagger_cut_short_is_whole(extract) -> None:
    text = "European Commission President Ursula von der Leyen said on Friday that the bloc would widen its sanctions."
    q = quote_with(extract(text), "the bloc would widen its sanctions")
    assert q.speaker == "Ursula von der Leyen" and q.speaker_actor.country == "EEC"


def test_quote_speakers_a_single_letter_is_never_a_person(kb) -> None:
    # "Sánchez posted on X." with the tagger calling "X." a person
    words = ["Sánchez", "posted", "on", "X."]
    doc = Doc(Vocab(), words=words, lemmas=["Sánchez", "post", "on", "X."], pos=["PROPN", "VERB", "ADP", "PROPN"],
              heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"], ents=["B-PERSON", "O", "O", "B-PERSON"])
    index = ActorIndex(doc, kb, dt.date(2026, 3, 12))
    assert "Sánchez" in index.people and "X." not in index.people and "X" not in index.people
