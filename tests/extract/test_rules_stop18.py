"""Behaviour tests for the rules of stop 18 (docs/coding.md, docs/coding_actors.md): datelines,
verb-pattern slots spelled like YAML booleans, agent nouns of the state, and "its". Sentences are
our own."""
from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import triples

from tidings.extract.events.patterns import load_patterns
from tidings.extract.kb.yamlfile import load_yaml
from tidings.extract.time.dateline import dateline_end

D = dt.date


# ---- datelines ---------------------------------------------------------------------------------
def test_dateline_end_finds_place_date_and_agency() -> None:
    for text, head in [("NAIROBI, July 8 - Police fired", "NAIROBI, July 8 - "),
                       ("MANILA - A ship", "MANILA - "),
                       ("ST. PETERSBURG, Russia, Jul. 8, 2025 (Reuters) — X", "ST. PETERSBURG, Russia, Jul. 8, 2025 (Reuters) — "),
                       ("WASHINGTON (AP) — The", "WASHINGTON (AP) — ")]:
        assert text[:dateline_end(text)] == head


def test_dateline_end_is_zero_for_plain_text() -> None:
    for text in ["Kenyan police fired tear gas on Monday.", "The US said - not a dateline", ""]:
        assert dateline_end(text) == 0


def test_dateline_date_does_not_date_the_first_sentence(extract) -> None:
    result = extract("NAIROBI, July 8 - Kenyan riot police fired tear gas at demonstrators in central "
                     "Nairobi on Monday as protests spread.", D(2025, 7, 8))
    force = [e for e in result.events if e.root == "17"]
    assert force and all(e.date == D(2025, 7, 7) for e in force), [(e.cameo, e.date) for e in result.events]
    assert "July 8" in [t.text for t in result.timexes]  # still a time expression of the article


# ---- YAML words that PyYAML 1.1 reads as booleans --------------------------------------------------
def test_yaml_on_off_yes_no_are_words_true_false_stay_booleans() -> None:
    assert load_yaml("a: [on, off, yes, no]\nb: true\nc: False") == {
        "a": ["on", "off", "yes", "no"], "b": True, "c": False}


def test_every_verb_pattern_slot_is_a_word() -> None:
    book = load_patterns()
    for patterns in book.by_verb.values():
        for p in patterns:
            assert all(isinstance(t, str) and t not in ("True", "False") for t in p.target), p
            assert all(o not in ("true", "false") for o in p.objects), p


def test_sanctions_on_two_conjoined_parties_reach_both(extract) -> None:
    result = extract("Canada imposed sanctions on Iranian officials and Russian firms on Tuesday.")
    assert {t for r, s, t in triples(result) if r == "16" and s == "CAN"} == {"IRN", "RUS"}


# ---- agent nouns of the state and "its" --------------------------------------------------------
def test_officers_with_no_country_serve_the_country_the_text_is_about(extract) -> None:
    result = extract("Protests spread across Kenya on Monday. The rights commission said officers had "
                     "arrested more than 200 people in Mombasa.", D(2025, 7, 8))
    assert ("17", "KEN", "KEN") in triples(result)


def test_its_never_refers_to_a_plural_noun(extract) -> None:
    result = extract("Azerbaijan's Defence Ministry said on Sunday that Armenian forces had fired on its "
                     "positions in the Kalbajar district.", D(2025, 4, 27))
    assert ("ARM", "ARM") not in [(s, t) for _r, s, t in triples(result)], triples(result)


def test_a_city_of_millions_vouches_for_its_country(extract) -> None:
    # Lagos is also a surname (Ricardo Lagos): big cities keep their name in the gazetteer
    result = extract("Police in Lagos arrested 40 protesters on Monday.", D(2025, 7, 8))
    assert ("17", "NGA", "NGA") in triples(result)


def test_the_two_as_subject_are_the_two_parties_of_its_own_sentence(extract) -> None:
    result = extract("Military ties between Moscow and Pyongyang have deepened since the two signed a treaty in "
                     "June 2024. Cho Hyun, South Korea's foreign minister, discussed the launch with US Secretary "
                     "of State Marco Rubio in a phone call on Monday, and the two agreed to push for new UN measures.",
                     D(2026, 5, 12))
    agreed = [(s, t) for r, s, t in triples(result) if r == "03"]
    assert agreed and all({s, t} == {"KOR", "USA"} for s, t in agreed), triples(result)


