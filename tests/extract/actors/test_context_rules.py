"""Behaviour tests for the actor, speaker and dating conventions of docs/coding_actors.md:
speakers named earlier in the article, relayed and inverted quotes, domestic and non-state
parties, unknown perpetrators and event dates. Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

from tidings.extract.actors.index import ActorIndex
from tidings.extract.actors.peoples import home_country, load_peoples
from tidings.extract.quotes.marks import find_quote_spans

D = dt.date


def _quote(result, starts: str):
    found = [q for q in result.quotes if starts in q.text]
    assert found, [q.text for q in result.quotes]
    return found[0]


# ---- speakers across sentences -----------------------------------------------------------------
def test_context_the_ministry_is_the_one_named_earlier(extract) -> None:
    result = extract("The Russian Foreign Ministry on Monday urged India and Pakistan to show restraint. "
                     "Indian and Pakistani troops exchanged fire overnight, Indian army officials said. "
                     "“We call on both sides to return to dialogue,” the ministry said in a statement.", D(2025, 5, 6))
    q = _quote(result, "We call on both sides")
    assert q.speaker_actor is not None and q.speaker_actor.country == "RUS"
    said = [e for e in result.events if e.verb == "said" and e.sentence == 2]
    assert said and all(e.source.country == "RUS" for e in said), triples(result)


def test_context_the_statement_is_its_issuers(extract) -> None:
    result = extract("Egypt's Foreign Ministry on Monday condemned an Israeli air strike on a school in Gaza. "
                     "Israeli Prime Minister Benjamin Netanyahu said the army had targeted fighters. "
                     "The statement said the attack was a flagrant violation of international law.", D(2025, 2, 4))
    q = _quote(result, "the attack was a flagrant violation")
    assert q.speaker_actor is not None and q.speaker_actor.country == "EGY"


def test_context_said_in_a_statement_names_the_author(extract) -> None:
    result = extract("Japan's defence ministry said in a statement that Chinese ships had entered its waters. "
                     "South Korea's military held drills on Monday. The statement said the ships left after two hours.",
                     D(2025, 2, 4))
    assert _quote(result, "the ships left").speaker_actor.country == "JPN"


# ---- relayed and inverted quotes ----------------------------------------------------------------
def test_context_agency_quoted_the_minister_as_saying(extract) -> None:
    result = extract("Iran's state news agency IRNA quoted Foreign Minister Abbas Araghchi as saying on Monday that "
                     "Tehran had no plans to resume talks for now.", D(2025, 6, 10))
    q = _quote(result, "Tehran had no plans")
    assert "Araghchi" in q.speaker


def test_context_quoted_as_saying_by_a_statement(extract) -> None:
    result = extract("“Dialogue is the only way forward,” Kenyan President William Ruto was quoted as saying by a "
                     "statement from his office.", D(2025, 1, 24))
    q = _quote(result, "Dialogue is the only way")
    assert "Ruto" in q.speaker and q.speaker_actor.country == "KEN"


def test_context_inverted_attribution_takes_the_apposition(extract) -> None:
    result = extract("Sudan's army and the Rapid Support Forces held indirect talks in Jeddah on Sunday. “The two "
                     "delegations will meet again next week,” said the head of the mediating team, Ahmed Salah Eddin.",
                     D(2025, 4, 14))
    assert "Eddin" in _quote(result, "The two delegations").speaker


def test_quote_marks_guillemet_closed_by_an_english_mark() -> None:
    text = '«We will respond," he said. «Diplomacy is not dead», she said. «Wait” they said.'
    assert [s.text(text) for s in find_quote_spans(text)] == ["We will respond,", "Diplomacy is not dead", "Wait"]


# ---- domestic and non-state parties -------------------------------------------------------------
def test_context_regional_adjective_gives_the_country(extract) -> None:
    result = extract("Darfuri fighters attacked Rapid Support Forces positions near El Fasher on Monday.", D(2024, 5, 14))
    assert ("19", "SDN", "SDN") in triples(result)


def test_context_people_placed_by_the_sentence(extract) -> None:
    result = extract("Kurdish fighters clashed with government troops near Deir ez-Zor on Monday.", D(2025, 9, 2))
    assert any(e.source and e.source.country == "SYR" for e in result.events), triples(result)


def test_peoples_home_country_prefers_the_place_then_the_article() -> None:
    kurds = load_peoples()["Kurdish"]
    assert home_country(kurds, {"IRQ"}, {"SYR"}) == "IRQ"
    assert home_country(kurds, set(), {"SYR"}) == "SYR"
    assert home_country(kurds, {"FRA"}, set()) == "TUR"


def test_context_ethnic_minority_belongs_where_it_lives(extract) -> None:
    result = extract("Ethnic Albanians in southern Serbia protested on Saturday against the arrest of a local "
                     "politician.", D(2024, 3, 3))
    assert result.events and all(e.source.country == "SRB" for e in result.events), triples(result)


def test_context_riot_police_are_local_not_a_person(extract) -> None:
    result = extract("Riot police fired tear gas at demonstrators in Nairobi on Tuesday.", D(2024, 6, 26))
    assert any(e.source and e.source.country == "KEN" and e.source.roles == ["COP"] for e in result.events), \
        triples(result)


def test_context_the_countrys_rebels(parse, kb) -> None:
    doc = parse("Myanmar's military said on Tuesday that it had reached a ceasefire with the country's ethnic rebels.")
    index = ActorIndex(doc, kb, D(2025, 1, 8))
    index.prepass()
    rebels = next(t for t in doc if t.text == "rebels")
    assert [(a.country, a.roles) for a in index.resolve(rebels)] == [("MMR", ["REB"])]


# ---- unknown perpetrators -----------------------------------------------------------------------
def test_context_unidentified_gunmen_are_an_unidentified_force_of_where_they_struck(extract) -> None:
    # CAMEO's domestic convention (docs/coding_actors.md): PAKUAF, never the state or a blamed neighbour
    result = extract("Unidentified gunmen opened fire on a convoy in Pakistan's Kurram district on Thursday, killing "
                     "42 people. Pakistani officials blamed militants based in Afghanistan.", D(2024, 11, 22))
    attacks = [e for e in result.events if e.root in ("18", "19", "20")]
    assert attacks and all(e.source is not None and e.source.country == "PAK" and e.source.roles == ["UAF"]
                           for e in attacks), [(e.source, e.cameo) for e in attacks]


def test_context_domestic_rebels_belong_where_they_fight(extract) -> None:
    result = extract("Rebels attacked an army base near Kidal in northern Mali on Sunday.", D(2025, 5, 1))
    assert any(e.source and e.source.country == "MLI" for e in result.events), triples(result)


# ---- dating --------------------------------------------------------------------------------------
def test_context_day_of_own_clause_outranks_last_month(extract) -> None:
    result = extract("After weeks of tension last month, the Chinese and Indian foreign ministers spoke in a phone "
                     "call on Friday.", D(2025, 5, 12))
    spoke = [e for e in result.events if e.root == "04"]
    assert spoke and all(e.date == D(2025, 5, 9) for e in spoke), [(e.cameo, e.date) for e in result.events]


def test_context_act_dated_in_the_next_sentence(extract) -> None:
    result = extract("Turkey and Iraq talked and agreed to reopen the border crossing. The two governments talked "
                     "by telephone on Tuesday, officials said.", D(2025, 6, 18))
    first = [e for e in result.events if e.sentence == 0 and e.root != "01"]
    assert first and all(e.date == D(2025, 6, 17) for e in first), [(e.cameo, e.date) for e in result.events]


def test_context_background_span_is_not_the_day(extract) -> None:
    result = extract("The Rapid Support Forces have besieged El Fasher since April, the Sudanese army said on "
                     "Tuesday.", D(2024, 10, 3))
    siege = [e for e in result.events if e.root == "19"]
    assert siege and all(e.date == D(2024, 10, 1) for e in siege), [(e.cameo, e.date) for e in result.events]


def test_context_killed_on_the_occasion_of_its_noun(extract) -> None:
    result = extract("Pakistan's military said the operation followed an attack on a checkpost in North Waziristan "
                     "on Tuesday in which eight soldiers were killed.", D(2026, 4, 9))
    killed = [e for e in result.events if e.verb == "killed"]
    assert killed and killed[0].date == D(2026, 4, 7)


# ---- "both sides" are the article's two main parties --------------------------------------------
def test_context_both_sides_are_the_two_parties_the_article_is_about(extract) -> None:
    result = extract("Sudan's army accused Chad on Monday of letting weapons cross into Darfur. Chad rejected the "
                     "charge and said Khartoum was looking for a scapegoat. Nigeria's foreign minister spoke with "
                     "officials in N'Djamena on Tuesday. The chairman of the African Union Commission urged both "
                     "governments to exercise restraint.", D(2025, 3, 6))
    appeals = {t for t in triples(result) if t[0] == "02"}
    assert appeals == {("02", "AFU", "SDN"), ("02", "AFU", "TCD")}, triples(result)


def test_context_the_two_sides_as_subject_keep_their_own_sentence(extract) -> None:
    result = extract("Japan's prime minister met the Indian foreign minister in Tokyo on Wednesday, and the two "
                     "sides agreed to expand defence cooperation.", D(2025, 8, 21))
    agreed = {frozenset((s, t)) for r, s, t in triples(result) if r in ("03", "05")}
    assert frozenset(("JPN", "IND")) in agreed, triples(result)


# ---- a verbal act conjoined inside a report is the reporter's ------------------------------------------
def test_context_accusation_after_a_report_is_the_reporters(extract) -> None:
    result = extract("Hezbollah said in a statement that it had not fired at Israel since the truce took effect "
                     "and accused Israel of looking for a pretext to escalate.", D(2025, 6, 8))
    assert ("11", "LBN", "ISR") in triples(result), triples(result)


def test_context_act_before_a_trailing_reporter_keeps_its_subject(extract) -> None:
    result = extract("US envoy Tom Barrack spoke with the Syrian foreign minister by phone on Tuesday and urged "
                     "Syria and Israel to avoid escalation, the Syrian ministry said.", D(2026, 8, 20))
    appeals = {(s, t) for r, s, t in triples(result) if r == "02"}
    assert appeals and all(s == "USA" for s, _ in appeals), triples(result)
