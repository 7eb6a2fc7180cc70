"""Behaviour tests for event coding (tidings.extract.events.coder) through `extract_doc`, on short
sentences of our own parsed once by the real model. The article is dated Thursday 2025-05-01."""
from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import only_event, roots, triples

D = dt.date
THU = D(2025, 5, 1)


# ---- what happened, between whom ------------------------------------------------------------------
def test_events_simple_attack(extract) -> None:
    result = extract("India attacked Pakistan.")
    e = only_event(result, "19")
    assert (e.source.country, e.target.country) == ("IND", "PAK")
    assert e.cameo.startswith("19") and e.quad_class == 4 and e.goldstein < 0
    assert e.verb == "attacked" and e.rule.startswith("verbs.yaml#")
    assert e.evidence == "India attacked Pakistan." and (e.start, e.end) == (0, len(e.evidence))


def test_events_conjoined_objects_give_two_events(extract) -> None:
    result = extract("The United Nations urged India and Pakistan to show restraint.")
    assert sorted(triples(result)) == [("02", "UNO", "IND"), ("02", "UNO", "PAK")]
    assert len({e.id for e in result.events}) == 2


def test_events_passive_voice_source_is_agent(extract) -> None:
    e = only_event(extract("India was attacked by Pakistan."), "19")
    assert (e.source.country, e.target.country) == ("PAK", "IND")


def test_events_passive_with_role_phrases(extract) -> None:
    e = only_event(extract("An Indian army post was attacked by Pakistani troops."), "19")
    assert (e.source.code, e.target.country) == ("PAKMIL", "IND")


def test_events_ids_are_stable(extract) -> None:
    text = "India attacked Pakistan."
    assert [e.id for e in extract(text).events] == [e.id for e in extract(text).events]


# ---- acts that did not happen --------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Pakistan did not attack India.", "Pakistan never attacked India."])
def test_events_negation_drops_attack(extract, text) -> None:
    result = extract(text)
    assert "19" not in roots(result)
    (cand,) = [c for c in result.dropped if c.cameo and c.cameo.startswith("19")]
    assert cand.verb.startswith("attack") and "negat" in cand.reason
    assert cand.sentence == 0 and cand.evidence == text


def test_events_negated_subject_drops_meeting(extract) -> None:
    result = extract("No talks were held between India and Pakistan.")
    assert "04" not in roots(result)
    assert any("negat" in c.reason for c in result.dropped)


def test_events_condition_drops_attack(extract) -> None:
    result = extract("If Pakistan attacks India, the region will suffer.")
    assert "19" not in roots(result)
    assert any(c.cameo == "190" and "conditional" in c.reason for c in result.dropped)


def test_events_future_act_reported_by_other_is_not_done(extract) -> None:
    result = extract("Pakistan said India would carry out military action.")
    assert not [e for e in result.events if e.root in ("15", "19") and e.source and e.source.country == "IND"]
    assert any(c.verb == "carry" and "another" in c.reason for c in result.dropped)


def test_events_denied_act_is_not_done(extract) -> None:
    result = extract("Pakistan denied attacking India.")
    assert "19" not in roots(result)
    assert any("denied" in c.reason for c in result.dropped)


# ---- threats and intents -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Pakistan vowed to retaliate against India.",
                                  "Pakistan said it would retaliate against India."])
def test_events_threat_is_root_13(extract, text) -> None:
    result = extract(text)
    e = only_event(result, "13")
    assert (e.source.country, e.target.country) == ("PAK", "IND")
    assert "19" not in roots(result)


def test_events_threat_records_act_threatened(extract) -> None:
    e = only_event(extract("Pakistan threatened to attack India."), "13")
    assert e.cameo == "1384" and (e.source.country, e.target.country) == ("PAK", "IND")
    assert "19" not in roots(extract("Pakistan threatened to attack India."))


