#!/usr/bin/env python
"""Build src/tidings/data/phoenix_people.tsv and phoenix_groups.tsv from the OEDA Phoenix actor
dictionaries.

    python scripts/build_phoenix.py ../shared/reference/petrarch2 src/tidings/data

The Phoenix dictionaries (Open Event Data Alliance, MIT licence; `Phoenix.Countries.actors.txt`,
`Phoenix.International.actors.txt`, `Phoenix.MilNonState.actors.txt`) are TABARI `.actors` files:
an entry line `NAME_WITH_UNDERSCORES_ [CODE]`, `+ALIAS_` lines, codes in square brackets on the
entry line or on the lines below it, optionally date-bounded (`[USAGOV 090120-170120]`,
`[USAELI <090120]`, `[USAGOV >170120]`, dates YYMMDD or YYYYMMDD), and `#` comments. Several
entry lines in a row without codes share the codes that follow them. This script reads them as
data and keeps what fits tidings' knowledge base:

  people: entries whose name looks like a person's (2 to 4 words, letters only, no acronym, no
          institution word) with a code whose first three letters are a country in countries.tsv;
          one row per dated span of a role code other than ELI. Phoenix's ELI ("elite", before
          or after office) spans and its undated fallback code are not rows: outside a span the
          loader's own convention applies (a known person out of office keeps a nationality).
  groups: MilNonState entries with a country in countries.tsv and a role in our vocabulary.

Names that our hand-written tables already hold (countries, institutions, IGOs, groups, people,
places) are dropped, so ours always win; so are names made only of common words and names two
Phoenix entries give different countries. Each row carries a `class`, and `keep` = 1 for the
classes switched on after measuring (data/README.md, "phoenix_people.tsv"). The output is
deterministic.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "tidings" / "data"
PEOPLE_COLUMNS = ("name", "aliases", "country", "roles", "title", "start_date", "end_date", "source",
                  "class", "keep")
GROUP_COLUMNS = ("name", "aliases", "country", "roles", "start_date", "end_date", "class", "keep")

# classes of converted rows the loader uses (keep = 1); measured as data/README.md records
KEEP_CLASSES = frozenset({"person_dated", "group"})

ROLE_CODES = frozenset("""GOV MIL COP JUD LEG SPY REB INS SEP UAF OPP CVL MED BUS EDU HLH AGR LAB REF SET
    PKO CRM ELI ENV HRI DEV MOD RAD UIS""".split())
# words that never occur in a person's name: titles, institutions, common nouns of actor names
NOT_PERSON_WORDS = frozenset("""the of and for in on at to mr mrs ms dr sir president prime minister
    ministry ministers government administration regime party army navy force forces police council
    committee front movement union league national republic republican democratic people peoples
    state states general senator governor king queen prince princess sheikh emir sultan pope
    bishop cardinal ambassador secretary chief commander colonel captain major leader leaders spokesman
    office department agency bank court assembly parliament congress senate house commission
    company corporation group organization organisation association brigade brigades battalion
    militia rebels guard guards services service media news radio television tv newspaper times
    post press university school hospital church mosque islamic christian muslim federal central
    new old north south east west northern southern eastern western administrator mayor
    president-elect vice deputy acting former elect opposition tribe clan""".split())
PARTICLES = frozenset("de da do dos das del della di van von der den la le du bin ibn ben bint y".split())
NAME_WORD = re.compile(r"^[A-Za-z][A-Za-z'.-]*$")
CODE = re.compile(r"^([A-Z]{3})((?:[A-Z]{3})*)$")
BRACKET = re.compile(r"\[([^\]]*)\]")


@dataclass
class Entry:
    names: list[str]
    line: int
    codes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def read_actors(path: Path) -> list[Entry]:
    """Entries of one TABARI .actors file: names, aliases and raw bracketed code strings."""
    entries: list[Entry] = []
    pending: Entry | None = None  # entry lines still waiting for their codes
    current: Entry | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = BRACKET.findall(line)
        text = BRACKET.sub(" ", line).strip()
        if text.startswith("+"):
            if current is not None:
                current.aliases.append(text[1:].strip())
            continue
        if text:  # an entry line
            if current is not None and not current.codes and current is pending:
                current.names.append(text)  # consecutive entry lines share the codes below
            else:
                current = Entry([text], n)
                entries.append(current)
                pending = current
        if codes and current is not None:
            current.codes.extend(codes)
            pending = None
    return [e for e in entries if e.codes]


def phoenix_date(value: str) -> dt.date | None:
    """YYMMDD (years up to 30 are 20YY) or YYYYMMDD; None for impossible dates."""
    try:
        if len(value) == 8:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if len(value) == 6:
            yy = int(value[:2])
            return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(value[2:4]), int(value[4:]))
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Span:
    country: str
    roles: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None  # last day, inclusive
    dated: bool
    open_end: bool = False


def parse_code(raw: str, countries: set[str]) -> Span | None:
    """One bracketed code; None for codes we cannot use (no country of ours, unknown roles)."""
    parts = raw.split()
    if not parts:
        return None
    m = CODE.match(parts[0].lstrip("~"))
    if not m or m.group(1) not in countries:
        return None
    roles = tuple(m.group(2)[i:i + 3] for i in range(0, len(m.group(2)), 3))
    if any(r not in ROLE_CODES for r in roles):
        return None
    if len(parts) == 1:
        return Span(m.group(1), roles, None, None, dated=False)
    when = parts[1]
    if when.startswith(">"):
        start = phoenix_date(when[1:])
        return Span(m.group(1), roles, start, None, True, open_end=True) if start else None
    if when.startswith("<"):
        end = phoenix_date(when[1:])
        return Span(m.group(1), roles, None, end - dt.timedelta(days=1), True) if end else None
    if "-" in when:
        a, b = when.split("-", 1)
        start, end = phoenix_date(a), phoenix_date(b)
        if start and end and start < end:
            # Phoenix's successor starts on the day its predecessor's span ends: our end is the day before
            return Span(m.group(1), roles, start, end - dt.timedelta(days=1), True)
    return None


def title_word(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in PARTICLES:
        return low
    out = "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
    out = "'".join(p[:1].upper() + p[1:] if len(p) > 1 else p for p in out.split("'"))
    if out.startswith(("Al-", "El-")) and not first:
        out = out[:2].lower() + out[2:]
    if re.match(r"^Mc[a-z]", out):
        out = "Mc" + out[2:3].upper() + out[3:]
    return out


def person_name(raw: str) -> str | None:
    """'VLADIMIR_PUTIN_' → 'Vladimir Putin', or None if it does not look like a person's name."""
    words = [w for w in raw.replace("_", " ").split() if w]
    if not 2 <= len(words) <= 4 or not all(NAME_WORD.match(w) for w in words):
        return None
    if any(w.lower().strip(".") in NOT_PERSON_WORDS for w in words):
        return None
    if any(len(w.strip(".")) > 1 and not re.search(r"[AEIOUY]", w.upper()) for w in words):
        return None  # acronyms and abbreviations ("MPLA", "DRC")
    if words[-1].endswith(".") or len(words[-1].strip(".")) < 2:
        return None  # the surname must be a word, not an initial
    return " ".join(title_word(w, i == 0) for i, w in enumerate(words))


