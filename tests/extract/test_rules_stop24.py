"""Behaviour tests for the rules of stop 24 (docs/coding.md section 19). Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

D = dt.date


# ---- protests told as nouns ----------------------------------------------------------------------
def test_a_rally_the_police_broke_up_took_place(extract) -> None:
    result = extract("Zambian riot police fired tear gas on Tuesday to disperse an opposition rally.",
                     D(2026, 4, 8))
    assert ("14", "ZMB", "ZMB") in triples(result), triples(result)


def test_a_government_bowing_to_days_of_strikes_faced_a_protest(extract) -> None:
    result = extract("President Luis Arce scrapped the fuel tax on Friday, bowing to a week of strikes and "
                     "roadblocks by miners.", D(2023, 5, 6))
    assert any(r == "14" and s == t == "BOL" for r, s, t in triples(result)), triples(result)


def test_a_crowd_pouring_into_a_square_in_protest_demonstrates(extract) -> None:
    result = extract("Tens of thousands of Georgians poured into central Tbilisi on Sunday in protest at "
                     "the new media law.", D(2024, 5, 13))
    assert ("14", "GEO", "GEO") in triples(result), triples(result)


def test_days_of_strikes_with_no_place_given_are_not_placed(extract) -> None:
    result = extract("Mexico's president criticised Lima's handling of weeks of road blockades on Monday.",
                     D(2026, 3, 11))
    assert not [t for t in triples(result) if t[0] == "14"], triples(result)


def test_air_strikes_are_no_strike_of_workers(extract) -> None:
    result = extract("The ceasefire collapsed on Monday after two days of Saudi strikes on Sanaa.",
                     D(2019, 3, 4))
    assert not [t for t in triples(result) if t[0] == "14"], triples(result)


# ---- acts that did not happen --------------------------------------------------------------------
def test_a_second_bare_verb_of_a_pledge_is_pledged_not_done(extract) -> None:
    result = extract("Sudan's army and the Rapid Support Forces signed a declaration on Thursday committing to "
                     "protect civilians and let aid through.", D(2023, 5, 12))
    assert not [e for e in result.events if e.cameo.startswith("086")], [e.cameo for e in result.events]


def test_a_participle_after_a_charge_is_part_of_the_charge(extract) -> None:
    result = extract("Iraq accused Turkish forces on Wednesday of shelling a mountain resort in Duhok, killing "
                     "nine tourists.", D(2022, 7, 20))
    assert not [t for t in triples(result) if t[0] in ("18", "19")], triples(result)
    assert ("11", "IRQ", "TUR") in triples(result), triples(result)


def test_a_visit_someone_is_due_to_make_has_not_happened(extract) -> None:
    result = extract("Rahmon is due to host Japarov and Uzbek President Shavkat Mirziyoyev in the Tajik "
                     "capital.", D(2025, 3, 13))
    assert not [t for t in triples(result) if t[0] == "04"], triples(result)


# ---- crowds --------------------------------------------------------------------------------------
def test_protesters_storming_an_embassy_protest_violently(extract) -> None:
    result = extract("Protesters stormed the Danish embassy in Tehran on Saturday and set part of it on fire.",
                     D(2016, 1, 3))
    assert ("14", "IRN", "DNK") in triples(result), triples(result)
    assert not [t for t in triples(result) if t[0] in ("18", "19")], triples(result)
    troops = extract("Troops stormed the rebel camp near Goma on Saturday.", D(2016, 1, 3))
    assert not [t for t in triples(troops) if t[0] == "14"], triples(troops)


# ---- actors and nominal acts ---------------------------------------------------------------------
def test_a_title_with_a_country_of_its_own_refers_back_only_to_that_country(extract) -> None:
    result = extract("Mali announced the recall of its ambassadors from Algiers on Sunday. Bamako also "
                     "summoned the Algerian ambassador.", D(2025, 4, 7))
    assert ("04", "MLI", "DZA") in triples(result) or ("11", "MLI", "DZA") in triples(result), triples(result)
    assert not any(s == t == "MLI" for _r, s, t in triples(result)), triples(result)


def test_announcing_the_recall_of_ambassadors_reduces_relations(extract) -> None:
    result = extract("Burkina Faso and Niger announced the recall of their ambassadors from Algiers on Sunday.",
                     D(2025, 4, 7))
    assert ("16", "BFA", "DZA") in triples(result) and ("16", "NER", "DZA") in triples(result), triples(result)


def test_a_region_s_bloc_told_by_description_is_the_bloc(extract) -> None:
    result = extract("West Africa's main regional bloc on Saturday lifted most of the sanctions it had imposed "
                     "on Niger.", D(2024, 2, 25))
    assert ("08", "WAS", "NER") in triples(result), triples(result)


def test_the_government_refers_back_to_a_state_not_to_a_bloc(extract) -> None:
    result = extract("Southeast Asian foreign ministers agreed on Friday to exclude Myanmar's junta chief, Min Aung "
                     "Hlaing, from this month's ASEAN summit, after the military government refused to let the "
                     "bloc's special envoy meet detained leader Aung San Suu Kyi.", D(2021, 10, 16))
    assert ("12", "MMR", "ASN") in triples(result), triples(result)
    assert ("16", "ASN", "MMR") in triples(result), triples(result)  # a bloc agreeing to exclude excludes


def test_a_pronoun_subject_of_a_conjoined_clause_is_the_first_clause_s_subject(extract) -> None:
    result = extract("Chancellor Angela Merkel said on Wednesday that tests had shown beyond doubt that Russian "
                     "opposition leader Alexei Navalny was poisoned with a nerve agent, and she demanded that the "
                     "Russian government explain itself.", D(2020, 9, 2))
    demands = [e for e in result.events if e.root == "10"]
    assert demands and all("Merkel" in e.source.name for e in demands), [(e.source.name, e.cameo) for e in demands]


def test_a_reporter_s_participle_answering_others_is_the_reporter_s(extract) -> None:
    result = extract("Solomon Islands Prime Minister Manasseh Sogavare told parliament on Wednesday that his "
                     "government would not let China build a military base, brushing aside warnings from "
                     "Australia.", D(2022, 4, 20))
    assert ("12", "SLB", "AUS") in triples(result), triples(result)
    assert not any(s == "CHN" and r == "12" for r, s, _t in triples(result)), triples(result)


# ---- force with no known doer --------------------------------------------------------------------
def test_unknown_attackers_are_an_unidentified_force_of_the_place_they_struck(extract) -> None:
    result = extract("Gunmen killed five villagers in northern Burkina Faso on Monday.", D(2020, 3, 3))
    attacks = [e for e in result.events if e.root == "18"]
    assert attacks and all(e.source and e.source.country == "BFA" and e.source.roles == ["UAF"] for e in attacks), \
        [(e.source, e.cameo) for e in attacks]


def test_the_capital_in_a_report_filed_from_a_capital_is_that_capital(extract) -> None:
    result = extract("ALGIERS, Aug 29 (Reuters) - Islamist guerrillas killed scores of villagers in an overnight raid on a "
                     "farming village just south of the capital, hospital sources said on Friday.", D(1997, 8, 29))
    assert any(r == "18" and t == "DZA" for r, _s, t in triples(result)), triples(result)


# ---- parses repaired -----------------------------------------------------------------------------
def test_striking_a_deal_with_no_partner_found_is_no_attack(extract) -> None:
    result = extract("After four years of talks in Havana, Colombia's government struck a final deal on Wednesday.",
                     D(2016, 8, 25))
    assert not [e for e in result.events if e.root in ("18", "19")], triples(result)


def test_a_subject_hung_on_a_fronted_phrase_is_still_the_subject(extract) -> None:
    result = extract("After nearly four years of negotiations in the Cuban capital, Colombia's government and the "
                     "Revolutionary Armed Forces of Colombia (FARC) struck a final deal on Wednesday to end the "
                     "war.", D(2016, 8, 25))
    assert any(r == "03" and s == t == "COL" for r, s, t in triples(result)), triples(result)
    assert not [e for e in result.events if e.root in ("18", "19")], triples(result)


def test_calling_off_joint_exercises_reduces_relations(extract) -> None:
    result = extract("President Barack Obama on Thursday called off the Bright Star military exercises planned "
                     "with Egypt for next month.", D(2013, 8, 16))
    assert ("16", "USA", "EGY") in triples(result), triples(result)


def test_a_case_filed_at_a_court_accusing_a_state_is_aimed_at_the_state(extract) -> None:
    result = extract("Gambia filed a case at the International Court of Justice on Monday accusing Myanmar of "
                     "genocide.", D(2019, 11, 12))
    assert ("11", "GMB", "MMR") in triples(result), triples(result)
    assert not any(t == "ICJ" for _r, _s, t in triples(result)), triples(result)


def test_states_listed_before_both_members_of_a_bloc_are_the_subject(extract) -> None:
    result = extract("Malaysia and Turkey, both members of the OIC, also praised Gambia for taking the step.",
                     D(2019, 11, 12))
    assert ("05", "MYS", "GMB") in triples(result) and ("05", "TUR", "GMB") in triples(result), triples(result)


def test_a_named_body_read_as_a_relative_clause_subject_takes_its_description(extract) -> None:
    result = extract("Russia's state gas monopoly Gazprom threatened on Tuesday to cut off gas deliveries to "
                     "Ukraine on January 1.", D(2005, 12, 13))
    assert ("13", "RUS", "UKR") in triples(result), triples(result)


def test_a_clause_after_a_defied_demand_is_what_the_demand_asked(extract) -> None:
    result = extract("The Taliban government defied Washington's demand on Friday that it hand over bin Laden.",
                     D(2001, 9, 21))
    assert not [e for e in result.events if e.root == "06"], triples(result)
    assert ("12", "AFG", "USA") in triples(result), triples(result)


# ---- dates ---------------------------------------------------------------------------------------
def test_an_undated_deed_after_a_dated_sentence_belongs_to_that_day(extract) -> None:
    result = extract("Venezuelan troops fired tear gas on Saturday at opposition supporters at the border. "
                     "President Nicolas Maduro broke off diplomatic relations with Colombia.", D(2019, 2, 24))
    cut = [e for e in result.events if e.root == "16"]
    assert cut and all(e.date == D(2019, 2, 23) for e in cut), [(e.cameo, e.date) for e in cut]


def test_words_said_in_reaction_keep_the_day_of_the_report(extract) -> None:
    result = extract("Rebels shelled a camp near El Fasher on Tuesday. The African Union condemned the attack.",
                     D(2025, 9, 10))
    words = [e for e in result.events if e.root == "11"]
    assert words and all(e.date == D(2025, 9, 10) for e in words), [(e.cameo, e.date) for e in words]


def test_suspending_cooperation_and_ending_a_pact_reduce_relations(extract) -> None:
    result = extract("Indonesia suspended military and intelligence cooperation with Australia on Wednesday.",
                     D(2013, 11, 20))
    assert ("16", "IDN", "AUS") in triples(result), triples(result)
    pact = extract("South Korea decided on Thursday to end a military intelligence-sharing pact with Japan.",
                   D(2019, 8, 22))
    assert ("16", "KOR", "JPN") in triples(pact), triples(pact)


def test_a_protest_lodged_with_no_one_named_is_against_the_latest_deed(extract) -> None:
    result = extract("South Korea decided on Thursday to end a military intelligence-sharing pact with Japan. "
                     "Tokyo lodged a strong protest.", D(2019, 8, 22))
    assert ("11", "JPN", "KOR") in triples(result), triples(result)


def test_a_state_s_decision_told_as_fact_is_its_act_on_the_decision_s_day(extract) -> None:
    result = extract("Prime Minister Scott Morrison said on Tuesday his government would not retaliate against "
                     "China's decision a day earlier to impose tariffs on Australian barley.", D(2020, 5, 19))
    tariffs = [e for e in result.events if e.root == "16" and e.source and e.source.country == "CHN"]
    assert tariffs and all(e.target.country == "AUS" and e.date == D(2020, 5, 18) for e in tariffs), triples(result)


def test_no_plans_to_retaliate_is_no_threat(extract) -> None:
    result = extract("Prime Minister Scott Morrison said on Tuesday his government had no plans to retaliate "
                     "against China's decision to impose tariffs on Australian barley, though he said Australia "
                     "would keep its values.", D(2020, 5, 19))
    assert not [e for e in result.events if e.root == "13"], triples(result)


def test_a_body_suspending_a_member_state_reduces_relations(extract) -> None:
    result = extract("The African Union suspended Gabon on Thursday after the coup.", D(2023, 9, 1))
    assert ("16", "AFU", "GAB") in triples(result), triples(result)
    flights = extract("Kenya suspended flights to Somalia on Monday.", D(2023, 9, 1))
    assert not [t for t in triples(flights) if t[0] == "16" and t[2] == "KEN"], triples(flights)


def test_condemning_the_takeover_is_aimed_at_the_country_of_the_coup(extract) -> None:
    result = extract("Gabon's transitional president, General Brice Oligui Nguema, visited Malabo on Wednesday. "
                     "The African Union also suspended Gabon after the coup, and France, the former colonial "
                     "power, condemned the takeover.", D(2023, 9, 21))
    assert ("11", "FRA", "GAB") in triples(result), triples(result)
