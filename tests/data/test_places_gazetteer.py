"""Content tests for the gazetteer ``tidings/data/places.tsv`` built by scripts/build_places.py.

The schema checks live in test_knowledge_files.py; these check what the build promises: the
conflict places are there with the right country, names that read as words are not, and every
name is unique within its country.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache
from importlib.resources import files

import pytest


@cache
def rows() -> tuple[dict[str, str], ...]:
    text = (files("tidings") / "data" / "places.tsv").read_text(encoding="utf-8")
    return tuple(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def by_surface() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for r in rows():
        for s in [r["name"], *filter(None, r["aliases"].split("|"))]:
            out.setdefault(s, []).append(r)
    return out


@pytest.mark.parametrize(("name", "country"), [
    ("Pahalgam", "IND"), ("Uri", "IND"), ("Poonch", "IND"), ("Rajouri", "IND"), ("Anantnag", "IND"),
    ("Baramulla", "IND"), ("Kupwara", "IND"), ("Muzaffarabad", "PAK"), ("Khan Younis", "PSE"),
    ("Jenin", "PSE"), ("Tulkarm", "PSE"), ("Nablus", "PSE"), ("Rafah", "PSE"), ("Deir al-Balah", "PSE"),
    ("Beit Lahia", "PSE"), ("Kidal", "MLI"), ("Gao", "MLI"), ("Ménaka", "MLI"), ("Goma", "COD"),
    ("Bunia", "COD"), ("Rutshuru", "COD"), ("Bakhmut", "UKR"), ("Avdiivka", "UKR"), ("Pokrovsk", "UKR"),
    ("Kursk region", "RUS"), ("Belgorod", "RUS"), ("Kherson", "UKR"), ("Zaporizhzhia", "UKR"),
    ("Marib", "YEM"), ("Hodeidah", "YEM"), ("Quetta", "PAK"), ("Peshawar", "PAK"), ("Chaman", "PAK"),
    ("Bannu", "PAK"), ("North Waziristan", "PAK"), ("Khyber Pakhtunkhwa", "PAK"), ("Balochistan", "PAK"),
    ("Donbas", "UKR"), ("Nagorno-Karabakh", "AZE"), ("Kalbajar", "AZE"), ("Macomia", "MOZ"),
    ("Cabo Delgado", "MOZ"), ("Pétion-Ville", "HTI"), ("Croix-des-Bouquets", "HTI"), ("El Fasher", "SDN"),
    ("Darfur", "SDN"), ("Kordofan", "SDN"), ("Tigray", "ETH"), ("Amhara", "ETH"), ("Rakhine", "MMR"),
    ("Sagaing Region", "MMR"), ("Shan State", "MMR"),
])
def test_places_conflict_places_present(name: str, country: str) -> None:
    assert country in {r["country"] for r in by_surface().get(name, [])}, name


@pytest.mark.parametrize("name", ["Police", "Mercedes", "Reading", "Split", "Kennedy", "Independence",
                                  "Salvador", "Mozambique", "Charlotte", "York"])
def test_places_words_and_person_names_left_out(name: str) -> None:
    assert name not in by_surface()


def test_places_florida_only_the_us_state() -> None:
    assert [(r["country"], r["kind"]) for r in by_surface()["Florida"]] == [("USA", "region")]


def test_places_name_unique_within_country() -> None:
    counts = Counter((s, r["country"]) for s, rs in by_surface().items() for r in rs if r["country"])
    assert not [k for k, n in counts.items() if n > 1]


def test_places_generated_rows_sorted_by_country_then_name() -> None:
    generated = [r for r in rows() if r["kind"] in ("city", "region") and r["admin1"]][-1000:]
    keys = [(r["country"], r["name"]) for r in generated]
    assert keys == sorted(keys)


def test_places_has_cities_and_regions_from_geonames() -> None:
    kinds = Counter(r["kind"] for r in rows())
    assert kinds["city"] > 20000 and kinds["region"] > 2000