def test_for_parser_makes_the_dateline_a_sentence_and_keeps_offsets() -> None:
    from tidings.extract.time.dateline import for_parser

    text = "DOHA - The government and the rebels signed a truce."
    assert for_parser(text) == "DOHA.  The government and the rebels signed a truce."
    assert len(for_parser(text)) == len(text)
    assert for_parser("No dateline here - really.") == "No dateline here - really."


def test_a_dateline_is_not_the_subject_of_the_first_sentence(extract) -> None:
    result = extract("DOHA - The Congolese government and the M23 rebel movement signed a truce in Doha on "
                     "Thursday, committing to halt fighting in eastern Congo.", D(2026, 3, 20))
    assert any(s == t == "COD" and r in ("03", "05", "08") for r, s, t in triples(result)), triples(result)


# ---- an act needs a known doer, force excepted ------------------------------------------------------
def test_an_act_with_no_known_doer_is_not_coded(extract) -> None:
    result = extract("Their land border has been closed since 1994. Unidentified officials sealed the "
                     "crossing into Algeria on Monday.")
    assert not [e for e in result.events if e.root == "16"], triples(result)


def test_force_by_unknown_hands_and_a_known_body_without_country_are_kept(extract) -> None:
    result = extract("Gunmen killed four villagers in Zamfara state, Nigeria, on Monday. Al-Qaeda threatened "
                     "to attack the United States on Tuesday.")
    assert ("18", "NGA", "NGA") in triples(result) or ("19", "NGA", "NGA") in triples(result), triples(result)
    assert any(r == "13" and t == "USA" for r, _s, t in triples(result)), triples(result)


# ---- verdicts on an act told before are disapproval of its doer ---------------------------------------
def test_calling_a_decision_regrettable_disapproves_of_whoever_took_it(extract) -> None:
    result = extract('Belgium suspended its development aid to Rwanda on Monday. Rwanda\'s foreign ministry '
                     'called the decision "regrettable and one-sided".', D(2026, 3, 2))
    assert ("11", "RWA", "BEL") in triples(result), triples(result)


def test_saying_the_raids_were_a_violation_disapproves_of_the_raider(extract) -> None:
    result = extract('Israeli jets struck targets in southern Lebanon on Friday. Lebanon\'s president said the '
                     'raids were "a flagrant violation of the ceasefire."', D(2026, 3, 2))
    assert ("11", "LBN", "ISR") in triples(result), triples(result)


def test_a_verdict_introduced_by_as_names_no_target(extract) -> None:
    result = extract("Kosovo police arrested four Serb men on Friday. Serbia's foreign minister condemned the "
                     "arrests as an act of intimidation against Serbs in Kosovo.", D(2026, 3, 2))
    assert [t for r, s, t in triples(result) if r == "11" and s == "SRB"] == ["XKX"], triples(result)


def test_what_it_called_is_no_act_of_its_own(extract) -> None:
    result = extract("Greece lodged a formal protest with Turkey on Tuesday over what it called repeated "
                     "violations of its airspace.", D(2025, 3, 26))
    assert ("TUR", "GRC") not in [(s, t) for _r, s, t in triples(result)], triples(result)


def test_crowds_belong_to_a_state_not_to_the_organisation_that_speaks_of_them(extract) -> None:
    result = extract("Georgian riot police used water cannon on protesters in Tbilisi on Tuesday. Kallas, the EU "
                     "foreign policy chief, condemned the use of force against peaceful protesters.", D(2026, 3, 2))
    assert ("11", "EEC", "GEO") in triples(result), triples(result)


# ---- titles, tangled conjoined subjects --------------------------------------------------------------
def test_two_titled_ministers_conjoined_are_both_subjects(extract) -> None:
    result = extract("Turkish Foreign Minister Hakan Fidan and Egyptian Foreign Minister Badr Abdelatty discussed "
                     "the clashes in a phone call on Friday.", D(2026, 4, 25))
    assert any(r == "04" and {s, t} == {"TUR", "EGY"} for r, s, t in triples(result)), triples(result)


