"""Behaviour tests for the rules of stop 21 (docs/coding.md section 16). Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

from tidings.extract.time.dateline import dateline_end

D = dt.date


# ---- verdicts on an agreement --------------------------------------------------------------------
def test_praise_of_an_accord_goes_to_its_parties_not_to_earlier_praisers_or_pledgers(extract) -> None:
    result = extract("Kenya and Uganda agreed on Monday to reopen their border crossings. Tanzania has offered "
                     "to send customs officers. Germany welcomed the agreement on Tuesday. Japan also praised "
                     "the accord.", D(2026, 3, 4))
    praise = {(s, t) for r, s, t in triples(result) if r == "05"}
    assert ("JPN", "TZA") not in praise and ("JPN", "DEU") not in praise, praise
    assert {("DEU", "KEN"), ("DEU", "UGA"), ("JPN", "KEN"), ("JPN", "UGA")} <= praise, praise


# ---- threats need someone threatened ---------------------------------------------------------------
def test_a_threat_with_no_one_threatened_is_not_coded(extract) -> None:
    result = extract("\"We will respond with full force to any aggression,\" the defence minister of Peru said on "
                     "Monday.", D(2026, 3, 3))
    assert not [e for e in result.events if e.root == "13"], [(e.cameo, e.source, e.target) for e in result.events]


def test_a_vow_to_fight_threatens_whom_the_fighting_is_aimed_at(extract) -> None:
    result = extract("Tuareg rebels in Mali have vowed to fight the army until the north is theirs.", D(2026, 3, 3))
    assert ("13", "MLI", "MLI") in triples(result), triples(result)


def test_force_threatened_in_a_country_threatens_that_country(extract) -> None:
    result = extract("Al-Shabaab threatened on Monday to bomb hotels in Kenya.", D(2026, 3, 3))
    assert any(e.root == "13" and e.target is not None and e.target.country == "KEN" for e in result.events), \
        triples(result)


# ---- dating ----------------------------------------------------------------------------------------
def test_an_act_the_parse_leaves_undated_takes_the_one_day_its_sentence_names(extract) -> None:
    result = extract("Chancellor Olaf Scholz threw his weight behind Moldova's bid to open membership talks on "
                     "Thursday.", D(2026, 3, 7))
    assert result.events and all(e.date == D(2026, 3, 5) for e in result.events), \
        [(e.cameo, e.date, e.date_text) for e in result.events]


def test_a_day_that_marks_another_time_does_not_date_the_act(extract) -> None:
    result = extract("Serbia has recalled its ambassador to Croatia, who had been due to stay until Thursday.",
                     D(2026, 3, 7))
    recalled = [e for e in result.events if e.root == "16"]
    assert recalled and all(e.date == D(2026, 3, 7) for e in recalled), [(e.cameo, e.date) for e in result.events]


# ---- datelines -------------------------------------------------------------------------------------
def test_a_dateline_of_two_cities_is_a_dateline() -> None:
    text = "NICOSIA/ANKARA, March 3 - Cyprus and Turkey traded accusations on Tuesday."
    assert text[:dateline_end(text)] == "NICOSIA/ANKARA, March 3 - "


def test_the_subject_after_a_two_city_dateline_is_found(extract) -> None:
    result = extract("NICOSIA/ANKARA, March 3 - Greece and Egypt cut diplomatic ties with Libya on Tuesday.",
                     D(2026, 3, 3))
    assert {("16", "GRC", "LBY"), ("16", "EGY", "LBY")} <= set(triples(result)), triples(result)


# ---- actors ----------------------------------------------------------------------------------------
def test_by_telephone_is_a_means_not_the_agent_of_an_active_verb(extract) -> None:
    result = extract("Oman's sultan, Haitham bin Tariq, spoke by telephone with Yemen's president on Monday "
                     "and urged him to accept the truce.", D(2026, 3, 3))
    assert ("04", "OMN", "YEM") in triples(result) and ("02", "OMN", "YEM") in triples(result), triples(result)


# ---- quotes ----------------------------------------------------------------------------------------
def test_an_unnamed_official_quoted_by_a_states_agency_is_that_states(extract) -> None:
    result = extract("The Egyptian state news agency MENA quoted an official source as saying Cairo \"will not "
                     "accept any threat to its water security\".", D(2026, 3, 3))
    q = next(q for q in result.quotes if "any threat to its water" in q.text)
    assert q.speaker_actor is not None and q.speaker_actor.country == "EGY", q


def test_a_speaker_is_named_without_accents_where_the_article_writes_none(extract) -> None:
    result = extract("\"We will not be silenced,\" Lithuanian President Gitanas Nauseda said on Monday.",
                     D(2021, 5, 25))
    q = next(q for q in result.quotes if "not be silenced" in q.text)
    assert q.speaker == "Gitanas Nauseda" and q.speaker_actor is not None and q.speaker_actor.country == "LTU", q


def test_those_made_to_leave_a_state_with_no_agent_named_are_expelled_by_it(extract) -> None:
    result = extract("Five Belarusian diplomats were ordered out of Poland on Monday.", D(2026, 3, 3))
    assert ("16", "POL", "BLR") in triples(result), triples(result)
    told = extract("Two Iranian diplomats were told to leave Bahrain on Sunday.", D(2026, 3, 3))
    assert ("16", "BHR", "IRN") in triples(told), triples(told)
    nowhere = extract("Protesters were ordered out of the square on Sunday.", D(2026, 3, 3))
    assert not [e for e in nowhere.events if e.root == "16"]


def test_he_after_an_office_named_by_its_title_is_its_holder(extract) -> None:
    result = extract("Kenya's foreign minister said on Monday that he had urged Somalia to reopen the border.",
                     D(2026, 3, 3))
    assert ("02", "KEN", "SOM") in triples(result), triples(result)


def test_captives_freed_with_no_agent_named_are_freed_by_whoever_held_them(extract) -> None:
    result = extract("Six Turkish sailors held by Libyan militiamen for a month were freed on Sunday.",
                     D(2026, 5, 4))
    assert ("08", "LBY", "TUR") in triples(result), triples(result)


def test_foreigners_arrested_in_a_state_with_no_agent_named_are_arrested_by_it(extract) -> None:
    result = extract("Three Britons were arrested in Dubai on Sunday.", D(2026, 3, 3))
    assert ("17", "ARE", "GBR") in triples(result), triples(result)


# ---- aid ---------------------------------------------------------------------------------------------
def test_weapons_sent_to_strike_a_country_are_no_aid_to_it(extract) -> None:
    result = extract("Ecuador sent fighter jets to bomb Colombian rebel camps on Thursday.", D(2026, 3, 7))
    assert not [e for e in result.events if e.root == "07"], triples(result)
    aid = extract("Poland sent fighter jets to Ukraine on Thursday.", D(2026, 3, 7))
    assert ("07", "POL", "UKR") in triples(aid), triples(aid)


def test_an_inquiry_a_state_orders_with_no_one_named_is_held_at_home(extract) -> None:
    result = extract("President William Ruto ordered an investigation on Monday.", D(2025, 6, 24))
    assert ("09", "KEN", "KEN") in triples(result), triples(result)


def test_a_strike_on_something_is_force_not_a_walkout(extract) -> None:
    result = extract("Pakistani troops shelled the border posts on Friday and struck three Indian villages.",
                     D(2025, 5, 10))
    assert not [e for e in result.events if e.root == "14"], triples(result)
    assert [e for e in result.events if e.verb == "struck" and e.root == "19"], triples(result)


# ---- relations ---------------------------------------------------------------------------------------
def test_a_state_that_rallies_behind_another_supports_it(extract) -> None:
    result = extract("Kuwait recalled its ambassador from Tehran on Monday, rallying behind Saudi Arabia.",
                     D(2016, 1, 5))
    assert ("05", "KWT", "SAU") in triples(result) and not [e for e in result.events if e.root == "14"], \
        triples(result)


def test_a_downgrade_conjoined_to_a_break_with_a_state_is_aimed_at_it_too(extract) -> None:
    result = extract("Djibouti cut diplomatic ties with Iran on Monday and the United Arab Emirates downgraded its "
                     "relations.",
                     D(2016, 1, 5))
    assert ("16", "ARE", "IRN") in triples(result), triples(result)


def test_a_deal_a_state_struck_is_an_agreement_not_an_attack(extract) -> None:
    result = extract("Italy said it would honour a migration deal it struck with Tunisia in July.", D(2024, 9, 3))
    assert not [e for e in result.events if e.root in ("18", "19")], triples(result)
    assert ("03", "ITA", "TUN") in triples(result), triples(result)


def test_a_vow_or_a_denial_reported_with_that_is_reported_speech(extract) -> None:
    result = extract("Defence Minister Mohammed Badaru vowed that the troops would retake the base within days. "
                     "The army denied that its soldiers had abandoned their posts.", D(2025, 5, 13))
    texts = [q.text for q in result.quotes]
    assert any("would retake the base" in t for t in texts) and any("abandoned their posts" in t for t in texts), texts


def test_a_list_of_acts_the_parser_reads_as_an_attribution_keeps_its_subject(extract) -> None:
    result = extract("Guyana's foreign ministry denied that its soldiers had crossed the river, said the border was "
                     "quiet and accused Venezuela of spreading false reports.", D(2025, 3, 4))
    q = next(q for q in result.quotes if "the border was" in q.text)
    assert q.speaker_actor is not None and q.speaker_actor.country == "GUY", q
    assert not [q for q in result.quotes if q.text.startswith("Guyana")], [q.text for q in result.quotes]


# ---- time expressions --------------------------------------------------------------------------------
def test_a_year_naming_a_treaty_after_an_article_is_a_date(extract) -> None:
    result = extract("Seoul said Tokyo had broken a 1965 treaty and its 2019 pledge.", D(2019, 7, 4))
    assert {(t.text, t.value) for t in result.timexes} >= {("1965", "1965"), ("2019", "2019")}, result.timexes
    strong = extract("A 2000-strong force crossed the border on Monday.", D(2019, 7, 4))
    assert not [t for t in strong.timexes if t.text.startswith("2000")], strong.timexes


# ---- force with no known author ----------------------------------------------------------------------
def test_killings_by_unknown_gunmen_are_assault_not_military_force(extract) -> None:
    result = extract("Unidentified gunmen killed 12 villagers in central Mali on Sunday.", D(2024, 10, 21))
    assert [e for e in result.events if e.root == "18"] and not [e for e in result.events if e.root == "19"], \
        triples(result)
    army = extract("Malian troops killed 12 rebels near Kidal on Sunday.", D(2024, 10, 21))
    assert [e for e in army.events if e.root == "19"], triples(army)


def test_aid_channelled_through_un_agencies_is_not_aid_to_the_un(extract) -> None:
    result = extract("Norway said it would provide $5 million through U.N. agencies.", D(2025, 9, 3))
    assert not [e for e in result.events if e.target is not None and e.target.country == "UNO"], triples(result)


# ---- investigation -----------------------------------------------------------------------------------
def test_inspectors_touring_a_site_inspect_it(extract) -> None:
    result = extract("Inspectors of the International Atomic Energy Agency toured Iran's enrichment plant at Natanz "
                     "on Friday.", D(2003, 2, 22))
    assert ("09", "UNO", "IRN") in triples(result), triples(result)
    visit = extract("Japan's foreign minister visited Iran on Friday.", D(2003, 2, 22))
    assert ("04", "JPN", "IRN") in triples(visit), triples(visit)


def test_victims_of_force_in_a_named_city_are_of_its_country(extract) -> None:
    result = extract("Russian troops killed 12 villagers in Kharkiv on Sunday.", D(2024, 10, 21))
    assert ("19", "RUS", "UKR") in triples(result), triples(result)


def test_brussels_stands_for_the_union_in_a_story_about_the_eu(extract) -> None:
    result = extract("The European Union imposed sanctions on Belarus on Monday. Opposition leader Sviatlana "
                     "Tsikhanouskaya urged Brussels on Tuesday to go further.", D(2021, 6, 23))
    assert ("02", "BLR", "EEC") in triples(result), triples(result)
    belgian = extract("Belgium's foreign minister said on Monday that Brussels would send military aid to Ukraine. "
                      "The European Union welcomed the decision.", D(2021, 6, 23))
    assert ("03", "BEL", "UKR") in triples(belgian), triples(belgian)


def test_a_yield_or_coercion_with_no_one_named_is_done_at_home(extract) -> None:
    result = extract("The Ethiopian government freed dozens of prisoners on Sunday.", D(2025, 6, 23))
    assert ("08", "ETH", "ETH") in triples(result), triples(result)
    truce = extract("Armenian and Azerbaijani forces clashed on Monday. Azerbaijan announced a unilateral "
                    "ceasefire on Tuesday.", D(2026, 3, 4))
    assert ("08", "AZE", "ARM") in triples(truce), triples(truce)  # a truce is aimed at the other side
