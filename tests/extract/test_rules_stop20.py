"""Behaviour tests for the rules of stop 20 (docs/coding.md, docs/coding_actors.md): one-sided
truces, rebels named by a people, reactions told as nouns, aid by ship. Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

D = dt.date


# ---- actors ------------------------------------------------------------------------------------
def test_a_country_the_tagger_calls_a_person_stays_a_country_before_a_possessive(extract) -> None:
    result = extract("Myanmar's Karen rebels urged the military government on Monday to free the prisoners.",
                     D(2026, 3, 3))
    assert ("02", "MMR", "MMR") in triples(result), [(e.cameo, e.source, e.target) for e in result.events]


# ---- one-sided truces --------------------------------------------------------------------------
def test_rebels_declaring_a_truce_declare_it_toward_their_government(extract) -> None:
    result = extract("Maoist rebels in Nepal declared a three-month truce on Friday.", D(2026, 3, 7))
    assert ("08", "NPL", "NPL") in triples(result)


def test_a_unilateral_ceasefire_is_aimed_at_the_other_side_of_the_fighting(extract) -> None:
    result = extract("Armenian and Azerbaijani forces clashed along the border on Monday. Azerbaijan "
                     "announced a unilateral ceasefire on Tuesday.", D(2026, 3, 4))
    assert ("08", "AZE", "ARM") in triples(result)


def test_a_ceasefire_announced_by_one_state_with_no_enemy_named_is_no_event(extract) -> None:
    result = extract("The government announced a ceasefire on Sunday.", D(2026, 3, 8))
    assert not [e for e in result.events if e.root == "08"]


def test_rebels_backed_by_a_state_belong_where_they_fight(extract) -> None:
    result = extract("Sweden demanded on Friday that pro-Russian rebels in eastern Ukraine free the monitors.",
                     D(2026, 3, 6))
    assert ("10", "SWE", "UKR") in triples(result)
    backed = extract("Iranian-backed militias in Iraq fired rockets at a US base on Sunday.", D(2026, 3, 8))
    assert ("19", "IRQ", "USA") in triples(backed)


def test_a_participle_after_a_demand_is_the_demanders(extract) -> None:
    result = extract("Seoul demanded on Thursday that Tokyo release the fishermen, calling their arrest "
                     "\"an outrageous provocation\".", D(2026, 3, 5))
    assert {s for r, s, t in triples(result) if r == "11"} == {"KOR"}


# ---- places ------------------------------------------------------------------------------------
def test_a_city_shelled_is_where_the_shelling_fell(extract) -> None:
    result = extract("Russian troops shelled Kharkiv on Sunday.", D(2026, 3, 8))
    assert ("19", "RUS", "UKR") in triples(result)
    city = extract("Government forces bombed the town of Idlib on Sunday.", D(2026, 3, 8))
    assert ("19", "SYR", "SYR") in triples(city) or any(e.root == "19" and e.target and e.target.country == "SYR"
                                                         for e in city.events)


# ---- reactions told as nouns -------------------------------------------------------------------
def test_a_reaction_drawn_from_someone_is_aimed_at_the_doer(extract) -> None:
    result = extract("Turkey closed its airspace to Israeli jets on Monday, drawing sharp criticism from Washington.",
                     D(2026, 3, 3))
    assert ("11", "USA", "TUR") in triples(result)
    moved = extract("Belarus expelled the Lithuanian consul on Monday in a move that drew a rebuke from Vilnius.",
                    D(2026, 3, 3))
    assert ("11", "LTU", "BLR") in triples(moved)


def test_a_plan_met_with_criticism_is_criticised(extract) -> None:
    result = extract("The Egyptian proposal was met with criticism from Ethiopia on Monday.", D(2026, 3, 3))
    assert ("11", "ETH", "EGY") in triples(result)


def test_a_reaction_only_hoped_for_is_no_event(extract) -> None:
    result = extract("Officials feared the decision could draw condemnation from Berlin.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root == "11"]


def test_a_verdict_on_a_step_judges_whoever_took_it(extract) -> None:
    result = extract("Kosovo handed over the suspect to Serbian police on Tuesday, a step the European Union "
                     "praised as a sign of goodwill.", D(2026, 3, 4))
    assert ("05", "EEC", "XKX") in triples(result), [(e.cameo, e.source, e.target) for e in result.events]


# ---- refusals vowed ----------------------------------------------------------------------------
def test_a_vow_not_to_yield_is_a_refusal(extract) -> None:
    result = extract("North Korea clashed with South Korea on Monday. Pyongyang said on Tuesday it would never "
                     "give up its nuclear weapons.", D(2026, 3, 4))
    assert any(r == "12" and s == "PRK" for r, s, t in triples(result)), [(e.cameo, e.source, e.target) for e in result.events]


def test_a_vow_not_to_withdraw_is_a_refusal_to_de_escalate(extract) -> None:
    result = extract("Israel will not withdraw its troops from southern Lebanon, the defence minister said on Monday.",
                     D(2026, 3, 3))
    assert [e.cameo for e in result.events if e.root == "12"] == ["1246"]


def test_a_past_negation_of_a_concession_is_no_event(extract) -> None:
    result = extract("Israel did not withdraw its troops from southern Lebanon on Monday.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root in ("08", "12")]


def test_pardoning_foreign_sailors_releases_them(extract) -> None:
    result = extract("Iran pardoned eight British sailors on Wednesday.", D(2026, 3, 4))
    assert ("08", "IRN", "GBR") in triples(result)


# ---- aid by ship, apologies --------------------------------------------------------------------
def test_ships_loaded_with_food_are_aid(extract) -> None:
    result = extract("Japan sent navy ships loaded with food and medicine to the Philippines on Monday.", D(2026, 3, 3))
    assert ("07", "JPN", "PHL") in triples(result)
    troops = extract("Russia sent warships carrying marines to Syria on Monday.", D(2026, 3, 3))
    assert ("15", "RUS", "SYR") in triples(troops)


def test_offering_an_apology_is_an_apology(extract) -> None:
    result = extract("The Dutch prime minister offered a formal apology to Indonesia on Tuesday.", D(2026, 3, 4))
    assert [e.cameo for e in result.events if e.source and e.source.country == "NLD"] == ["055"]


# ---- armed groups placed by their sentence -----------------------------------------------------
def test_armed_groups_belong_to_the_region_their_sentence_names(extract) -> None:
    result = extract("An alliance of ethnic armed groups seized dozens of military posts in northern Shan state on Sunday.",
                     D(2026, 3, 8))
    assert any(e.root == "19" and e.source and e.source.country == "MMR" for e in result.events), \
        [(e.cameo, e.source, e.target) for e in result.events]


def test_a_region_written_with_a_small_state_is_known(kb) -> None:
    assert any(e.country == "MMR" for e in kb.places.get("Shan state", []))


# ---- figurative force, regimes -----------------------------------------------------------------
def test_measures_that_target_someone_are_not_force(extract) -> None:
    result = extract("Canada imposed sanctions on Iran on Monday. The measures target six generals and two banks.",
                     D(2026, 3, 3))
    assert not [e for e in result.events if e.root in ("18", "19", "20")]
    jets = extract("Israeli jets targeted Hamas commanders in Gaza on Monday.", D(2026, 3, 3))
    assert [e.root for e in jets.events] == ["19"]


def test_the_regime_is_the_government_the_story_is_about(extract) -> None:
    text = ("Syria's government shelled rebel-held Idlib on Monday. Syrian officials defended the strikes. "
            "Turkey condemned the attack on Tuesday. \"The regime keeps bombing its own people,\" a Turkish "
            "official said. Syria rejected the criticism.")
    result = extract(text, D(2026, 3, 4))
    assert not [e for e in result.events if e.source and e.source.name == "regime" and e.source.country != "SYR"]


# ---- aid recipients, agreements welcomed -------------------------------------------------------
def test_aid_with_no_recipient_named_goes_to_the_country_the_story_is_about(extract) -> None:
    text = ("A strong earthquake struck western Nepal on Sunday, killing 150 people, Nepal's government said. "
            "India pledged $10 million in emergency assistance on Monday.")
    result = extract(text, D(2026, 3, 3))
    assert any(s == "IND" and t == "NPL" and r in ("03", "07") for r, s, t in triples(result))


def test_welcoming_the_agreement_praises_its_parties(extract) -> None:
    text = ("Armenia and Azerbaijan signed a peace agreement in Washington on Friday. Iran staged naval drills "
            "in the Caspian Sea on Saturday. The European Union welcomed the agreement on Sunday.")
    result = extract(text, D(2026, 3, 8))
    praised = {t for r, s, t in triples(result) if r == "05" and s in ("EEC", "EUR")}
    assert praised and praised <= {"ARM", "AZE"}, triples(result)


# ---- wire-lead acts -----------------------------------------------------------------------------
def test_sanctions_agreed_are_sanctions(extract) -> None:
    result = extract("Sanctions on Belarus's potash exports were agreed by European Union governments on Monday.",
                     D(2026, 3, 3))
    assert any(r == "16" and s in ("EEC", "EUR") and t == "BLR" for r, s, t in triples(result))


def test_capturing_a_palace_is_taking_ground_not_an_arrest(extract) -> None:
    result = extract("Rebel fighters captured the presidential palace in Bangui on Sunday.", D(2026, 3, 8))
    assert not [e for e in result.events if e.root == "17"]


def test_incentives_offered_by_three_states_are_offered_to_the_one_who_rejects_them(extract) -> None:
    result = extract("Iran on Saturday rejected a package of incentives offered by Britain, France and Germany.",
                     D(2026, 3, 7))
    got = triples(result)
    assert {("12", "IRN", c) for c in ("GBR", "FRA", "DEU")} <= set(got)
    assert not [t for t in got if t[0] == "03" and t[2] != "IRN"]


def test_putting_ones_own_forces_on_alert_is_aimed_at_the_adversary(extract) -> None:
    result = extract("Armenian troops shelled Azerbaijani positions on Sunday. Baku put its forces on high alert.",
                     D(2026, 3, 8))
    assert ("15", "AZE", "ARM") in triples(result)


# ---- crowds --------------------------------------------------------------------------------------
def test_a_crowd_occupying_a_building_protests(extract) -> None:
    result = extract("Thousands of Georgian protesters occupied the grounds of the parliament in Tbilisi on Monday.",
                     D(2026, 3, 3))
    assert [e.root for e in result.events if e.root in ("14", "19")] == ["14"]


def test_a_crowd_gathering_to_demand_something_demands_it(extract) -> None:
    result = extract("Thousands of Serbian students rallied in Belgrade on Monday to demand the resignation of "
                     "President Aleksandar Vucic.", D(2026, 3, 3))
    assert ("10", "SRB", "SRB") in triples(result)
    planned = extract("Opposition parties plan to rally in Belgrade to demand new elections.", D(2026, 3, 3))
    assert not [e for e in planned.events if e.root == "10"]


# ---- requests answered ---------------------------------------------------------------------------
def test_appeals_brushed_aside_were_made_and_rejected(extract) -> None:
    result = extract("Hungary brushed aside appeals from the European Union on Monday to halt the deportations.",
                     D(2026, 3, 3))
    got = triples(result)
    assert any(r == "02" and s in ("EEC", "EUR") and t == "HUN" for r, s, t in got), got
    assert any(r == "12" and s == "HUN" and t in ("EEC", "EUR") for r, s, t in got), got


def test_a_request_only_reported_as_possible_is_no_appeal(extract) -> None:
    result = extract("Hungary could face appeals from the European Union to halt the deportations.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root == "02"]


# ---- pairs ---------------------------------------------------------------------------------------
def test_both_leaders_are_not_the_speakers_own_pair(extract) -> None:
    text = ("Thailand and Cambodia agreed to a ceasefire on Monday. The United States and China sent envoys "
            "to the talks. President Donald Trump said on Tuesday that he had spoken by phone with both leaders.")
    result = extract(text, D(2026, 3, 4))
    spoke = {e.target.country for e in result.events if e.verb == "spoken" and e.target}
    assert spoke == {"THA", "KHM"}, triples(result)


# ---- what did not happen -------------------------------------------------------------------------
def test_ruling_out_negotiations_holds_none(extract) -> None:
    result = extract("The opposition leader ruled out any negotiations with the ruling party on Monday.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root == "04"]


def test_what_a_vetoed_resolution_threatened_did_not_happen(extract) -> None:
    result = extract("Russia vetoed a Security Council resolution on Tuesday that threatened sanctions against Mali.",
                     D(2026, 3, 4))
    assert not [e for e in result.events if e.root == "13"]
    assert any(e.root == "12" and e.source and e.source.country == "RUS" for e in result.events)


# ---- verdicts on deeds -----------------------------------------------------------------------------
def test_regretting_the_decision_disapproves_of_the_latest_deed(extract) -> None:
    text = ("The United States imposed sanctions on four judges of the court on Thursday. Slovenia summoned the "
            "U.S. charge d'affaires. The Netherlands regretted the decision on Friday.")
    result = extract(text, D(2026, 3, 6))
    assert ("11", "NLD", "USA") in triples(result), triples(result)
    assert not extract("We regret the loss of life.", D(2026, 3, 6)).events


def test_a_us_led_operation_is_the_united_states(extract) -> None:
    result = extract("France regretted the U.S.-led military action against Iraq on Thursday.", D(2026, 3, 5))
    assert ("11", "FRA", "USA") in triples(result)


def test_a_verdict_on_measures_imposed_by_someone_is_aimed_at_them(extract) -> None:
    result = extract("The International Criminal Court condemned the sanctions imposed by the United States on four "
                     "of its judges.",
                     D(2026, 3, 6))
    assert [e.target.name for e in result.events if e.root == "11"] == ["United States"]


def test_a_warning_that_nothing_justifies_a_war_is_no_threat(extract) -> None:
    result = extract("Chirac warned on Thursday that nothing can justify a war waged in defiance of international law.",
                     D(2026, 3, 5))
    assert not [e for e in result.events if e.root == "13"]


# ---- crowds told as nouns, parties -------------------------------------------------------------
def test_protests_that_spread_are_protests_of_the_place(extract) -> None:
    result = extract("Protests over the jailing of the mayor spread to dozens of Turkish cities on Sunday.",
                     D(2026, 3, 9))
    assert ("14", "TUR", "TUR") in triples(result)
    assert not extract("Protests are expected to spread to other cities.", D(2026, 3, 9)).events
    assert not [e for e in extract("A riot broke out in the prison on Tuesday during a fight between two gangs.",
                                   D(2026, 3, 9)).events if e.root == "14"]


def test_a_party_the_knowledge_base_lacks_is_of_the_storys_country(extract) -> None:
    text = ("Turkish police detained the mayor of Istanbul on Wednesday. President Erdogan accused the "
            "Republican People's Party of leading a movement of violence.")
    result = extract(text, D(2026, 3, 9))
    assert ("11", "TUR", "TUR") in triples(result), triples(result)


def test_a_label_like_a_severe_setback_is_a_verdict(extract) -> None:
    text = ("Turkish police arrested the mayor on Wednesday. Germany's foreign ministry called the arrest "
            "\"a severe setback for democracy\".")
    assert ("11", "DEU", "TUR") in triples(extract(text, D(2026, 3, 9)))


def test_the_criticism_rejected_is_the_critics(extract) -> None:
    text = ("Turkish police arrested the mayor on Wednesday. Germany criticised the arrest. "
            "The criticism was swiftly rejected by Turkey's foreign ministry.")
    assert ("12", "TUR", "DEU") in triples(extract(text, D(2026, 3, 9)))


# ---- wire leads (leads_dev20 categories) ---------------------------------------------------------
def test_ordering_battalions_to_a_border_deploys_them(extract) -> None:
    result = extract("Venezuela's president ordered ten battalions to the Colombian border on Sunday.", D(2026, 3, 9))
    assert ("15", "VEN", "COL") in triples(result)
    told = extract("The president ordered the army to withdraw from the city on Sunday.", D(2026, 3, 9))
    assert not [e for e in told.events if e.root == "15"]


def test_forces_placed_on_alert_are_the_doers(extract) -> None:
    result = extract("North Korea fired artillery at a South Korean island on Tuesday. South Korean forces were "
                     "placed on heightened alert on Wednesday.", D(2026, 3, 4))
    assert ("15", "KOR", "PRK") in triples(result)


def test_shipping_suspects_to_another_state_extradites_them(extract) -> None:
    result = extract("Colombia shipped 12 suspected drug traffickers to the United States on Friday.", D(2026, 3, 7))
    assert [e.cameo for e in result.events] == ["063"]


def test_a_crowd_hurling_stones_at_an_embassy_protests_violently(extract) -> None:
    result = extract("Thousands of Chinese demonstrators hurled stones at the Japanese embassy in Beijing on Saturday.",
                     D(2026, 3, 7))
    assert ("14", "CHN", "JPN") in triples(result)


def test_masked_police_are_still_the_states_police(extract) -> None:
    result = extract("The opposition leader was taken into custody by masked police commandos in Kuala Lumpur on "
                     "Sunday.", D(2026, 3, 9))
    assert any(e.root == "17" and e.source and e.source.country == "MYS" for e in result.events)


def test_a_deal_signed_by_two_ministers_is_signed_between_them(extract) -> None:
    result = extract("Ethiopia and Eritrea agreed to end the war. The deal, signed by the two foreign ministers in "
                     "Algiers, provides for a U.N. peacekeeping force.", D(2026, 3, 9))
    assert any(r == "05" and {s, t} == {"ETH", "ERI"} for r, s, t in triples(result)), triples(result)


def test_greek_cypriots_voting_down_a_un_plan_reject_it(extract) -> None:
    result = extract("Greek Cypriots voted down a U.N. blueprint for reunifying the island on Saturday.", D(2026, 3, 9))
    assert ("12", "CYP", "UNO") in triples(result)


def test_a_clause_on_the_place_of_an_attack_is_the_attackers(extract) -> None:
    result = extract("China condemned NATO's missile attack on its embassy in Belgrade, which killed three Chinese "
                     "journalists.", D(2026, 3, 9))
    assert any(e.root == "19" and e.source and e.source.country == "NAT" for e in result.events)


def test_fury_drawn_from_someone_is_disapproval(extract) -> None:
    result = extract("Russia vetoed the resolution on Tuesday, drawing fury from Washington.", D(2026, 3, 9))
    assert ("11", "USA", "RUS") in triples(result)


# ---- force told as a noun with a state author ----------------------------------------------------
def test_an_attack_told_by_a_noun_with_a_state_adjective_is_that_states(extract) -> None:
    result = extract("Pakistan carried out strikes on militant hideouts inside Iran on Thursday, two days after an "
                     "Iranian missile and drone attack on its soil.", D(2024, 1, 18))
    found = [e for e in result.events if e.root == "19" and e.source and e.source.country == "IRN"]
    assert found and found[0].target.country == "PAK" and found[0].date == D(2024, 1, 16)


def test_a_possessors_strikes_on_a_city_are_its_force(extract) -> None:
    result = extract("The Houthis condemned Israel's strikes on Sanaa's airport on Tuesday.", D(2026, 3, 4))
    assert ("19", "ISR", "YEM") in triples(result)


def test_a_strike_only_threatened_is_no_attack(extract) -> None:
    result = extract("Iran threatened an attack on Israel's nuclear sites on Monday.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root in ("18", "19", "20")]


def test_ordering_a_foreign_ambassador_to_leave_expels_him(extract) -> None:
    result = extract("Mali ordered the French ambassador to leave the country within 72 hours.", D(2026, 3, 3))
    assert ("16", "MLI", "FRA") in triples(result)
    own = extract("Peru ordered its ambassador to return home for consultations.", D(2026, 3, 3))
    assert not [e for e in own.events if e.cameo == "166"]


# ---- officials placed by the sentence or an earlier title ----------------------------------------
def test_an_official_in_a_sentence_opened_by_a_capital_is_that_capitals(extract) -> None:
    text = ("Manila lodged a protest over the standoff on Wednesday. In Beijing, foreign ministry spokesman Liu "
            "Weimin told a briefing that the Philippine vessel had harassed Chinese fishermen.")
    result = extract(text, D(2026, 3, 5))
    assert {e.source.country for e in result.events if e.source and e.source.name == "Liu Weimin"} == {"CHN"}


def test_a_titled_name_takes_the_country_of_the_same_title_told_before(extract) -> None:
    text = ("The Philippines summoned China's ambassador on Wednesday. Foreign Secretary Albert del Rosario "
            "said after meeting Ambassador Ma Keqing at the foreign ministry in Manila that the talks were frank.")
    result = extract(text, D(2026, 3, 5))
    assert any(e.root == "04" and e.target and e.target.country == "CHN" for e in result.events), triples(result)


def test_a_verb_after_a_name_and_its_apposition_is_the_main_verb(extract) -> None:
    text = ("The Philippines and China traded accusations on Thursday. The United States, a treaty ally of the "
            "Philippines, called on both governments to exercise restraint, a State Department official said.")
    result = extract(text, D(2026, 3, 5))
    assert {t for r, s, t in triples(result) if r == "02" and s == "USA"} == {"PHL", "CHN"}


def test_countries_including_named_ones_are_those_named(extract) -> None:
    result = extract("Thirteen Western countries including the United States and Germany condemned the killings of "
                     "protesters by Kenyan police on Tuesday.", D(2026, 3, 4))
    assert {s for r, s, t in triples(result) if r == "11"} == {"USA", "DEU"}


def test_a_move_an_opposition_leader_denounced_judges_the_government(extract) -> None:
    text = ("Defence Minister Aden Duale authorised the deployment of the military on Wednesday, a move that "
            "opposition leader Raila Odinga denounced as a declaration of war on the country's youth.")
    result = extract(text, D(2026, 3, 4))
    assert [(e.source.name, e.target.name) for e in result.events if e.root == "11"] == [("Raila Odinga", "Aden Duale")]


def test_what_a_demand_asks_for_did_not_happen_but_the_demand_did(extract) -> None:
    result = extract("The Taliban refused on Friday to hand over the suspect, rebuffing President George W. Bush's "
                     "demand that they surrender him.", D(2001, 9, 21))
    got = triples(result)
    assert ("10", "USA", "AFG") in got and not [t for t in got if t[0] == "08"], got


def test_a_verdict_on_a_governments_crackdown_is_aimed_at_the_government(extract) -> None:
    result = extract("Obama condemned the Egyptian interim government's bloody crackdown on protesters on Thursday.",
                     D(2013, 8, 16))
    assert ("11", "USA", "EGY") in triples(result)


# ---- dating -------------------------------------------------------------------------------------------
def test_a_month_inside_an_after_phrase_does_not_date_the_main_verb(extract) -> None:
    result = extract("Belarus on Tuesday recalled its envoy to the European Union and told the bloc's ambassador to "
                     "leave the country, a day after coordinated sanctions by the EU over the forced landing of a "
                     "passenger jet last month.", D(2021, 6, 22))
    told = [e for e in result.events if e.verb == "told" and e.root == "16"]
    assert told and told[0].date == D(2021, 6, 22)
    sanctions = [e for e in result.events if e.root == "16" and e.source and e.source.country in ("EEC", "EUR")]
    assert sanctions and sanctions[0].date == D(2021, 6, 21)


def test_throwing_ones_weight_behind_a_bid_supports_its_owner(extract) -> None:
    result = extract("The German chancellor threw his weight behind Turkey's bid to join the bloc on Thursday.",
                     D(2026, 3, 6))
    assert ("05", "DEU", "TUR") in triples(result)


def test_becoming_the_first_state_to_recognise_a_country_recognises_it(extract) -> None:
    result = extract("Sudan on Friday became the first state to extend formal recognition to the Republic of South "
                     "Sudan.", D(2011, 7, 9))
    assert triples(result) == [("05", "SDN", "SSD")]


def test_scrapping_a_meeting_is_aimed_at_the_other_side_only(extract) -> None:
    result = extract("China on Friday scrapped a planned meeting between Premier Wen Jiabao and Japan's Naoto Kan.",
                     D(2010, 10, 29))
    assert [(r, s, t) for r, s, t in triples(result) if r == "16"] == [("16", "CHN", "JPN")]


def test_a_council_that_voted_to_impose_sanctions_imposed_them(extract) -> None:
    result = extract("The U.N. Security Council voted unanimously on Thursday to impose sanctions on Eritrea.",
                     D(2009, 12, 24))
    assert any(r == "16" and t == "ERI" for r, s, t in triples(result))
    failed = extract("The council failed to vote on sanctions against Eritrea.", D(2009, 12, 24))
    assert not [e for e in failed.events if e.root == "16"]
