"""Behaviour tests for the field conventions of docs/coding.md: one event per act, content of
speech, third parties, places, agreements, nominal and passive acts, consultations told in nouns,
self-dyads and roots. Short sentences of our own, parsed once by the real model; the article is
dated Thursday 2025-05-01."""
from __future__ import annotations

import datetime as dt

from event_helpers import roots, triples


# ---- roots ------------------------------------------------------------------------------------------
def test_events_tear_gas_on_protesters_is_repression_not_force(extract) -> None:
    """'on Tuesday' is a time phrase, not the particle of 'fire on'."""
    result = extract("Kenyan police fired tear gas at protesters in Nairobi on Tuesday.")
    assert ("17", "KEN", "KEN") in triples(result)
    assert "19" not in roots(result)


def test_events_air_strike_is_force(extract) -> None:
    result = extract("Israeli jets carried out an air strike on a Hezbollah position in southern Lebanon on Sunday.")
    assert ("19", "ISR", "LBN") in triples(result)


# ---- content of speech -------------------------------------------------------------------------------
def test_events_warning_that_forecasts_is_no_threat(extract) -> None:
    result = extract("Chinese Foreign Minister Wang Yi spoke with his Indian counterpart on Sunday, "
                     "warning that further escalation would help nobody.")
    assert "13" not in roots(result)


def test_events_warning_of_own_force_stays_a_threat(extract) -> None:
    result = extract("Poland warned on Saturday that Warsaw would shoot down any Russian drone that crossed the border.")
    assert "13" in roots(result)


def test_events_subject_that_names_no_actor_does_no_verbal_act(extract) -> None:
    result = extract("\"This calls for closer coordination among Europeans,\" French Finance Minister Eric Lombard said.")
    assert "02" not in roots(result)


def test_events_hostile_act_on_their_boats_is_on_the_speakers_side(extract) -> None:
    result = extract("Filipino fishermen said Chinese coast guard vessels fired water cannon at their boats on Saturday.")
    assert ("17", "CHN", "PHL") in triples(result)
    assert ("17", "CHN", "CHN") not in triples(result)


# ---- nominal and passive acts (verb patterns) -----------------------------------------------------------
def test_events_ultimatum_is_139(extract) -> None:
    result = extract("Israel issued an ultimatum to Hamas on Monday.")
    assert any(e.cameo == "139" and e.target.country == "PSE" for e in result.events), triples(result)


def test_events_ending_mediation_is_165(extract) -> None:
    result = extract("Qatar ended its mediation efforts between Israel and Hamas on Saturday.")
    assert ("16", "QAT", "ISR") in triples(result) or ("16", "QAT", "PSE") in triples(result)


def test_events_house_arrest_is_an_arrest_by_the_place_s_authorities(extract) -> None:
    result = extract("Opposition leader Ousmane Sonko was put under house arrest in Dakar on Friday.")
    assert ("17", "SEN", "SEN") in triples(result)


def test_events_send_home_diplomats_is_an_expulsion(extract) -> None:
    result = extract("France expelled 12 Algerian diplomats and sent home the staff of Algeria's consulates on Monday.")
    assert ("16", "FRA", "DZA") in triples(result)


# ---- nominal and passive acts (nouns, participles, decisions) ----------------------------------------
def test_events_decision_to_impose_sanctions_is_the_deciders_act(extract) -> None:
    result = extract("Venezuela on Tuesday condemned the European Union's decision to impose sanctions on seven Venezuelan officials.")
    assert ("16", "EEC", "VEN") in triples(result)
    assert ("11", "VEN", "EEC") in triples(result)


def test_events_measures_imposed_by_are_sanctions_of_the_agent(extract) -> None:
    result = extract("Russia summoned Japan's ambassador on Wednesday to protest the measures imposed by Japan against Russian banks.")
    assert ("16", "JPN", "RUS") in triples(result)


def test_events_sanctions_by_several_countries_on_the_country(extract) -> None:
    result = extract("Myanmar's military government on Friday denounced the joint sanctions on the country by Canada, Australia and Norway.")
    assert {("16", c, "MMR") for c in ("CAN", "AUS", "NOR")} <= set(triples(result))


def test_events_suspension_by_is_coded_toward_the_one_protesting(extract) -> None:
    result = extract("Ecuador protested on Monday against the suspension of the trade pact by Colombia.")
    assert ("16", "COL", "ECU") in triples(result)


def test_events_truce_brokered_by_two_mediators(extract) -> None:
    result = extract("A truce brokered by Qatar and Turkey between Pakistan and Afghanistan took effect on Sunday.")
    found = set(triples(result))
    assert {("04", "QAT", "PAK"), ("04", "TUR", "AFG")} <= found
    assert "19" not in roots(result)  # "after a week of border clashes" names no capture


def test_events_planned_or_background_nominal_acts_are_not_coded(extract) -> None:
    assert "16" not in roots(extract("Any sanctions on Iran by the European Union would be illegal, Tehran said."))
    result = extract("Farmers began a hunger strike to demand the return of land seized by the army in the 1970s.")
    assert "17" not in roots(result)


