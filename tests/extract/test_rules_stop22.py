"""Behaviour tests for the rules of stop 22 (docs/coding.md section 17). Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

D = dt.date


# ---- actors --------------------------------------------------------------------------------------
def test_guerrillas_are_rebels_of_the_country_whose_district_they_strike_in(extract) -> None:
    result = extract("Leftist guerrillas ambushed a police patrol in the hills of Odisha's Koraput district on "
                     "Tuesday, killing nine officers.", D(2026, 3, 4))
    force = [e for e in result.events if e.root in ("18", "19")]
    assert force and all(e.source is not None and e.source.country == "IND" and "REB" in e.source.roles
                         for e in force), [(e.cameo, e.source, e.target) for e in force]


def test_an_official_with_no_country_serves_the_dateline_city(extract) -> None:
    result = extract("LIMA, May 4 (Reuters) - Interior Minister Carla Montes on Thursday condemned the "
                     "kidnapping of two engineers by Bolivian smugglers.", D(2026, 5, 4))
    assert ("11", "PER", "BOL") in triples(result), triples(result)


def test_a_dateline_names_no_country_when_its_city_is_unknown(extract) -> None:
    result = extract("ZZYZX, May 4 (Reuters) - Interior Minister Carla Montes on Thursday condemned the "
                     "kidnapping of two engineers by Bolivian smugglers.", D(2026, 5, 4))
    assert not any(r == "11" and s == "PER" for r, s, _t in triples(result)), triples(result)


# ---- statements ------------------------------------------------------------------------------------
def test_disappointment_at_an_act_is_disapproval_not_a_gloomy_remark(extract) -> None:
    result = extract("Canada voiced deep disappointment on Wednesday at Ghana's decision to expel its "
                     "ambassador.", D(2026, 3, 5))
    assert ("11", "CAN", "GHA") in triples(result), triples(result)
    concern = extract("Canada voiced deep concern on Wednesday about the fighting in Ghana.", D(2026, 3, 5))
    assert not [t for t in triples(concern) if t[0] == "11"], triples(concern)


# ---- acts ----------------------------------------------------------------------------------------
def test_a_named_person_freed_is_a_release(extract) -> None:
    result = extract("Belarus freed Maria Kolesnikova on Saturday.", D(2026, 3, 9))
    assert ("08", "BLR", "BLR") in triples(result), triples(result)
    funds = extract("Belarus released a statement on Saturday.", D(2026, 3, 9))
    assert not [t for t in triples(funds) if t[0] == "08"], triples(funds)


def test_hauled_away_is_an_arrest(extract) -> None:
    result = extract("Riot police in Minsk hauled away dozens of students on Sunday.", D(2026, 3, 9))
    assert ("17", "BLR", "BLR") in triples(result), triples(result)


def test_whose_officials_belong_to_the_state_named_before(extract) -> None:
    result = extract("The coup in Guinea drew a sharp rebuke on Monday from Senegal, whose foreign minister "
                     "condemned the junta.", D(2026, 3, 9))
    assert any(r == "11" and s == "SEN" for r, s, _t in triples(result)), triples(result)


def test_troops_rushed_to_ones_own_border_face_the_other_side(extract) -> None:
    result = extract("Ecuador rushed troops to its northern frontier on Monday, a day after a Colombian raid "
                     "on a rebel camp.", D(2026, 3, 10))
    assert ("15", "ECU", "COL") in triples(result), triples(result)


def test_a_nations_own_congress_or_red_crescent_is_that_nations(extract) -> None:
    result = extract("The Ghana Trades Union Congress on Tuesday called on President John Mahama to scrap "
                     "the new fuel levy.", D(2026, 3, 10))
    assert any(r == "02" and s == "GHA" for r, s, _t in triples(result)), triples(result)
    aid = extract("Iran's Red Crescent sent a convoy of 20 trucks of tents and food to Afghanistan on Monday.",
                  D(2026, 3, 10))
    assert ("07", "IRN", "AFG") in triples(aid), triples(aid)
    us = extract("The U.S. Congress approved new sanctions on Iran on Tuesday.", D(2026, 3, 10))
    assert ("16", "USA", "IRN") in triples(us), triples(us)


def test_of_a_conjoined_subject_of_two_states_neither_strikes_its_own_side(extract) -> None:
    result = extract("Thai and Cambodian soldiers exchanged fire on Saturday near the temple, after Thailand sent "
                     "jets to bomb Cambodian positions and Cambodian rockets struck Thai villages.", D(2025, 7, 26))
    assert not [t for t in triples(result) if t[0] == "19" and t[1] == t[2]], triples(result)


def test_fire_of_any_kind_traded_is_a_clash_and_variant_demonyms_are_known(extract) -> None:
    result = extract("Ecuadorean and Peruvian troops traded mortar and machine-gun fire on Sunday along their "
                     "border.", D(1995, 1, 29))
    assert ("19", "ECU", "PER") in triples(result) or ("19", "PER", "ECU") in triples(result), triples(result)
    assert not [t for t in triples(result) if t[0] == "06"], triples(result)


def test_a_state_suspended_from_a_bloc_is_suspended_by_the_bloc(extract) -> None:
    result = extract("Niger was suspended from the African Union on Friday over the coup.", D(2026, 3, 13))
    assert ("16", "AFU", "NER") in triples(result), triples(result)


def test_a_veto_is_aimed_at_the_drafter_else_at_the_un(extract) -> None:
    un = extract("China vetoed a Security Council resolution on Friday that would have imposed an arms "
                 "embargo on Myanmar.", D(2026, 3, 13))
    assert ("12", "CHN", "UNO") in triples(un), triples(un)
    assert not [t for t in triples(un) if t[0] == "16"], triples(un)
    drafted = extract("The United States vetoed a resolution drafted by Algeria on Tuesday.", D(2026, 3, 13))
    assert ("12", "USA", "DZA") in triples(drafted), triples(drafted)


# ---- crowds --------------------------------------------------------------------------------------
def test_a_crowd_described_by_a_relative_clause_protested(extract) -> None:
    result = extract("Riot police in Lima used batons on Saturday to disperse farmers who had blocked a main "
                     "highway for a third day.", D(2026, 3, 14))
    assert ("14", "PER", "PER") in triples(result), triples(result)


def test_a_crowds_blockade_is_aimed_at_its_own_government(extract) -> None:
    result = extract("Riot police in Lima fired tear gas on Monday at protesters who had blocked a main highway "
                     "near a Canadian-owned copper mine.", D(2026, 3, 14))
    blockades = [t for t in triples(result) if t[0] == "14"]
    assert blockades and all(t[2] == "PER" for t in blockades), triples(result)


# ---- talks ---------------------------------------------------------------------------------------
def test_days_of_talks_ended_were_held_and_storming_out_of_talks_is_no_attack(extract) -> None:
    result = extract("Armenian President Robert Kocharian and Azerbaijani President Heydar Aliyev ended four days "
                     "of talks in Key West on Friday without a breakthrough.", D(2001, 4, 7))
    assert any(r == "04" and {s, t} == {"ARM", "AZE"} for r, s, t in triples(result)), triples(result)
    assert not [t for t in triples(result) if t[0] == "16"], triples(result)
    walked = extract("North Korea's chief delegate stormed out of talks with South Korean officials at the border "
                     "village on Saturday.", D(1994, 3, 19))
    assert not [t for t in triples(walked) if t[0] in ("18", "19")], triples(walked)
    broken = extract("Israel ended talks with Hamas on Friday.", D(2024, 3, 9))
    assert ("16", "ISR", "PSE") in triples(broken), triples(broken)


def test_a_town_inside_a_name_is_no_place_and_local_police_serve_the_dateline(extract) -> None:
    result = extract("BEIJING, April 25 (AP) - Plainclothes police hauled away dozens of Falun Gong followers "
                     "who unfurled banners on Tiananmen Square on Wednesday.", D(2001, 4, 25))
    assert ("17", "CHN", "CHN") in triples(result), triples(result)
    assert not [t for t in triples(result) if "SWE" in t], triples(result)


# ---- speakers ------------------------------------------------------------------------------------
def test_the_ministry_of_the_minister_quoted_before_speaks_for_his_state(extract) -> None:
    result = extract("Saudi Arabia and Egypt cut ties with Doha on Monday. In Paris, Saudi Foreign Minister Adel "
                     "al-Jubeir said Qatar must end its support for militants. Foreign Minister Sheikh Mohammed bin "
                     "Abdulrahman Al Thani said the charges were baseless. The foreign ministry said in a statement "
                     "the measures were \"unjustified\".", D(2017, 6, 6))
    ministry = [e for e in result.events if e.source is not None and "ministry" in e.source.text.lower()]
    assert ministry and all(e.source.country == "QAT" for e in ministry), \
        [(e.cameo, e.source, e.target) for e in result.events]


# ---- threats -------------------------------------------------------------------------------------
def test_a_consequence_unless_another_state_acts_threatens_that_state(extract) -> None:
    result = extract("Prime Minister Hun Sen of Cambodia said on Monday that the disputed frontier would become a "
                     "\"death zone\" unless Thai troops pulled back by Tuesday.", D(2008, 10, 13))
    assert ("13", "KHM", "THA") in triples(result), triples(result)
    offer = extract("Iran said on Monday it would resume talks with France if the sanctions were lifted.",
                    D(2008, 10, 13))
    assert not [t for t in triples(offer) if t[0] == "13"], triples(offer)


def test_the_signing_of_a_treaty_by_two_states_is_their_agreement(extract) -> None:
    result = extract("The signing of a border treaty by the presidents of Peru and Ecuador in Brasilia on Monday "
                     "closed a long dispute.", D(1998, 10, 27))
    assert any(r == "05" and {s, t} == {"PER", "ECU"} for r, s, t in triples(result)), triples(result)


def test_tear_gas_and_water_cannon_fired_at_a_crowd_is_repression(extract) -> None:
    result = extract("Kenyan riot police fired tear gas and water cannon on Friday at thousands of students.",
                     D(2013, 5, 31))
    assert ("17", "KEN", "KEN") in triples(result), triples(result)


def test_people_handed_over_by_a_state_described_by_a_participle_were_handed_over(extract) -> None:
    result = extract("The cartel boss was among 15 suspected traffickers handed over to U.S. authorities by Mexico "
                     "on Friday.", D(2007, 1, 20))
    assert ("06", "MEX", "USA") in triples(result), triples(result)
    backed = extract("Rebels backed by Rwanda seized the town of Goma on Monday.", D(2007, 1, 20))
    assert not [t for t in triples(backed) if t[0] == "05"], triples(backed)


def test_rebels_backed_by_a_state_are_not_that_states(extract) -> None:
    result = extract("Rebels backed by Rwanda seized the town of Goma on Monday.", D(2012, 11, 20))
    force = [e for e in result.events if e.root in ("18", "19")]
    assert force and all(e.source is not None and e.source.country == "COD" for e in force), \
        [(e.cameo, e.source, e.target) for e in force]


def test_fighting_alongside_an_ally_names_no_enemy(extract) -> None:
    result = extract("Eritrea, whose army fought alongside Ethiopian troops, took no part in the talks.",
                     D(2022, 11, 3))
    assert not [t for t in triples(result) if t[0] in ("18", "19")], triples(result)
    enemy = extract("Chadian soldiers fought alongside French troops against jihadists in northern Mali on Monday.",
                    D(2022, 11, 3))
    assert ("19", "TCD", "MLI") in triples(enemy), triples(enemy)


def test_asset_freezes_imposed_are_sanctions(extract) -> None:
    result = extract("Japan imposed an asset freeze on two Russian banks on Tuesday.", D(2026, 5, 12))
    assert ("16", "JPN", "RUS") in triples(result), triples(result)


def test_a_promise_to_no_one_named_is_made_at_home(extract) -> None:
    result = extract("President Luis Arce of Bolivia met union leaders in La Paz on Monday and promised to restore "
                     "fuel supplies within ten days.", D(2024, 3, 5))
    assert ("03", "BOL", "BOL") in triples(result), triples(result)


# ---- groups of states ----------------------------------------------------------------------------
def test_a_list_of_states_hung_as_an_apposition_is_still_a_list(extract) -> None:
    result = extract("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt accused Qatar on Monday of "
                     "backing militant groups.", D(2017, 6, 6))
    accusers = {s for r, s, t in triples(result) if r == "11" and t == "QAT"}
    assert {"SAU", "ARE", "BHR", "EGY"} <= accusers, triples(result)


def test_states_counted_first_are_those_the_next_sentence_names(extract) -> None:
    result = extract("Qatar said on Tuesday it would not retaliate, a day after four Arab states cut diplomatic "
                     "ties with Doha. Saudi Arabia, the United Arab Emirates, Bahrain and Egypt announced the "
                     "move on Monday.", D(2017, 6, 6))
    cutters = {s for r, s, t in triples(result) if r == "16" and t == "QAT"}
    assert cutters == {"SAU", "ARE", "BHR", "EGY"}, triples(result)


def test_the_leaders_named_paragraphs_before_are_still_those_leaders(extract) -> None:
    result = extract("African Union leaders agreed on Monday to suspend Niger. The junta had seized power in July. "
                     "Its soldiers have since closed the borders. Thousands rallied in Niamey on Sunday. "
                     "The leaders also demanded on Monday that the junta free President Mohamed Bazoum.",
                     D(2023, 8, 15))
    assert any(r == "10" and s in ("AFU", "AFR") for r, s, _t in triples(result)), triples(result)


def test_a_blocs_agreement_to_sanction_is_the_sanction(extract) -> None:
    result = extract("European Union leaders agreed on Monday to bar Belarusian airlines from the bloc's airspace.",
                     D(2021, 5, 25))
    assert ("16", "EEC", "BLR") in triples(result), triples(result)
    assert not [t for t in triples(result) if t[0] == "03"], triples(result)


def test_an_actor_recognised_is_recognition(extract) -> None:
    result = extract("Turkey recognised Libya's rebel National Transitional Council as the legitimate "
                     "representative of the Libyan people on Sunday.", D(2011, 7, 3))
    assert ("05", "TUR", "LBY") in triples(result), triples(result)
    need = extract("Britain recognised the need for talks on Monday.", D(2011, 7, 3))
    assert not [t for t in triples(need) if t[0] == "05"], triples(need)


def test_a_rejected_motion_is_aimed_at_the_state_it_would_have_served(extract) -> None:
    result = extract("Kyrgyzstan's parliament on Tuesday rejected a motion that would have allowed Russian troops "
                     "to stay at the Kant air base.", D(2010, 3, 2))
    assert ("12", "KGZ", "RUS") in triples(result), triples(result)


def test_an_act_promised_only_after_another_state_acts_demands_that_act(extract) -> None:
    result = extract("North Korea's chief negotiator said on Thursday that Pyongyang would return to the talks "
                     "only after Washington unfroze its funds.", D(2006, 4, 13))
    assert ("10", "PRK", "USA") in triples(result), triples(result)


# ---- aid -----------------------------------------------------------------------------------------
def test_a_donor_is_no_recipient_of_aid(extract) -> None:
    result = extract("The first international relief flights landed in eastern Afghanistan on Tuesday. "
                     "Afghanistan's Taliban government appealed for tents and food for survivors in Kunar province. "
                     "Iran's Red Crescent sent a convoy of 20 trucks through the Dogharoun border crossing, and the "
                     "United Arab Emirates dispatched a field hospital.", D(2025, 9, 3))
    aid = [t for t in triples(result) if t[0] == "07"]
    assert ("07", "IRN", "AFG") in aid and not [t for t in aid if t[2] in ("ARE", "IRN")], triples(result)


def test_a_field_hospital_sent_is_aid(extract) -> None:
    result = extract("The United Arab Emirates dispatched a field hospital to Afghanistan on Tuesday.", D(2025, 9, 3))
    assert ("07", "ARE", "AFG") in triples(result), triples(result)


# ---- what has not happened -----------------------------------------------------------------------
def test_an_act_waited_for_by_a_modal_clause_has_not_happened(extract) -> None:
    result = extract("Saudi Arabia promised $1 billion on Monday, but officials said little of the money would "
                     "reach Gaza until Israel eased its blockade.", D(2009, 3, 2))
    assert not [t for t in triples(result) if t[1] == "ISR"], triples(result)


def test_a_sanction_voted_unless_another_acts_is_a_threat(extract) -> None:
    result = extract("The Arab League voted on Saturday to suspend Syria from Wednesday unless President Bashar "
                     "al-Assad's government halts its crackdown on protesters.", D(2011, 11, 12))
    assert ("13", "ARL", "SYR") in triples(result), triples(result)
    assert not [t for t in triples(result) if t[0] == "16"], triples(result)


def test_a_vow_bound_to_another_states_act_threatens_it(extract) -> None:
    result = extract("President Omar al-Bashir of Sudan vowed on Wednesday that Sudanese troops would push on to "
                     "Juba if South Sudan's army did not quit the Heglig oil field.", D(2012, 4, 18))
    assert ("13", "SDN", "SSD") in triples(result), triples(result)


def test_turning_ones_back_on_a_bloc_is_a_rejection(extract) -> None:
    result = extract("Norway turned its back on the European Union on Monday.", D(1994, 11, 28))
    assert ("12", "NOR", "EEC") in triples(result), triples(result)
