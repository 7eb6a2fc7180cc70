"""Behaviour tests for the rules of stop 19 (docs/coding.md, docs/coding_actors.md): one event per
verb, numbered groups of states, shots and ramming. Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

D = dt.date


# ---- one event per verb ------------------------------------------------------------------------
def test_two_verbs_of_one_sentence_give_two_events_with_the_same_root(extract) -> None:
    result = extract("Vilnius lodged a formal protest on Monday and summoned the Belarusian charge d'affaires.",
                     D(2026, 3, 3))
    acts = [e for e in result.events if e.root == "11" and e.source and e.source.country == "LTU"]
    assert len(acts) == 2 and {e.verb for e in acts} == {"lodged", "summoned"}, [(e.cameo, e.verb) for e in result.events]


def test_the_same_act_retold_in_a_later_sentence_is_one_event(extract) -> None:
    result = extract("Norway expelled three Russian diplomats on Monday. The foreign ministry said Oslo "
                     "had expelled the diplomats on Monday for spying.", D(2026, 3, 3))
    assert len([e for e in result.events if e.root == "16"]) == 1, [(e.cameo, e.sentence) for e in result.events]


# ---- numbered groups ---------------------------------------------------------------------------
def test_the_three_allies_are_the_three_states_named_together_before(extract) -> None:
    result = extract("North Korea test-fired a missile on Tuesday. Japan, South Korea and the United States "
                     "held emergency talks in Tokyo. The three allies condemned the launch.", D(2026, 3, 4))
    assert {s for r, s, t in triples(result) if r == "11" and t == "PRK"} == {"JPN", "KOR", "USA"}


def test_the_doers_of_a_sentence_make_the_group_not_their_target(extract) -> None:
    result = extract("Britain, Canada and Australia imposed sanctions on Georgian police chiefs on Monday. "
                     "On Tuesday the three governments condemned the arrest of opposition leaders in Georgia.",
                     D(2026, 3, 4))
    assert {s for r, s, t in triples(result) if r == "11"} == {"GBR", "CAN", "AUS"}


def test_a_number_that_counts_people_refers_to_no_group(extract) -> None:
    result = extract("France, Germany and Italy sent aid to Libya. Three ministers visited Tripoli.", D(2026, 3, 4))
    assert not [e for e in result.events if e.sentence == 1 and e.source and e.source.country in ("FRA", "DEU", "ITA")
                and e.root == "04" and e.verb == "visited" and e.source.name == "Three ministers"]


# ---- shots and ramming ---------------------------------------------------------------------------
def test_warning_shots_are_a_show_of_force_and_shots_at_someone_are_small_arms(extract) -> None:
    warn = extract("A Russian warship fired warning shots at a Norwegian trawler on Monday.", D(2026, 3, 4))
    assert ("15", "RUS", "NOR") in triples(warn)
    shot = extract("Indian border guards fired shots at Pakistani soldiers on Monday.", D(2026, 3, 4))
    assert [e.cameo for e in shot.events if e.root == "19"] == ["193"]


def test_ramming_a_boat_is_an_assault(extract) -> None:
    result = extract("A Chinese coast guard vessel rammed a Vietnamese fishing boat near the Paracel Islands on Sunday.",
                     D(2026, 3, 4))
    assert ("18", "CHN", "VNM") in triples(result)


def test_a_definite_plural_repeating_an_earlier_noun_is_that_mention(extract) -> None:
    result = extract("Norway expelled three Russian diplomats on Monday. The foreign ministry said Oslo "
                     "had expelled the diplomats on Monday for spying.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root == "16" and e.target and e.target.country == "NOR"]


# ---- content hung on the audience -------------------------------------------------------------
def test_should_told_to_a_briefing_is_an_appeal_to_whoever_should(extract) -> None:
    result = extract("A Chinese foreign ministry spokesman told a regular briefing that Vietnam should "
                     "\"stop provoking trouble\" in the South China Sea.", D(2026, 3, 4))
    assert ("02", "CHN", "VNM") in triples(result)


# ---- the doer of an attack named with "by" ---------------------------------------------------------
def test_an_attack_by_someone_is_theirs(extract) -> None:
    result = extract("A drone strike by Turkey killed four fighters in northern Iraq on Monday.", D(2026, 3, 4))
    assert ("19", "TUR", "IRQ") in triples(result)


# ---- dating ---------------------------------------------------------------------------------------
def test_a_day_after_dates_the_clause_a_day_before_its_head(extract) -> None:
    result = extract("Niger closed its border with Mali on Thursday, a day after a drone strike by Mali "
                     "killed four Nigerien herders.", D(2026, 2, 27))
    dates = {e.root: e.date for e in result.events}
    assert dates.get("16") == D(2026, 2, 26) and dates.get("19") == D(2026, 2, 25), dates


def test_two_days_after_and_hours_after(extract) -> None:
    two = extract("Colombia suspended talks with the ELN on Wednesday, two days after ELN guerrillas attacked "
                  "an army base in Colombia.", D(2026, 2, 27))
    assert {e.date for e in two.events if e.root == "19"} == {D(2026, 2, 23)}
    hours = extract("Colombia suspended talks with the ELN on Wednesday, hours after ELN guerrillas attacked "
                    "an army base in Colombia.", D(2026, 2, 27))
    assert {e.date for e in hours.events if e.root == "19"} == {D(2026, 2, 25)}


def test_an_undated_act_takes_the_day_of_the_participle_clause_on_its_subject(extract) -> None:
    result = extract("Serbian President Aleksandar Vucic, speaking at a rally in Belgrade on Tuesday, rejected "
                     "the demands of Kosovo as provocations.", D(2026, 2, 27))
    assert {e.date for e in result.events if e.root == "12"} == {D(2026, 2, 24)}


# ---- objects and doers the small parser hides -------------------------------------------------------
def test_up_to_a_number_of_people_is_the_object(extract) -> None:
    result = extract("Somali militants kidnapped up to 12 Kenyan aid workers near the border on Monday.", D(2026, 3, 4))
    assert ("18", "SOM", "KEN") in triples(result)


def test_a_leaders_named_group_is_the_group_not_the_leader(extract) -> None:
    result = extract("Abubakar Shekau's Boko Haram movement threatened to attack schools in Nigeria on Monday.",
                     D(2013, 3, 4))
    assert {e.source.name for e in result.events if e.root == "13"} == {"Boko Haram"}


def test_the_two_sides_of_a_civil_war_are_the_government_and_the_rebels(extract) -> None:
    result = extract("The Colombian government and the ELN rebels signed a ceasefire in Havana on Thursday. "
                     "The two sides had agreed in principle on March 2 to free prisoners.", D(2026, 3, 20))
    agreed = [e for e in result.events if e.root == "03"]
    assert agreed and all(e.source.country == e.target.country == "COL" for e in agreed), \
        [(e.cameo, e.source and e.source.name, e.target and e.target.name) for e in result.events]


# ---- verdicts and envoys ---------------------------------------------------------------------------
def test_describing_a_governments_conduct_as_a_brutal_crackdown_is_disapproval(extract) -> None:
    result = extract("Chile's president described the Bolivian government's treatment of miners as "
                     "\"a brutal crackdown\" on Monday.", D(2026, 3, 4))
    assert ("11", "CHL", "BOL") in triples(result)


def test_recalling_a_charge_daffaires_reduces_relations(extract) -> None:
    result = extract("Ecuador recalled its chargé d'affaires from Caracas on Monday.", D(2026, 3, 4))
    assert [e.cameo for e in result.events if e.root == "16"] == ["161"]


def test_a_verdict_on_the_sanctions_falls_on_whoever_imposed_them(extract) -> None:
    result = extract("Japan imposed sanctions on four Russian banks on Tuesday. Chinese Foreign Minister Wang Yi "
                     "met his Russian counterpart in Beijing the same day. Russia's foreign ministry called the "
                     "sanctions illegitimate on Wednesday.", D(2026, 3, 5))
    assert ("11", "RUS", "JPN") in triples(result), triples(result)


def test_adding_firms_to_a_sanctions_list_is_a_sanction(extract) -> None:
    result = extract("Washington added three Iranian shipping firms to its sanctions list on Monday.", D(2026, 3, 5))
    assert ("16", "USA", "IRN") in triples(result)


def test_the_armed_forces_named_in_an_announcement_are_no_threat(extract) -> None:
    result = extract("The Treasury Department announced on Tuesday that it would cap remittances to Cuba and "
                     "bar dealings with firms linked to the Cuban armed forces.", D(2026, 3, 5))
    assert not [e for e in result.events if e.root == "13"], [(e.cameo, e.verb) for e in result.events]
    threat = extract("Iran warned that it would respond with full force to any attack by Israel.", D(2026, 3, 5))
    assert [e for e in threat.events if e.root == "13"]


def test_summoning_a_high_commissioner_and_a_region_that_shares_a_peoples_name(extract) -> None:
    summoned = extract("Bangladesh summoned India's acting high commissioner in Dhaka on Monday.", D(2026, 3, 5))
    assert ("11", "BGD", "IND") in triples(summoned)
    region = extract("Tamil Nadu Chief Minister M.K. Stalin wrote to Prime Minister Narendra Modi on Monday, "
                     "urging him to press Sri Lanka to free the fishermen.", D(2025, 8, 28))
    assert {e.source.country for e in region.events if e.verb == "urging"} == {"IND"}


def test_its_neighbour_is_the_other_country_named_before(extract) -> None:
    result = extract("Hungarian and Slovak ministers met in Bratislava on Friday. Hungary pledged to supply "
                     "additional gas to its neighbour through the winter.", D(2026, 3, 7))
    assert ("03", "HUN", "SVK") in triples(result), triples(result)


# ---- what did not happen, and accusations of intrusion --------------------------------------------------
def test_no_plans_to_send_ships_is_no_deployment_and_no_threat(extract) -> None:
    result = extract("Vietnam's defence minister said Hanoi had no plans to send warships to the reef.", D(2026, 3, 7))
    assert not [e for e in result.events if e.root in ("13", "15")], [(e.cameo, e.verb) for e in result.events]


def test_saying_the_other_sides_ships_intruded_is_an_accusation(extract) -> None:
    result = extract("A Chinese foreign ministry spokeswoman said on Friday that Vietnamese boats had intruded "
                     "into Chinese waters.", D(2026, 3, 7))
    assert ("11", "CHN", "VNM") in triples(result)


def test_an_accusation_followed_by_a_charge_someone_denied_was_made(extract) -> None:
    result = extract("Ecuador accused Peruvian troops of crossing the border, a charge Lima denied.", D(2026, 3, 7))
    assert ("11", "ECU", "PER") in triples(result)
    denied = extract("Peru denied that its troops had crossed the border into Ecuador.", D(2026, 3, 7))
    assert not [e for e in denied.events if e.root in ("19", "15", "18")]


def test_two_states_welcoming_an_agreement_do_not_praise_each_other(extract) -> None:
    result = extract("Armenia and Azerbaijan signed a peace treaty on Monday. France and Russia both welcomed "
                     "the agreement.", D(2026, 3, 10))
    assert not [e for e in result.events if {e.source.country, e.target and e.target.country} == {"FRA", "RUS"}]


def test_an_appeal_to_the_authorities_goes_to_the_country_the_article_is_about(extract) -> None:
    result = extract("Italian and Spanish ministers met Libyan officials in Tripoli on Friday, the first such visit "
                     "since the fighting in Libya. The Italian minister urged the new authorities to protect migrants.",
                     D(2026, 3, 7))
    urged = [e for e in result.events if e.verb == "urged"]
    assert urged and all(e.target.country == "LBY" for e in urged), [(e.cameo, e.target) for e in urged]


def test_a_refusal_to_supply_is_a_rejection_of_whoever_it_deals_with(extract) -> None:
    result = extract("Chancellor Olaf Scholz received Volodymyr Zelensky in Berlin on Friday and promised new "
                     "air defences. Scholz again refused to supply long-range missiles, saying it would risk "
                     "drawing Germany into the war.", D(2024, 10, 12))
    assert ("12", "DEU", "UKR") in triples(result)
    assert not [e for e in result.events if e.root == "13"], [(e.cameo, e.verb) for e in result.events]


def test_a_subject_pronoun_takes_the_earlier_subject_before_the_object(extract) -> None:
    result = extract("Pakistani Foreign Minister Ishaq Dar briefed Chinese Foreign Minister Wang Yi on the attacks, "
                     "and he thanked Beijing for its support.", D(2024, 9, 2))
    thanked = [e for e in result.events if e.verb == "thanked"]
    assert thanked and all(e.source.country == "PAK" for e in thanked), [(e.source, e.target) for e in thanked]


def test_clashes_between_two_parties_that_killed_people_are_their_fight(extract) -> None:
    result = extract("Fighting between Ethiopian and Eritrean troops killed 30 soldiers near Badme on Monday.",
                     D(2026, 3, 10))
    fights = [e for e in result.events if e.root == "19"]
    assert fights and {(e.source.country, e.target.country) for e in fights} <= {("ETH", "ERI"), ("ERI", "ETH")}


def test_a_led_coalition_is_its_leaders_and_a_reply_with_air_strikes_is_force(extract) -> None:
    led = extract("The Saudi-led coalition struck Houthi positions in Hodeidah on Monday.", D(2026, 3, 10))
    assert {e.source.country for e in led.events if e.root == "19"} == {"SAU"}
    reply = extract("Hamas fired rockets at southern Israel on Tuesday, and the Israeli military responded with "
                    "air strikes on the group's positions in Gaza.", D(2026, 3, 11))
    assert ("19", "ISR", "PSE") in triples(reply), triples(reply)
    threat = extract("Iran's foreign minister said his country would respond forcefully to any attack.", D(2026, 3, 11))
    assert not [e for e in threat.events if e.root == "19"]


# ---- places told as where ----------------------------------------------------------------------------
def test_a_crowd_outside_a_foreign_consulate_belongs_where_it_stands(extract) -> None:
    result = extract("In Erbil, hundreds of people protested outside the Turkish consulate on Friday.", D(2025, 3, 8))
    assert ("14", "IRQ", "TUR") in triples(result), triples(result)


def test_force_near_a_city_named_only_once_falls_on_that_citys_country(extract) -> None:
    result = extract("Turkish drones struck a vehicle near Erbil on Thursday.", D(2025, 3, 8))
    assert ("19", "TUR", "IRQ") in triples(result)
    talks = extract("The United States and China agreed in bilateral talks in Geneva to cut tariffs.", D(2025, 6, 2))
    assert not [e for e in talks.events if "CHE" in (e.source and e.source.country, e.target and e.target.country)]


def test_the_ruling_party_is_the_government_side(extract) -> None:
    result = extract("Police in Tanzania dispersed opposition rallies on Saturday. Opposition leader Tundu Lissu "
                     "accused the ruling party of rigging the vote.", D(2025, 10, 26))
    assert ("11", "TZA", "TZA") in triples(result), triples(result)


def test_rejecting_another_states_plan_targets_that_state(extract) -> None:
    rejected = extract("Israel rejected a French proposal for a ceasefire on Thursday.", D(2026, 3, 13))
    assert ("12", "ISR", "FRA") in triples(rejected), triples(rejected)


def test_sealing_off_a_town_restricts_movement_and_a_visiting_guest_is_the_visitor(extract) -> None:
    sealed = extract("The Israeli army sealed off the West Bank town of Jenin on Monday.", D(2026, 3, 13))
    assert ("19", "ISR", "PSE") in triples(sealed), triples(sealed)
    visit = extract("Chinese President Xi Jinping received visiting South Korean President Lee Jae-myung in "
                    "Beijing on Monday.", D(2026, 3, 13))
    assert ("04", "KOR", "CHN") in triples(visit) and ("04", "CHN", "KOR") in triples(visit), triples(visit)


def test_police_dispersing_the_crowd_are_at_the_rally_told_before(extract) -> None:
    result = extract("Thousands of people rallied in Dhaka on Monday against new taxes. Police used tear gas to "
                     "disperse the crowd.", D(2024, 2, 21))
    assert {e.date for e in result.events if e.root == "17"} == {D(2024, 2, 19)}


def test_a_ceasefire_agreed_with_rebels_is_with_the_rebels_not_the_host(extract) -> None:
    result = extract("Myanmar's military said on Tuesday that it had agreed to a ceasefire with the country's "
                     "ethnic rebels, after talks hosted by China.", D(2025, 1, 8))
    agreed = [e for e in result.events if e.verb == "agreed"]
    assert agreed and all(e.target.country == "MMR" for e in agreed), [(e.cameo, e.target) for e in agreed]


def test_two_sides_of_a_civil_war_striking_on_one_day_are_two_events(extract) -> None:
    result = extract("The RSF shelled El Fasher on Monday. Hours later, army drones struck RSF positions east of "
                     "the city.", D(2025, 6, 24))
    fights = [(e.source.name, e.target.name) for e in result.events if e.root == "19"]
    assert len(fights) == 2, fights


def test_the_detention_of_fishermen_by_a_navy_is_that_navys_act(extract) -> None:
    result = extract("India condemned the detention of 12 Indian fishermen by the Sri Lankan navy on Monday.",
                     D(2026, 1, 20))
    assert ("17", "LKA", "IND") in triples(result), triples(result)


def test_a_host_of_the_talks_told_before_hosted_both_parties_on_their_day(extract) -> None:
    result = extract("Armenian and Azerbaijani negotiators met in Muscat on Monday. Oman, which hosted the talks, "
                     "said progress had been made.", D(2026, 2, 27))
    hosted = [e for e in result.events if e.verb == "hosted"]
    assert {e.target.country for e in hosted} == {"ARM", "AZE"} and {e.date for e in hosted} == {D(2026, 2, 23)}


def test_caricom_is_a_body_and_siding_with_a_state_is_support(extract) -> None:
    result = extract("CARICOM backed Guyana on Monday, and Turkey sided with Azerbaijan in its own dispute.",
                     D(2023, 11, 22))
    assert ("05", "CRB", "GUY") in triples(result) and ("05", "TUR", "AZE") in triples(result), triples(result)


def test_unnamed_rebels_belong_to_the_one_country_their_sentence_names(extract) -> None:
    result = extract("Kenyan police said on Monday they had arrested two men. According to Colombian Defence "
                     "Minister Pedro Sanchez, the rebels had attacked an army base on Sunday.", D(2026, 1, 31))
    attacks = [e for e in result.events if e.verb == "attacked"]
    assert attacks and all(e.source.country == "COL" for e in attacks), [(e.source, e.target) for e in attacks]


def test_declining_to_give_details_is_no_comment_not_a_rejection(extract) -> None:
    result = extract("Russia and the United States held talks in Riyadh on Monday. \"Work continues,\" the Russian "
                     "spokesman said, declining to give details.", D(2026, 3, 12))
    assert not [e for e in result.events if e.root == "12"], [(e.cameo, e.verb) for e in result.events]


def test_an_accusation_in_an_after_clause_was_made_that_day(extract) -> None:
    result = extract("Pakistan's army vowed a befitting response on Tuesday after accusing Afghanistan's Taliban "
                     "government of sheltering militants.", D(2026, 4, 8))
    accused = [e for e in result.events if e.root == "11"]
    assert accused and all(e.target.country == "AFG" and e.date == D(2026, 4, 7) for e in accused), \
        [(e.cameo, e.target, e.date) for e in result.events]


def test_each_side_accusing_the_other_is_two_accusations_on_the_day_of_the_fighting(extract) -> None:
    result = extract("Ethiopian and Eritrean troops exchanged fire along the border on Thursday, with each side "
                     "accusing the other of firing first.", D(2026, 2, 13))
    accusations = {(e.source.country, e.target.country, e.date) for e in result.events if e.root == "11"}
    assert accusations == {("ETH", "ERI", D(2026, 2, 12)), ("ERI", "ETH", D(2026, 2, 12))}, accusations


def test_accusations_by_a_state_that_another_rejects_are_that_states_accusations(extract) -> None:
    result = extract("Kigali on Tuesday rejected accusations by Kinshasa that it was arming the rebels.", D(2024, 9, 10))
    assert ("11", "COD", "RWA") in triples(result), triples(result)


def test_the_previous_round_held_last_month_is_another_meeting_of_the_same_two(extract) -> None:
    result = extract("Nepal and India held talks on trade in Kathmandu on Tuesday. The previous round was held in "
                     "New Delhi last month.", D(2025, 9, 2))
    days = sorted(e.date for e in result.events if e.root == "04")
    assert days == [D(2025, 8, 1), D(2025, 9, 2)], days


def test_talks_a_third_state_mediated_between_two_are_their_talks(extract) -> None:
    done = extract("Qatar mediated talks between Rwanda and Congo in Doha on Monday.", D(2024, 11, 29))
    assert ("04", "RWA", "COD") in triples(done), triples(done)
    offered = extract("Kenya offered to host talks between Ethiopia and Eritrea.", D(2024, 11, 29))
    assert not [e for e in offered.events if {e.source.country, e.target and e.target.country} == {"ETH", "ERI"}]


def test_the_emirates_and_a_hearing_opened_into_something(extract) -> None:
    result = extract("Kuwait launched a mediation effort between the Emirates and Qatar on Saturday.", D(2017, 6, 11))
    assert {t for r, s, t in triples(result) if r == "04" and s == "KWT"} == {"ARE", "QAT"}
    hearing = extract("India's Supreme Court opened a hearing on Monday into the detention of Pakistani fishermen.",
                      D(2017, 6, 13))
    assert [e.root for e in hearing.events if e.source and e.source.country == "IND"] == ["09"]


def test_a_plan_drawn_up_by_someone_is_theirs_to_reject_or_agree_to(extract) -> None:
    rejected = extract("Serbia rejected a peace plan drawn up by Norway on Monday.", D(1995, 1, 3))
    assert ("12", "SRB", "NOR") in triples(rejected), triples(rejected)
    agreed = extract("Armenia agreed to a ceasefire proposed by France on Monday.", D(1995, 1, 3))
    assert ("03", "ARM", "FRA") in triples(agreed), triples(agreed)


def test_a_name_the_parser_makes_a_second_subject_is_the_doer(extract) -> None:
    result = extract("Drones launched by the paramilitary Rapid Support Forces hit a fuel depot in Port Sudan on "
                     "Friday, the army said.", D(2026, 7, 11))
    hits = [e for e in result.events if e.verb == "hit"]
    assert hits and all(e.source.name == "Rapid Support Forces" for e in hits), [(e.source, e.target) for e in hits]


def test_a_possibility_is_no_intent_but_a_possible_strike_still_warns(extract) -> None:
    funding = extract("Diplomats said the Security Council could approve more funding for the mission in Haiti.",
                      D(2026, 9, 17))
    assert not [e for e in funding.events if e.root in ("03", "07")], [(e.cameo, e.verb) for e in funding.events]
    strike = extract("Colombia's defence minister added that Colombia could strike rebel camps inside Venezuela "
                     "if nothing changed.", D(2025, 9, 17))
    assert [e for e in strike.events if e.root == "13"], [(e.cameo, e.verb) for e in strike.events]


def test_a_stance_not_to_tolerate_or_allow_is_no_threat(extract) -> None:
    result = extract("Moldova expelled three Russian diplomats on Wednesday. \"Moldova will not tolerate foreign "
                     "money buying its democracy,\" the foreign minister told reporters.", D(2026, 2, 12))
    assert not [e for e in result.events if e.root == "13"], triples(result)


def test_studying_the_measures_before_responding_is_no_threat(extract) -> None:
    result = extract("China imposed tariffs on Japanese seafood on Monday. Japan's trade minister said Tokyo would "
                     "study the measures before responding.", D(2025, 3, 12))
    assert not [e for e in result.events if e.root == "13"], triples(result)
    warned = extract("China said it would take measures against Japan.", D(2025, 3, 12))
    assert [e for e in warned.events if e.root == "13"], triples(warned)


def test_a_relative_clause_on_the_first_of_two_subjects_is_the_first_ones(extract) -> None:
    result = extract("Norway, which hosted the talks in Oslo, and the United States both urged restraint on Monday.",
                     D(2025, 1, 7))
    assert not [e for e in result.events if e.verb == "hosted" and e.source.country == "USA"]


def test_casualties_of_a_crackdown_told_just_before_are_that_crowds(extract) -> None:
    result = extract("Mexico's president criticised Peru on Monday. Riot police fired tear gas at farmers near "
                     "Juliaca on Tuesday. Two protesters were killed, the ombudsman said.", D(2026, 3, 12))
    assert not [e for e in result.events if e.target and e.target.country == "MEX" and e.root in ("18", "19")], \
        triples(result)


def test_hacking_another_states_computers_is_coercion_and_ordering_patrols_is_police_power(extract) -> None:
    hacked = extract("North Korean hackers hacked into the computers of South Korean army officers last month.",
                     D(2016, 3, 8))
    assert ("17", "PRK", "KOR") in triples(hacked), triples(hacked)
    patrols = extract("Pakistan's government ordered police patrols in Karachi after the riots.", D(2016, 3, 8))
    assert [e.cameo for e in patrols.events if e.root == "15"] == ["153"], triples(patrols)