# ---- consultations told in nouns ----------------------------------------------------------------------
def test_events_call_in_a_prepositional_phrase_is_a_consultation(extract) -> None:
    result = extract("During her call with Indian Prime Minister Narendra Modi on Monday, Italian Prime Minister "
                     "Giorgia Meloni voiced support for India's fight against terrorism.")
    assert ("04", "ITA", "IND") in triples(result) or ("04", "IND", "ITA") in triples(result)
    assert ("05", "ITA", "IND") in triples(result)


def test_events_conversation_between_two_leaders_takes_its_own_date(extract) -> None:
    import datetime as dt

    result = extract("Egypt and Turkey agreed to restore direct flights after a telephone conversation between "
                     "Egyptian President Abdel Fattah al-Sisi and Turkish President Tayyip Erdogan on 28 April.")
    calls = [e for e in result.events if e.root == "04"]
    assert calls and {calls[0].source.country, calls[0].target.country} == {"EGY", "TUR"}
    assert calls[0].date == dt.date(2025, 4, 28)


def test_events_talks_of_a_conjoined_subject(extract) -> None:
    result = extract("The United States and China agreed in bilateral talks in Geneva to cut tariffs for 90 days.")
    found = set(triples(result))
    assert ("04", "USA", "CHN") in found or ("04", "CHN", "USA") in found
    assert not any("CHE" in (s, t) for _r, s, t in found)


def test_events_talks_ahead_are_not_a_consultation(extract) -> None:
    assert "04" not in roots(extract("France imposed new tariffs on Chinese steel ahead of planned talks with China."))


# ---- threats: who is threatened, and judgments that threaten no one ---------------------------------------
def test_events_warning_that_a_war_would_be_catastrophic_is_a_judgment(extract) -> None:
    result = extract("Ethiopian officials met US envoys on Monday and warned that a new war would be catastrophic for the region.")
    assert "13" not in roots(result)


def test_events_warning_of_consequences_for_x_threatens_x(extract) -> None:
    result = extract("US Secretary of State Marco Rubio warned on Monday that any attack on Guyana would have "
                     "severe consequences for the government of Nicolas Maduro.")
    assert ("13", "USA", "VEN") in triples(result)
    assert ("13", "USA", "GUY") not in triples(result)


# ---- self-dyads ----------------------------------------------------------------------------------------
def test_events_an_organisation_does_not_act_on_itself(extract) -> None:
    result = extract("The UN human rights office urged the authorities to use force only as a last resort, "
                     "the United Nations said.")
    assert not any(s == t == "UNO" for _r, s, t in triples(result))


def test_events_third_party_subject_of_a_discussion_is_no_dyad(extract) -> None:
    result = extract("Russian Foreign Minister Sergei Lavrov and Indian Foreign Minister Subrahmanyam Jaishankar "
                     "discussed the escalation between India and Pakistan in a phone call on Thursday.")
    found = set(triples(result))
    assert ("04", "RUS", "IND") in found or ("04", "IND", "RUS") in found
    assert not any({s, t} == {"IND", "PAK"} for _r, s, t in found)


# ---- places and agreements --------------------------------------------------------------------------------
def test_events_agreement_signed_in_a_city_is_not_toward_its_country(extract) -> None:
    result = extract("Rwanda and the Democratic Republic of Congo signed a peace agreement in Doha on Sunday. "
                     "The agreement signed in Doha commits both sides to a permanent ceasefire.")
    assert not any("QAT" in (s, t) for _r, s, t in triples(result))
    assert any({s, t} == {"RWA", "COD"} for _r, s, t in triples(result))


def test_events_agreement_at_hosted_talks_pairs_the_parties_not_the_host(extract) -> None:
    result = extract("Thailand and Cambodia agreed on Monday to an immediate ceasefire at talks hosted by Malaysia.")
    found = set(triples(result))
    assert any(r in ("03", "08") and {s, t} == {"THA", "KHM"} for r, s, t in found), found
    assert not any(t == "MYS" for r, _s, t in found if r in ("03", "08"))


def test_events_rejection_targets_the_proposer(extract) -> None:
    result = extract("Ukraine on Tuesday rejected Russia's proposal for a short ceasefire over the holidays.")
    assert ("12", "UKR", "RUS") in triples(result)


def test_events_two_heads_of_one_state_do_not_meet_each_other(extract) -> None:
    result = extract("King Mohammed VI and President Mohamed Ould Ghazouani met in Casablanca on Monday.")
    assert not any(r == "04" and s == t for r, s, t in triples(result))


def test_events_targeting_after_sanctions_is_no_attack(extract) -> None:
    result = extract("EU foreign ministers approved new sanctions against Russia on Tuesday, targeting 200 tankers.")
    assert ("16", "EEC", "RUS") in triples(result)
    assert "19" not in roots(result)


