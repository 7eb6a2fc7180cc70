"""Behaviour tests for the rules of stop 23 (docs/coding.md section 18). Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

D = dt.date


# ---- actors --------------------------------------------------------------------------------------
def test_latin_american_names_a_region_not_the_united_states(extract) -> None:
    result = extract("Bolivia ordered diplomats from five Latin American countries to leave on Monday.",
                     D(2026, 3, 4))
    assert not any("USA" in (s, t) for _r, s, t in triples(result)), triples(result)
    us = extract("Bolivia ordered American diplomats to leave on Monday.", D(2026, 3, 4))
    assert ("16", "BOL", "USA") in triples(us), triples(us)


# ---- targets -------------------------------------------------------------------------------------
def test_the_actor_of_a_while_clause_is_not_the_target_of_the_main_one(extract) -> None:
    result = extract("Ottawa added 12 individuals to its blacklist on Monday, while Canberra announced travel "
                     "bans.", D(2026, 3, 4))
    assert not any(r == "16" and s == "CAN" and t == "AUS" for r, s, t in triples(result)), triples(result)


def test_a_sanction_with_no_target_takes_the_target_of_the_sanction_told_before(extract) -> None:
    result = extract("The European Union imposed sanctions on Eritrea on Monday. Ottawa added 12 individuals "
                     "to its blacklist, while Canberra announced travel bans.", D(2026, 3, 4))
    assert ("16", "CAN", "ERI") in triples(result), triples(result)
    assert not any(r == "16" and s == "CAN" and t in ("EEC", "EUR") for r, s, t in triples(result)), triples(result)


# ---- dates ---------------------------------------------------------------------------------------
def test_a_span_of_the_subject_does_not_date_a_conjoined_act(extract) -> None:
    result = extract("Opposition leader Sviatlana Tsikhanouskaya, in exile since August, welcomed the "
                     "sanctions but urged Brussels to go further.", D(2021, 6, 22))
    urge = [e for e in result.events if e.root == "02"]
    assert urge and all(e.date == D(2021, 6, 22) for e in urge), [(e.cameo, e.date) for e in urge]


# ---- acts ----------------------------------------------------------------------------------------
def test_an_act_a_cause_led_someone_to_do_was_done_by_them(extract) -> None:
    result = extract("The incident prompted Seoul to recall its ambassador to Tokyo on Friday.", D(2026, 3, 6))
    assert ("16", "KOR", "JPN") in triples(result), triples(result)
    modal = extract("The incident could prompt Seoul to recall its ambassador to Tokyo.", D(2026, 3, 6))
    assert not [t for t in triples(modal) if t[0] == "16"], triples(modal)


def test_a_courtesy_title_before_a_surname_finds_the_person_named_before(extract) -> None:
    result = extract("Kenyan Foreign Minister Musalia Mudavadi arrived in Kampala on Friday. Mr. Mudavadi "
                     "criticised Uganda's decision to close the border.", D(2026, 3, 7))
    assert ("11", "KEN", "UGA") in triples(result), triples(result)


def test_a_titled_official_acted_on_by_a_visitor_belongs_to_the_host(extract) -> None:
    result = extract("KATHMANDU, March 27 - Chinese Foreign Minister Wang Yi visited Kathmandu on Friday. "
                     "Mr. Wang held talks with Foreign Minister Narayan Khadka.", D(2022, 3, 27))
    assert ("04", "CHN", "NPL") in [t for t in triples(result)], triples(result)
    assert len([t for t in triples(result) if t[0] == "04"]) == 2, triples(result)


def test_rejecting_the_ultimatum_is_aimed_at_whoever_issued_it(extract) -> None:
    result = extract("France and Germany issued an ultimatum to Caracas on Saturday. Colombia praised Brazil "
                     "on Sunday. On Monday Venezuela rejected the ultimatum.", D(2019, 1, 28))
    assert any(r == "12" and s == "VEN" and t in ("FRA", "DEU") for r, s, t in triples(result)), triples(result)


def test_a_regions_leaders_are_its_bloc(extract) -> None:
    result = extract("West African leaders on Wednesday suspended Mali from the regional bloc.", D(2026, 3, 5))
    assert ("16", "WAS", "MLI") in triples(result), triples(result)


def test_a_town_that_ends_a_persons_name_is_no_place(extract) -> None:
    result = extract("Soldiers detained President Alpha Conde on Sunday.", D(2026, 3, 9))
    assert not any("BRA" in (s, t) for _r, s, t in triples(result)), triples(result)


def test_police_in_a_named_town_are_that_towns_states(extract) -> None:
    result = extract("Osama Njeem, who runs a Tripoli detention centre, was arrested by police in Turin on Sunday.",
                     D(2025, 1, 23))
    assert ("17", "ITA", "LBY") in triples(result), triples(result)


def test_setting_up_a_commission_of_inquiry_is_an_investigation(extract) -> None:
    result = extract("The African Union on Thursday set up a commission to investigate the killing of former "
                     "Malian Prime Minister Moussa Mara.", D(2026, 3, 6))
    assert any(r == "09" and s in ("AFU", "AFR") and t == "MLI" for r, s, t in triples(result)), triples(result)
    pursued = extract("Britain on Monday pursued its inquiry into the poisoning of a Russian defector.", D(2026, 3, 9))
    assert ("09", "GBR", "RUS") in triples(pursued), triples(pursued)


def test_what_a_delegation_travelled_to_do_was_done_unless_the_trip_is_still_ahead(extract) -> None:
    done = extract("A team of Dutch investigators arrived in Kyiv on Monday to pursue their inquiry into the "
                   "downing of the airliner by Russian forces.", D(2026, 3, 9))
    assert any(r == "09" and s == "NLD" for r, s, _t in triples(done)), triples(done)
    ahead = extract("President Lula will fly to Caracas next week to sign an energy agreement with Maduro.",
                    D(2026, 3, 9))
    assert not [t for t in triples(ahead) if t[0] == "05"], triples(ahead)


def test_talks_named_by_two_states_before_them_took_place_when_the_clause_says_so(extract) -> None:
    result = extract("Ethiopian-Egyptian talks on the dam collapsed in Cairo on Tuesday.", D(2026, 3, 6))
    assert any(r == "04" and {s, t} == {"ETH", "EGY"} for r, s, t in triples(result)), triples(result)
    ahead = extract("Ethiopian-Egyptian talks on the dam will resume in Cairo next week.", D(2026, 3, 6))
    assert not [t for t in triples(ahead) if t[0] == "04"], triples(ahead)


def test_a_state_before_brokered_mediated_between_the_parties(extract) -> None:
    result = extract("A Qatari-brokered truce between Israel and Hamas took effect on Sunday.", D(2026, 3, 9))
    assert ("04", "QAT", "ISR") in triples(result), triples(result)
    planned = extract("Israel rejected a proposed Egyptian-brokered truce on Sunday.", D(2026, 3, 9))
    assert not [t for t in triples(planned) if t[0] == "04"], triples(planned)


def test_a_state_act_told_in_the_passive_is_the_reporting_officials_state(extract) -> None:
    result = extract("Two Chinese nationals were deported to Beijing on Monday, Kenya's interior ministry said.",
                     D(2026, 3, 10))
    assert ("17", "KEN", "CHN") in triples(result), triples(result)
    abroad = extract("Two Kenyans were arrested in Uganda on Monday, Kenya's foreign ministry said.", D(2026, 3, 10))
    assert ("17", "UGA", "KEN") in triples(abroad), triples(abroad)


def test_an_election_result_rejected_with_no_one_named_is_rejected_at_home(extract) -> None:
    result = extract("Opposition candidate Venancio Mondlane on Thursday rejected the result as fraudulent.",
                     D(2024, 10, 25))
    assert ("12", "MOZ", "MOZ") in triples(result), triples(result)


def test_a_day_in_a_clause_about_a_person_does_not_date_the_sentences_act(extract) -> None:
    result = extract("President Arce, who took office on Nov. 8, has rejected the ultimatum and accused "
                     "Washington of plotting a coup.", D(2021, 1, 28))
    accuse = [e for e in result.events if e.root == "11"]
    assert accuse and all(e.date != D(2020, 11, 8) for e in accuse), [(e.cameo, e.date) for e in accuse]


def test_welcoming_a_governments_deal_with_its_rebels_is_aimed_at_that_state(extract) -> None:
    result = extract("Ethiopia's government and forces from the northern Tigray region agreed on Wednesday to a "
                     "cessation of hostilities. The Nigerian mediator Olusegun Obasanjo said it was a beginning. "
                     "UN Secretary-General Antonio Guterres welcomed the signing.", D(2022, 11, 3))
    assert ("05", "UNO", "ETH") in triples(result), triples(result)


def test_a_dateline_city_the_tagger_calls_a_verb_still_places_an_official(extract) -> None:
    result = extract("N'DJAMENA (Reuters) - Government spokesman Gassim Cherif Mahamat on Friday accused the "
                     "Sudanese army of exporting its war.", D(2025, 7, 25))
    assert ("11", "TCD", "SDN") in triples(result), triples(result)


def test_the_first_two_of_three_names_refer_back_to_the_person(extract) -> None:
    result = extract("Somali President Hassan Sheikh Mohamud met Turkish officials in Ankara. Hassan Sheikh "
                     "later thanked Erdogan for his patience.", D(2024, 12, 12))
    assert ("05", "SOM", "TUR") in triples(result), triples(result)


def test_a_statement_that_acts_is_its_issuers(extract) -> None:
    result = extract("France's foreign ministry issued a statement on Monday. The statement called Algeria's "
                     "decision unjustified.", D(2025, 4, 15))
    assert ("11", "FRA", "DZA") in triples(result), triples(result)


def test_hitting_back_at_critics_is_words_not_force(extract) -> None:
    result = extract("Paris hit back at Algiers on Monday over the expulsions.", D(2025, 4, 15))
    assert ("11", "FRA", "DZA") in triples(result), triples(result)
    assert not [t for t in triples(result) if t[0] in ("18", "19")], triples(result)


def test_lashing_out_at_a_capital_aims_at_its_state(extract) -> None:
    result = extract("Tehran lashed out at Washington on Monday.", D(2025, 4, 15))
    assert ("11", "IRN", "USA") in triples(result), triples(result)


def test_a_crowd_verb_the_parser_hangs_on_the_sentences_noun_is_the_main_verb(extract) -> None:
    result = extract("Hundreds of people protested in Tripoli's Martyrs' Square against the government on "
                     "Friday.", D(2025, 4, 15))
    assert ("14", "LBY", "LBY") in triples(result), triples(result)
    fragment = extract("Thousands of people displaced by the fighting in Darfur.", D(2025, 4, 15))
    assert not triples(fragment), triples(fragment)


def test_a_quotes_speaker_keeps_the_articles_spelling_of_a_known_name(extract) -> None:
    result = extract('Foreign Minister Edward Nalbandian said on Friday: "This is a valuable contribution to '
                     'peace."', D(2016, 6, 3))
    assert result.quotes and result.quotes[0].speaker == "Edward Nalbandian", result.quotes
    assert result.quotes[0].speaker_actor is not None and result.quotes[0].speaker_actor.country == "ARM"


def test_condemning_what_one_calls_an_attack_is_aimed_at_the_attacker(extract) -> None:
    result = extract("Pakistani jets struck targets in Khost on Saturday. Taliban spokesman Zabihullah Mujahid "
                     "condemned what he called a cruel attack.", D(2022, 4, 17))
    assert ("11", "AFG", "PAK") in triples(result), triples(result)


def test_talks_told_by_the_days_spent_in_them_name_their_partner(extract) -> None:
    result = extract("Chilean Foreign Minister Soledad Alvear arrived in Lima on Monday for two days of talks "
                     "with her Peruvian counterpart Diego Garcia-Sayan.", D(2001, 11, 12))
    assert ("04", "CHL", "PER") in triples(result), triples(result)


def test_a_convoy_that_hit_a_mine_attacked_no_one(extract) -> None:
    result = extract("A Togolese convoy hit a roadside bomb in central Mali on Wednesday.", D(2021, 12, 9))
    assert not [t for t in triples(result) if t[0] in ("18", "19") and t[1] == "TGO"], triples(result)


def test_un_missions_are_named_as_newspapers_write_them(extract) -> None:
    result = extract("Togo's president spoke by telephone on Wednesday with the head of Minusma.", D(2021, 12, 9))
    assert ("04", "TGO", "UNO") in triples(result), triples(result)


def test_a_second_object_hung_on_the_first_still_selects_the_pattern(extract) -> None:
    result = extract("NATO handed Bosnian Serb military commander Ratko Mladic an ultimatum on Saturday.",
                     D(1995, 9, 2))
    assert any(r == "13" and s == "NAT" for r, s, _t in triples(result)), triples(result)


def test_what_a_demand_asks_for_did_not_happen_however_the_clause_is_parsed(extract) -> None:
    result = extract("Afghanistan's Taliban rulers on Friday defied President George W. Bush's demand that they "
                     "surrender Osama bin Laden.", D(2001, 9, 21))
    assert not [t for t in triples(result) if t[0] in ("06", "08")], triples(result)


def test_springing_to_the_defence_of_a_state_is_support(extract) -> None:
    result = extract("President Evo Morales sprang to the defence of Cuba's government on Sunday.", D(2010, 3, 7))
    assert ("05", "BOL", "CUB") in triples(result), triples(result)


def test_relief_food_flown_into_a_country_is_aid(extract) -> None:
    result = extract("The World Food Programme airlifted 40 tonnes of high-energy biscuits into Chad on Tuesday.",
                     D(2005, 8, 2))
    assert ("07", "UNO", "TCD") in triples(result), triples(result)


def test_a_government_taking_back_its_own_measure_yields_at_home(extract) -> None:
    result = extract("Nigeria's government withdrew the fuel price increase on Monday after a week of strikes.",
                     D(2012, 1, 17))
    assert ("08", "NGA", "NGA") in triples(result), triples(result)


def test_banning_political_gatherings_restricts_freedoms_at_home(extract) -> None:
    result = extract("HARARE, March 16 (AP) - Riot police banned all political gatherings in the capital on "
                     "Friday.", D(2007, 3, 16))
    assert ("17", "ZWE", "ZWE") in triples(result), triples(result)


def test_a_former_office_holder_with_a_new_office_named_is_of_that_office(extract) -> None:
    result = extract("Hanna Tetteh, head of the UN Support Mission in Libya, called on both sides to hold "
                     "talks on Sunday.", D(2025, 6, 1))
    assert any(r == "02" and s == "UNO" for r, s, _t in triples(result)), triples(result)


def test_central_african_militias_are_named(extract) -> None:
    result = extract("Anti-balaka militias attacked ex-Seleka fighters near Bambari on Monday.", D(2014, 7, 28))
    assert ("19", "CAF", "CAF") in triples(result) or ("18", "CAF", "CAF") in triples(result), triples(result)


def test_the_bloc_told_next_acts_on_the_same_occasion(extract) -> None:
    result = extract("West African leaders on Wednesday suspended Guinea from the regional bloc. In a communique, "
                     "the bloc condemned Guinea's junta in the strongest terms.", D(2021, 9, 9))
    condemn = [e for e in result.events if e.root == "11"]
    assert condemn and all(e.date == D(2021, 9, 8) for e in condemn), [(e.cameo, e.date) for e in condemn]


def test_giving_in_is_yielding_even_with_the_pressure_named_later(extract) -> None:
    result = extract("Nepal's King Gyanendra gave in late on Monday to 19 days of mass street protests.",
                     D(2006, 4, 25))
    assert ("08", "NPL", "NPL") in triples(result), triples(result)


def test_the_brokers_of_a_truce_did_not_hold_talks_with_each_other(extract) -> None:
    result = extract("The truce, brokered by Saudi Arabia and the United States after talks in Jeddah, took "
                     "effect on Monday.", D(2023, 5, 22))
    assert not any(r == "04" and {s, t} == {"SAU", "USA"} for r, s, t in triples(result)), triples(result)


def test_a_crowd_is_of_the_country_where_it_acts(extract) -> None:
    result = extract("Riyadh severed relations with Tehran on Sunday, hours after protesters angered by the "
                     "execution of a cleric stormed the Saudi embassy in Tehran.", D(2016, 1, 4))
    force = [(s, t) for r, s, t in triples(result) if r in ("18", "19", "14")]
    assert force and all(s == "IRN" for s, _t in force), triples(result)


def test_what_another_should_do_is_not_its_intent(extract) -> None:
    result = extract('"Japan should apologise first," said Lee Jae-woo, one of the organisers.', D(2019, 7, 4))
    assert not [t for t in triples(result) if t[0] == "03"], triples(result)


def test_saying_another_had_to_do_something_is_a_demand(extract) -> None:
    result = extract("Saudi Foreign Minister Adel al-Jubeir told reporters on Tuesday that Qatar had to end its "
                     "support for Hamas.", D(2017, 6, 6))
    assert ("10", "SAU", "QAT") in triples(result), triples(result)


def test_the_government_of_a_named_leader_is_that_leaders(extract) -> None:
    result = extract("The World Food Programme said trucks were moving. The government of army chief General "
                     "Abdel Fattah al-Burhan on Thursday accused the Rapid Support Forces of looting aid.",
                     D(2024, 8, 22))
    assert any(r == "11" and s == "SDN" for r, s, _t in triples(result)), triples(result)


def test_it_refers_back_to_the_government_of_a_named_leader(extract) -> None:
    result = extract("The World Food Programme said trucks were moving. The government of army chief General "
                     "Abdel Fattah al-Burhan announced on Thursday that the crossing would reopen. It had closed "
                     "the route in February, accusing the Rapid Support Forces of smuggling weapons.",
                     D(2024, 8, 22))
    assert any(r == "11" and s == "SDN" for r, s, _t in triples(result)), triples(result)


def test_a_minister_serves_a_state_not_the_rights_group_named_before(extract) -> None:
    result = extract('NAIROBI (Reuters) - Amnesty International said police had killed 16 people. Interior '
                     'Minister Kipchumba Murkomen called the unrest "an attempted coup" by criminal gangs.',
                     D(2025, 6, 26))
    assert result.quotes and all(q.speaker_actor is None or q.speaker_actor.country != "AMN"
                                 for q in result.quotes if "coup" in q.text), result.quotes


def test_unrest_condemned_with_no_one_named_is_condemned_at_home(extract) -> None:
    result = extract("President Yoweri Museveni on Monday condemned the riots in the capital.", D(2025, 6, 26))
    assert ("11", "UGA", "UGA") in triples(result), triples(result)