def test_the_two_leaders_are_the_pair_of_a_tangled_subject(extract) -> None:
    result = extract("French President Emmanuel Macron and German Chancellor Friedrich Merz talked and agreed to "
                     "coordinate their response to the U.S. tariffs. The two leaders talked by telephone on "
                     "Tuesday, Merz's office said.", D(2025, 6, 18))
    talks = [e for e in result.events if e.root == "04"]
    assert talks and all({e.source.country, e.target.country} == {"FRA", "DEU"} for e in talks), triples(result)
    assert all(e.date == D(2025, 6, 17) for e in talks), [(e.verb, e.date) for e in talks]


def test_the_head_of_a_body_somewhere_is_one_party(extract) -> None:
    result = extract("The chairperson of the African Union Commission held separate phone calls with Egypt's "
                     "foreign minister on Wednesday. The head of the UN mission in Libya urged all sides to "
                     "cease fire.", D(2026, 4, 25))
    assert ("04", "AFU", "EGY") in triples(result), triples(result)
    assert not any(s == "LBY" for _r, s, _t in triples(result)), triples(result)


# ---- the victim's own words --------------------------------------------------------------------------
def test_force_in_the_victims_direct_quote_is_its_accusation(extract) -> None:
    for said in ("the Azerbaijani defence ministry said on Sunday.",
                 "Hasanov was quoted as saying by the ministry."):
        result = extract("Azerbaijan's foreign ministry spokesman Elchin Hasanov spoke on Sunday. "
                         f'"Armenian units opened fire on our positions in the Kalbajar district overnight," {said}',
                         D(2025, 10, 5))
        assert not [e for e in result.events if e.root in ("18", "19", "20")], triples(result)


def test_calling_a_person_is_a_telephone_call_calling_a_thing_names_it(extract) -> None:
    result = extract("Iraqi Foreign Minister Fuad Hussein called his Turkish counterpart Hakan Fidan on Monday. "
                     "Macron called Zelensky on Tuesday. Trump called Zelensky a dictator on Wednesday.",
                     D(2025, 7, 4))
    calls = {(s, t) for r, s, t in triples(result) if r == "04"}
    assert calls == {("IRQ", "TUR"), ("FRA", "UKR")}, triples(result)


def test_an_appeal_to_no_one_named_in_a_crisis_inside_one_country_is_to_that_country(extract) -> None:
    result = extract("Police in Yaounde fired tear gas at opposition supporters on Saturday as Cameroon waited for "
                     "election results. Cameroon's opposition said the count was rigged. The African Union urged "
                     "calm on Sunday.", D(2025, 10, 26))
    assert ("02", "AFU", "CMR") in triples(result), triples(result)


def test_a_reply_ruled_out_is_no_threat_a_reply_promised_is(extract) -> None:
    result = extract("Peru expelled Mexico's ambassador on Wednesday. Mexico's foreign ministry said Mexico would not "
                     "respond in kind.", D(2026, 3, 12))
    assert not [e for e in result.events if e.root == "13"], triples(result)
    result = extract("Peru expelled Mexico's ambassador on Wednesday. Mexico's foreign ministry said it would "
                     "respond in kind.", D(2026, 3, 12))
    assert [e for e in result.events if e.root == "13"], triples(result)


def test_a_domestic_armed_party_strikes_on_its_own_ground_when_no_place_is_named(extract) -> None:
    result = extract("The Rapid Support Forces have fought the Sudanese army since 2023. The paramilitary group "
                     "shelled a camp for displaced people on the edge of the city on Wednesday, killing at least 30.",
                     D(2025, 9, 18))
    assert ("19", "SDN", "SDN") in triples(result), triples(result)


# ---- dating -------------------------------------------------------------------------------------------
def test_a_purpose_clause_dates_the_act_and_the_crowd_continues_the_occasion(extract) -> None:
    result = extract("Georgian riot police used water cannon and pepper spray to disperse thousands of protesters "
                     "outside parliament in Tbilisi late on Tuesday, the interior ministry said. The demonstrators "
                     "were rallying against a new law.", D(2026, 6, 3))
    dated = {e.root: e.date for e in result.events if e.root in ("14", "17")}
    assert dated == {"17": D(2026, 6, 2), "14": D(2026, 6, 2)}, dated