def test_events_act_under_a_modal_attempt_is_not_done(extract) -> None:
    result = extract("Analysts fear that Ethiopia could try to seize the Eritrean port of Assab by force.",
                     dt.date(2026, 1, 8))
    assert not roots(result) & {"15", "18", "19", "20"}, triples(result)


def test_events_attempt_without_a_modal_is_still_done(extract) -> None:
    result = extract("Russian troops tried to storm the Ukrainian village of Robotyne on Monday.", dt.date(2025, 5, 8))
    assert "19" in roots(result) or "18" in roots(result), triples(result)


def test_events_clause_of_a_denied_report_is_no_event(extract) -> None:
    result = extract("Kosovo police detained two Serbian men near Mitrovica on Friday. Serbia's Defence Minister "
                     "Milan Jovic denied a report in a Kosovo newspaper that the army had moved troops closer to "
                     "the boundary line.", dt.date(2024, 2, 24))
    assert "15" not in roots(result), triples(result)
    assert ("12", "SRB", "XKX") in triples(result)


# ---- praise and criticism by an office --------------------------------------------------------------
def test_events_the_secretary_is_the_secretary_named_before(extract) -> None:
    result = extract("U.S. Secretary of State Marco Rubio met Qatar's prime minister in Doha on Monday. The Secretary "
                     "praised Qatar's role in securing the release of the hostages.", dt.date(2025, 10, 14))
    assert ("05", "USA", "QAT") in triples(result), triples(result)


def test_events_the_minister_is_the_last_minister_even_unnamed(extract) -> None:
    result = extract("German Foreign Minister Johann Wadephul met Jordan's king on Monday. France's foreign minister "
                     "spoke in Paris on Tuesday. The minister also criticised China's support for Moscow.",
                     dt.date(2025, 10, 14))
    assert ("11", "FRA", "CHN") in triples(result), triples(result)


def test_events_calling_anothers_conduct_unacceptable_is_disapproval(extract) -> None:
    result = extract("France's foreign minister called Russia's behaviour unacceptable on Tuesday. Germany's "
                     "chancellor said Iran's conduct was simply unacceptable.", dt.date(2025, 10, 14))
    assert ("11", "FRA", "RUS") in triples(result), triples(result)
    assert ("11", "DEU", "IRN") in triples(result), triples(result)


# ---- force needs someone hit, or ground it fell on ---------------------------------------------------
def test_events_force_with_no_target_falls_on_the_places_country(extract) -> None:
    result = extract("Sudan's army shelled positions near El Fasher on Tuesday.", dt.date(2025, 6, 12))
    assert ("19", "SDN", "SDN") in triples(result), triples(result)


def test_events_force_with_no_target_and_no_place_is_dropped(extract) -> None:
    result = extract("Ukraine's army fired artillery all night, the general staff said.", dt.date(2025, 6, 12))
    assert not roots(result) & {"18", "19", "20"}, triples(result)


# ---- dating across clauses and sentences ------------------------------------------------------------
def test_events_the_deal_continues_the_day_told_before(extract) -> None:
    result = extract("Thailand and Cambodia agreed on Monday to pull heavy weapons back from the border. The deal was "
                     "reached at talks in Kuala Lumpur between the two defence ministers.", dt.date(2026, 8, 5))
    talks = [e for e in result.events if e.root == "04"]
    assert talks and all(e.date == dt.date(2026, 8, 3) for e in talks), triples(result)


def test_events_an_after_clause_takes_the_day_of_its_dated_head(extract) -> None:
    result = extract("India and Pakistan agreed on Saturday to stop all firing after their military operations "
                     "chiefs spoke by telephone.", dt.date(2025, 5, 12))
    spoke = [e for e in result.events if e.verb == "spoke"]
    assert spoke and spoke[0].date == dt.date(2025, 5, 10), [(e.verb, e.date) for e in result.events]


def test_events_an_after_clause_under_an_undated_head_keeps_its_own_date(extract) -> None:
    result = extract("The call comes after the US urged India to de-escalate, after militants last week killed "
                     "dozens of people in Kashmir.", dt.date(2025, 5, 1))
    urged = [e for e in result.events if e.verb == "urged"]
    assert urged and urged[0].date == dt.date(2025, 5, 1), [(e.verb, e.date) for e in result.events]


# ---- an act toward someone needs someone --------------------------------------------------------------
def test_events_an_appeal_to_no_one_named_is_no_event(extract) -> None:
    result = extract("Japan's foreign minister appealed for calm on Tuesday.", dt.date(2025, 6, 12))
    assert "02" not in roots(result), triples(result)


def test_events_an_intent_of_one_party_stays(extract) -> None:
    result = extract("Ethiopia has agreed to reopen its borders to aid workers.", dt.date(2025, 6, 12))
    assert "03" in roots(result), triples(result)


def test_events_a_place_along_which_something_is_done_is_not_its_object(extract) -> None:
    result = extract("Rwanda's government spokeswoman said its forces had taken only defensive measures along the "
                     "border.", dt.date(2025, 2, 21))
    assert "19" not in roots(result), triples(result)
