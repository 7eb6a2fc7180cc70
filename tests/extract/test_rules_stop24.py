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