def test_events_intent_to_meet_is_03(extract) -> None:
    result = extract("India agreed to meet Pakistan.")
    e = only_event(result, "03")
    assert (e.source.country, e.target.country) == ("IND", "PAK")
    assert "04" not in roots(result)  # the meeting itself has not happened


def test_events_accusation_in_reported_speech(extract) -> None:
    result = extract("India's foreign minister said that Pakistan was sponsoring terrorism.")
    e = only_event(result, "11")
    assert (e.source.code, e.target.country) == ("INDGOV", "PAK")


def test_events_reported_event_is_not_also_an_accusation(extract) -> None:
    # a third party reports an act: the act is coded, the saying stays a plain statement
    result = extract("India's foreign minister said that Pakistan had shelled Afghan border posts.")
    assert sorted(triples(result)) == [("01", "IND", "PAK"), ("19", "PAK", "AFG")]


def test_events_victims_claim_is_an_accusation(extract) -> None:
    # only the victim's side says it happened: an accusation, not an attack
    result = extract("India's foreign minister said that Pakistan had violated the ceasefire.")
    assert ("11", "IND", "PAK") in triples(result)
    assert not [t for t in triples(result) if t[0] == "19"]
    assert any("victim" in c.reason for c in result.dropped)


# ---- dates -----------------------------------------------------------------------------------------
def test_events_weekday_in_same_clause(extract) -> None:
    e = only_event(extract("India attacked Pakistan on Wednesday."), "19")
    assert (e.date, e.date_precision, e.date_text) == (D(2025, 4, 30), "day", "Wednesday")


def test_events_last_week_is_monday_with_week_precision(extract) -> None:
    e = only_event(extract("India attacked Pakistan last week."), "19")
    assert (e.date, e.date_precision) == (D(2025, 4, 21), "week")
    assert e.date_text == "last week"


def test_events_no_time_expression_takes_article_date(extract) -> None:
    e = only_event(extract("India attacked Pakistan."), "19")
    assert (e.date, e.date_precision, e.date_text) == (THU, "article", None)


def test_events_date_follows_article_date(extract) -> None:
    e = only_event(extract("India attacked Pakistan on Wednesday.", date=D(2025, 6, 3)), "19")
    assert e.date == D(2025, 5, 28)


def test_events_each_clause_keeps_its_own_date(extract) -> None:
    result = extract("Pakistan said on Thursday that India had attacked Afghan posts on Wednesday.")
    attack = only_event(result, "19")
    assert (attack.source.country, attack.target.country, attack.date) == ("IND", "AFG", D(2025, 4, 30))
    said = only_event(result, "01")
    assert (said.source.country, said.date, said.date_text) == ("PAK", THU, "Thursday")


def test_events_claim_is_dated_when_made(extract) -> None:
    result = extract("Pakistan said on Thursday that India had attacked its posts on Wednesday.")
    claim = only_event(result, "11")
    assert (claim.source.country, claim.target.country, claim.date) == ("PAK", "IND", THU)


def test_events_time_in_other_sentence_does_not_leak(extract) -> None:
    # a subject named afresh starts a new occasion: the article's date
    result = extract("Shehbaz Sharif met Chinese officials on Monday. Pakistan's foreign office criticized India.")
    assert only_event(result, "04").date == D(2025, 4, 28)
    assert only_event(result, "11").date == THU
    assert only_event(result, "11").date_precision == "article"


def test_events_pronoun_sentence_continues_the_occasion(extract) -> None:
    # "He …" goes on about the meeting just told: same day, and the date says where it came from
    result = extract("Shehbaz Sharif met Chinese officials on Monday. He criticized India.")
    event = only_event(result, "11")
    assert (event.date, event.date_text, event.date_precision) == (D(2025, 4, 28), "Monday", "day")


def test_events_to_json_round_trip(extract) -> None:
    result = extract("India attacked Pakistan on Wednesday.")
    out = result.to_json(explain=True)
    assert out["events"][0]["date"] == "2025-04-30" and out["events"][0]["root"] == "19"
    assert "dropped" in out
