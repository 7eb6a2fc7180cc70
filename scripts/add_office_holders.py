"""Append hand-compiled office holders (2010-2026) to src/tidings/data/people.tsv.

Input: text files with one row a line, fields separated by ';':
    CODE; Title; Name; aliases (a|b); start; end; flag ('a' = approx); roles (default GOV)
Lines starting with '#' and blank lines are skipped.  Rows already present (same name and country,
overlapping dates) are skipped.  Within one country and office kind, a predecessor whose end date
equals the successor's start date is ended the day before (the README's convention).  The rows are
appended to the end of people.tsv, grouped by the order of the input files, then country.

Hand-written names always win over the Phoenix import: after appending, rows of phoenix_people.tsv
whose name is now a hand-written name or alias are dropped, and such names are taken out of the
aliases of the rows that stay (what scripts/build_phoenix.py does when it is rerun).

Usage: python scripts/add_office_holders.py [--check] FILE...
"""
from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data"
PEOPLE = DATA / "people.tsv"
FIELDS = ["name", "aliases", "country", "roles", "title", "start_date", "end_date", "source"]
ROLES = set(
    "GOV MIL COP JUD LEG SPY REB INS SEP UAF OPP CVL MED BUS EDU HLH AGR LAB REF SET PKO CRM ELI ENV "
    "HRI DEV MOD RAD UIS IGO NGO NGM IMG INT MNC".split()
)


def kind(title: str) -> str:
    t = title.lower()
    if "defence" in t or "defense" in t:
        return "def"
    if title.endswith("Foreign Minister") and not t.startswith(("president", "acting", "caretaker")):
        return "fm"
    if "foreign minister" in t and "prime" not in t and "president" not in t and "chancellor" not in t:
        return "fm"
    if any(w in t for w in ("prime minister", "chancellor", "head of government", "minister of state",
                            "premier", "council of ministers")):
        return "hog"
    return "hos"


def source(code: str, title: str, names: dict[str, str], approx: bool) -> str:
    country = names[code]
    k = kind(title)
    base = {
        "def": f"Wikipedia: List of defence ministers of {country}",
        "fm": f"Wikipedia: List of foreign ministers of {country}",
        "hog": f"Wikipedia: List of heads of government of {country}",
        "hos": f"Wikipedia: List of heads of state of {country}",
    }[k]
    return base + ("; approx" if approx else "")


def day(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def overlaps(a: dict, b: dict) -> bool:
    a0, a1 = day(a["start_date"]) or dt.date.min, day(a["end_date"]) or dt.date.max
    b0, b1 = day(b["start_date"]) or dt.date.min, day(b["end_date"]) or dt.date.max
    return a0 <= b1 and b0 <= a1


def read_input(path: Path, names: dict[str, str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(";")]
        parts += [""] * (8 - len(parts))
        code, title, name, aliases, start, end, flag, roles = parts[:8]
        assert code in names, f"{path}:{n} unknown country {code}"
        assert flag in ("", "a"), f"{path}:{n} flag {flag!r}"
        roles = roles or "GOV"
        assert set(roles.split("|")) <= ROLES, f"{path}:{n} roles {roles}"
        day(start), day(end)
        rows.append({"name": name, "aliases": aliases, "country": code, "roles": roles, "title": title,
                     "start_date": start, "end_date": end, "source": source(code, title, names, flag == "a"),
                     "_where": f"{path.name}:{n}"})
    # predecessor ends the day before a successor who took office the same day
    by: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        by.setdefault((r["country"], kind(r["title"])), []).append(r)
    for group in by.values():
        group.sort(key=lambda r: r["start_date"])
        for prev, cur in zip(group, group[1:]):
            if prev["end_date"] and prev["end_date"] == cur["start_date"] and prev["name"] != cur["name"]:
                prev["end_date"] = str(day(prev["end_date"]) - dt.timedelta(days=1))
    for r in rows:
        if r["end_date"]:
            assert r["start_date"] <= r["end_date"], f"{r['_where']} start after end"
    return rows


def main(argv: list[str]) -> int:
    check = "--check" in argv
    files = [Path(a) for a in argv if a != "--check"]
    names = {r["code"]: r["name"] for r in csv.DictReader(open(DATA / "countries.tsv", encoding="utf-8"), delimiter="\t")}
    text = PEOPLE.read_text(encoding="utf-8")
    existing = list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    new: list[dict] = []
    skipped = 0
    for f in files:
        for r in read_input(f, names):
            dup = [e for e in existing + new if e["name"] == r["name"] and e["country"] == r["country"]
                   and e["title"] == r["title"] and overlaps(e, r)]
            if dup:
                skipped += 1
                print(f"skip {r['_where']}: {r['name']} {r['country']} {r['title']} already present", file=sys.stderr)
                continue
            for e in existing + new:
                if e["name"] == r["name"] and overlaps(e, r) and e is not r:
                    print(f"overlap {r['_where']}: {r['name']} {r['title']} {r['start_date']}..{r['end_date']}"
                          f" / {e['country']} {e['title']} {e['start_date']}..{e['end_date']}", file=sys.stderr)
            new.append(r)
    print(f"{len(new)} new rows, {skipped} skipped, {sum('approx' in r['source'] for r in new)} approx", file=sys.stderr)
    if check:
        return 0
    for r in new:
        for k in FIELDS:
            assert "\t" not in r[k] and "\n" not in r[k] and '"' not in r[k], r
    lines = ["\t".join(r[k] for k in FIELDS) for r in new]
    if not text.endswith("\n"):
        text += "\n"
    PEOPLE.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    prune_phoenix()
    return 0


def prune_phoenix() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_phoenix import our_surfaces

    ours = our_surfaces(DATA)
    path = DATA / "phoenix_people.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    i_name, i_alias = header.index("name"), header.index("aliases")
    out, dropped = [lines[0]], 0
    for line in lines[1:]:
        cells = line.split("\t")
        if cells[i_name] in ours:
            dropped += 1
            continue
        aliases = [a for a in cells[i_alias].split("|") if a and a not in ours]
        cells[i_alias] = "|".join(aliases)
        out.append("\t".join(cells))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"phoenix_people.tsv: {dropped} rows dropped (name now hand-written)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