def test_a_participle_after_an_act_dated_in_its_purpose_clause_takes_that_day(extract) -> None:
    result = extract("Moldova ordered three Russian diplomats to leave the country within 72 hours on Wednesday, "
                     "accusing them of funding vote-buying networks.", D(2026, 2, 12))
    accused = [e for e in result.events if e.root == "11"]
    assert accused and all(e.date == D(2026, 2, 11) for e in accused), [(e.cameo, e.date) for e in result.events]


def test_a_people_of_several_countries_belongs_to_the_one_the_article_is_about(extract) -> None:
    result = extract("Iraq summoned Turkey's ambassador on Thursday over a Turkish drone strike near Erbil. Iraq's "
                     "foreign ministry protested to Baghdad's partners. Kurdish lawmakers staged a sit-in at the "
                     "regional parliament on Wednesday.", D(2026, 4, 9))
    assert ("14", "IRQ") in [(r, s) for r, s, _t in triples(result)], triples(result)


def test_dismissing_complaints_from_someone_rejects_them(extract) -> None:
    result = extract("Lithuania complained to Belarus about the balloons. Belarusian leader Alexander Lukashenko "
                     "dismissed the complaints from Vilnius as nonsense on Tuesday. Libyan Prime Minister Abdul Hamid Dbeibah rejected calls by the "
                     "eastern-based commander Khalifa Haftar for him to step down.", D(2026, 4, 24))
    assert {("12", "BLR", "LTU"), ("12", "LBY", "LBY")} <= set(triples(result)), triples(result)


def test_the_authorities_urged_by_a_foreign_speaker_are_not_the_speakers_own(extract) -> None:
    result = extract("Kenyan police fired tear gas at protesters in Nairobi on Monday. In a statement on Tuesday, the "
                     "US embassy in Nairobi voiced deep concern and urged the authorities to respect the right to "
                     "peaceful assembly.", D(2025, 7, 8))
    assert ("02", "USA", "KEN") in triples(result), triples(result)


def test_drills_with_no_partner_and_test_firings_are_displays_of_force(extract) -> None:
    result = extract("China held military drills near Taiwan on Tuesday. China held joint drills with Russia on "
                     "Wednesday.", D(2025, 7, 10))
    assert {("15", "CHN", "TWN"), ("06", "CHN", "RUS")} <= set(triples(result)), triples(result)
    result = extract("North Korea test-fired two ballistic missiles on Monday.", D(2025, 7, 10))
    assert triples(result) == [("15", "PRK", None)], triples(result)


def test_a_threat_with_no_one_named_in_it_is_aimed_at_the_adversary_not_a_bystander(extract) -> None:
    result = extract("Moldova expelled three Russian diplomats on Wednesday. Russia's foreign ministry spokeswoman, "
                     "Maria Zakharova, called the expulsions a provocation orchestrated from Brussels and said Moscow "
                     "would respond in a mirror manner.", D(2026, 2, 12))
    threats = {t for r, s, t in triples(result) if r == "13" and s == "RUS"}
    assert threats == {"MDA"}, triples(result)


def test_reneging_on_a_commitment_rejects_and_prohibiting_aid_cuts_it(extract) -> None:
    result = extract("President Levy Mwanawasa has reneged on his commitment to the Zambian opposition. The United "
                     "States said on Wednesday it would prohibit all aid to Albanian rebels in Macedonia.",
                     D(2025, 7, 8))
    assert ("12", "ZMB", "ZMB") in triples(result), triples(result)
    # "would prohibit": announced, not done, so a threat to cut aid (1311)
    assert any(e.cameo == "1311" and e.source.country == "USA" for e in result.events), triples(result)


def test_yaml_c_and_python_parsers_read_the_verb_patterns_alike() -> None:
    """load_yaml runs on libyaml's parser when PyYAML has it (stop 24); the values must be what
    the pure-Python parser with the same resolvers reads."""
    from importlib import resources

    import yaml

    from tidings.extract.kb import yamlfile

    class PurePython(yaml.SafeLoader):
        yaml_implicit_resolvers = yamlfile._Loader.yaml_implicit_resolvers

    text = (resources.files("tidings") / "data" / "verbs.yaml").read_text(encoding="utf-8")
    got, want = load_yaml(text), yaml.load(text, Loader=PurePython)  # noqa: S506 - a SafeLoader subclass
    assert got == want and repr(got) == repr(want)
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: [unclosed")