def group_name(raw: str) -> str | None:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' → 'Aden Abyan Islamic Army'; single words are skipped."""
    text = re.sub(r"\([^)]*\)", " ", raw.replace("_", " "))
    words = text.split()
    if len(words) < 2 or not all(NAME_WORD.match(w) for w in words):
        return None
    small = {"of", "the", "and", "for", "in", "on", "al", "el"}
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        out.append(low if i and low in small else title_word(w, True))
    return " ".join(out)


def our_surfaces(data: Path) -> set[str]:
    """Every name, alias, demonym and capital in the hand-written tables: ours always win."""
    found: set[str] = set()
    columns = {"countries.tsv": ("name", "aliases", "demonyms", "capitals"), "igos.tsv": ("name", "aliases"),
               "institutions.tsv": ("name", "aliases"), "groups.tsv": ("name", "aliases"),
               "people.tsv": ("name", "aliases"), "places.tsv": ("name", "aliases")}
    for name, cols in columns.items():
        for row in csv.DictReader((data / name).read_text(encoding="utf-8").splitlines(), delimiter="\t",
                                  quoting=csv.QUOTE_NONE):
            for c in cols:
                found.update(v.strip() for v in row[c].split("|") if v.strip())
    return found


def common_words(data: Path, reference: Path) -> set[str]:
    """Lower-case English words from our role table and the Phoenix agents and verb dictionaries:
    a name made only of these ('Rose Hill', 'Young Guard') is left out."""
    words: set[str] = set()
    for row in csv.DictReader((data / "roles.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t",
                              quoting=csv.QUOTE_NONE):
        words.update(row["term"].split())
    for fname in ("Phoenix.agents.txt", "CAMEO.2.0.txt"):
        path = reference / fname
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                line = BRACKET.sub(" ", line.split("#", 1)[0])
                words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", line))
    return words | NOT_PERSON_WORDS


def build(reference: Path, data: Path) -> tuple[list[dict], list[dict], Counter]:
    countries = {r["code"] for r in csv.DictReader((data / "countries.tsv").read_text(encoding="utf-8")
                                                    .splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)}
    ours = our_surfaces(data)
    common = common_words(data, reference)
    skipped: Counter = Counter()
    # the latest date any code names: open spans (">D") end there, the dictionary's horizon
    horizon = dt.date(2000, 1, 1)
    people: list[dict] = []
    groups: list[dict] = []

    def clean_aliases(raw: list[str], main: str, make) -> list[str]:
        out = []
        for a in raw:
            name = make(a)
            if name and name != main and name not in ours and name not in out and \
                    not all(w.lower() in common for w in name.split()):
                out.append(name)
        return out

    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for e in read_actors(reference / fname):
            spans = [s for s in (parse_code(c, countries) for c in e.codes) if s]
            for s in spans:
                for d in (s.start, s.end):
                    if d and d <= dt.date(2016, 12, 31):
                        horizon = max(horizon, d)
            names = [n for n in (person_name(x) for x in e.names) if n]
            if not names:
                skipped["not a person's name"] += 1
                continue
            if not spans:
                skipped["no country of ours"] += 1
                continue
            main = names[0]
            if main in ours:
                skipped["name in our tables"] += 1
                continue
            if all(w.lower() in common for w in main.split()):
                skipped["common words"] += 1
                continue
            aliases = clean_aliases(names[1:] + e.aliases, main, person_name)
            source = f"OEDA Phoenix {fname}:{e.line}"
            rows = set()
            for s in spans:
                roles = tuple(r for r in s.roles if r != "ELI")
                if not s.dated or not roles:
                    continue  # the fallback code and ELI spans: the loader's out-of-office rule applies
                rows.add((s.country, "|".join(roles), s.start, s.end, s.open_end))
            if not rows:
                undated = sorted({(s.country, "|".join(r for r in s.roles if r != "ELI")) for s in spans
                                  if not s.dated})
                if len({c for c, _ in undated}) != 1:
                    skipped["no dated role, several countries"] += 1
                    continue
                country, roles = undated[0][0], "|".join(sorted({r for _, rs in undated for r in rs.split("|") if r}))
                people.append(dict(name=main, aliases=aliases, country=country, roles=roles, start=None,
                                   end=None, open_end=False, source=source,
                                   cls="person_undated" if roles else "person_nationality"))
                continue
            for country, roles, start, end, open_end in sorted(rows, key=lambda r: (r[2] or dt.date.min, r[0], r[1])):
                people.append(dict(name=main, aliases=aliases, country=country, roles=roles, start=start,
                                   end=end, open_end=open_end, source=source, cls="person_dated"))

    for e in read_actors(reference / "Phoenix.MilNonState.actors.txt"):
        spans = [s for s in (parse_code(c, countries) for c in e.codes) if s]
        names = [n for n in (group_name(x) for x in e.names) if n]
        if not names:
            skipped["group: single word or not a name"] += 1
            continue
        if not spans or len({s.country for s in spans}) != 1 or not any(s.roles for s in spans):
            skipped["group: no single country of ours with a role"] += 1
            continue
        main = names[0]
        if main in ours:
            skipped["group: name in our tables"] += 1
            continue
        if all(w.lower() in common for w in main.split()):
            skipped["group: common words"] += 1
            continue
        aliases = clean_aliases(names[1:] + e.aliases, main, group_name)
        for s in spans:
            if s.roles:
                groups.append(dict(name=main, aliases=aliases, country=s.country, roles="|".join(s.roles),
                                   start=s.start, end=s.end, open_end=False, cls="group"))

    for row in people:  # open spans end at the dictionary's horizon; later facts come from people.tsv
        if row["open_end"]:
            row["end"] = horizon
            row["source"] += "; approx end (open in Phoenix)"
    drop_ambiguous(people + groups, skipped)
    return people, groups, skipped


def drop_ambiguous(rows: list[dict], skipped: Counter) -> None:
    """A surface two entries give different countries (namesakes) is dropped from both."""
    by_surface: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for s in [r["name"], *r["aliases"]]:
            by_surface[s].add(r["country"])
    bad = {s for s, cs in by_surface.items() if len(cs) > 1}
    for r in rows:
        r["aliases"] = [a for a in r["aliases"] if a not in bad]
        if r["name"] in bad:
            r["cls"] = "ambiguous"
    skipped["surfaces with two countries"] += len(bad)


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def write(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(columns) + "\n")
        for r in rows:
            if r["cls"] == "ambiguous":
                continue
            values = dict(name=r["name"], aliases="|".join(r["aliases"]), country=r["country"], roles=r["roles"],
                          title="", start_date=iso(r["start"]), end_date=iso(r["end"]), source=r.get("source", ""),
                          keep="1" if r["cls"] in KEEP_CLASSES else "0")
            values["class"] = r["cls"]
            f.write("\t".join(values[c] for c in columns) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reference", type=Path, help="folder holding the Phoenix.*.actors.txt files")
    ap.add_argument("out", type=Path, nargs="?", default=DATA, help="data folder to write to")
    args = ap.parse_args()
    people, groups, skipped = build(args.reference, DATA)
    write(args.out / "phoenix_people.tsv", PEOPLE_COLUMNS, people)
    write(args.out / "phoenix_groups.tsv", GROUP_COLUMNS, groups)
    counts = Counter(r["cls"] for r in people + groups)
    for cls, n in sorted(counts.items()):
        print(f"rows {cls}: {n} ({'kept' if cls in KEEP_CLASSES else 'not used'})", file=sys.stderr)
    for reason, n in skipped.most_common():
        print(f"skipped {reason}: {n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
