"""The actor and place knowledge base, read from the package's TSV data files.

Files and columns are documented in `tidings/data/README.md`. Every file is parsed once per
process (see `kb.loader.load_kb`) and validated row by row: a bad row raises `CodebookError` naming the
file and line, before any article is read.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tidings.errors import CodebookError, Errors

Kind = str  # country | igo | institution | group | person | capital | demonym | place


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of a known actor or place."""

    kind: Kind
    name: str
    country: str | None
    roles: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    lat: float | None = None
    lon: float | None = None
    place_kind: str | None = None
    code: str | None = None  # an IGO's own code where it differs from `country` (UNHCR: HCR in UNO)
    origin: str | None = None  # "file:line" of the row, so `tidings actor NAME` can say why
    title: str | None = None  # an office holder's office ("Prime Minister"), to tell namesakes apart

    def valid_on(self, day: dt.date) -> bool:
        # end_date is the last day in office (inclusive), as data/README.md documents
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class KnowledgeBase:
    """Surface form → entries. Proper names match case-sensitively, role words in lower case."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    roles: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    places: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # code -> name
    igo_parent: dict[str, str] = field(default_factory=dict)  # agency code -> parent body (HCR -> UNO)
    max_words: int = 1
    max_role_words: int = 1

    def add_name(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if not surface:
            return
        self.names.setdefault(surface, []).append(entry)
        # "the Kremlin" and "Kremlin" both match
        self.max_words = max(self.max_words, len(surface.split()))

    def add_place(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if surface:
            self.places.setdefault(surface, []).append(entry)
            self.max_words = max(self.max_words, len(surface.split()))

    def add_role(self, term: str, roles: tuple[str, ...], kind: str) -> None:
        term = term.strip().lower()
        if term:
            self.roles[term] = (roles, kind)
            self.max_role_words = max(self.max_role_words, len(term.split()))

    def lookup(self, surface: str, day: dt.date | None = None) -> list[Entry]:
        """Entries for a surface form valid on `day`; person entries out of office are dropped."""
        found = self.names.get(surface) or []
        if day is None:
            return list(found)
        return [e for e in found if e.valid_on(day)]


def split_values(value: str) -> list[str]:
    """The values of a `|`-separated field, trimmed, empty ones dropped."""
    return [v.strip() for v in value.split("|") if v.strip()]


def _date(value: str, path: str, line: int) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CodebookError(Errors.E101.format(path=path, line=line, problem=f"bad date {value!r}"),
                            path=path, line=line) from exc


def read_tsv(path: Path | str, text: str | None = None,
             columns: Iterable[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a TSV file with a header; check required columns."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CodebookError(Errors.E101.format(path=name, line=0, problem=str(exc)),
                                path=name, line=0) from exc
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        raise CodebookError(Errors.E101.format(path=name, line=1, problem="empty file"), path=name, line=1)
    missing = [c for c in columns if c not in header]
    if missing:
        raise CodebookError(Errors.E101.format(path=name, line=1, problem=f"missing columns {missing}"),
                            path=name, line=1)
    for n, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise CodebookError(Errors.E101.format(
                path=name, line=n, problem=f"expected {len(header)} fields, found {len(row)}"),
                path=name, line=n)
        yield n, dict(zip(header, (c.strip() for c in row)))


def _data_text(filename: str) -> tuple[str, str]:
    ref = resources.files("tidings") / "data" / filename
    return f"tidings/data/{filename}", ref.read_text(encoding="utf-8")


def _load_countries(kb: KnowledgeBase, path: str, text: str) -> None:
    for n, r in read_tsv(path, text, ("code", "name", "aliases", "demonyms", "capitals")):
        code, origin = r["code"], f"{path}:{n}"
        kb.countries[code] = r["name"]
        for s in [r["name"], *split_values(r["aliases"])]:
            kb.add_name(s, Entry("country", r["name"], code, origin=origin))
        for s in split_values(r["demonyms"]):
            kb.add_name(s, Entry("demonym", r["name"], code, origin=origin))
        for s in split_values(r["capitals"]):
            kb.add_name(s, Entry("capital", s, code, ("GOV",), origin=origin))


def _load_simple(kb: KnowledgeBase, path: str, text: str, kind: str) -> None:
    for n, r in read_tsv(path, text, ("name", "aliases", "country", "roles")):
        country = kb.igo_parent.get(r["country"], r["country"]) or None  # IAEA's chief counts as the UN
        entry = Entry(kind, r["name"], country, tuple(split_values(r["roles"])),
                      _date(r.get("start_date", ""), path, n), _date(r.get("end_date", ""), path, n),
                      origin=f"{path}:{n}", title=r.get("title") or None)
        for s in [r["name"], *split_values(r["aliases"])]:
            kb.add_name(s, entry)


PHOENIX_PREFIX = "tidings/data/phoenix_"


def imported(entry: Entry) -> bool:
    """An entry converted from the OEDA Phoenix dictionaries (scripts/build_phoenix.py)."""
    return (entry.origin or "").startswith(PHOENIX_PREFIX)


def _load_phoenix(kb: KnowledgeBase, path: str, text: str, kind: str) -> None:
    """Converted Phoenix rows with keep = 1, loaded after the hand-written tables: a surface form
    those tables (or the gazetteer) already hold is skipped, so ours always win."""
    for n, r in read_tsv(path, text, ("name", "aliases", "country", "roles", "keep")):
        if r["keep"] != "1":
            continue
        entry = Entry(kind, r["name"], r["country"] or None, tuple(split_values(r["roles"])),
                      _date(r["start_date"], path, n), _date(r["end_date"], path, n), origin=f"{path}:{n}")
        for s in [r["name"], *split_values(r["aliases"])]:
            if not any(not imported(e) for e in kb.names.get(s, ())) and s not in kb.places:
                kb.add_name(s, entry)


def _load_igos(kb: KnowledgeBase, path: str, text: str) -> None:
    for n, r in read_tsv(path, text, ("code", "name", "aliases", "roles")):
        # a UN agency counts as the UN for its country field; its own code stays in `name`-level code
        entry = Entry("igo", r["name"], r.get("parent") or r["code"], tuple(split_values(r["roles"])) or ("IGO",),
                      code=r["code"], origin=f"{path}:{n}")
        if r.get("parent"):
            kb.igo_parent[r["code"]] = r["parent"]
        for s in [r["name"], *split_values(r["aliases"])]:
            kb.add_name(s, entry)


def _load_roles(kb: KnowledgeBase, path: str, text: str) -> None:
    for _, r in read_tsv(path, text, ("term", "roles", "kind")):
        kb.add_role(r["term"], tuple(split_values(r["roles"])), r["kind"])


_REGION_WORDS = frozenset({"State", "Province", "Region"})


def _load_places(kb: KnowledgeBase, path: str, text: str) -> None:
    for n, r in read_tsv(path, text, ("name", "aliases", "country", "lat", "lon", "kind")):
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError as exc:
            raise CodebookError(Errors.E101.format(path=path, line=n, problem="lat/lon not numbers"),
                                path=path, line=n) from exc
        entry = Entry("place", r["name"], r["country"] or None, lat=lat, lon=lon, place_kind=r["kind"],
                      origin=f"{path}:{n}")
        for s in [r["name"], *split_values(r["aliases"])]:
            kb.add_place(s, entry)
            head, _, last = s.rpartition(" ")
            if head and last in _REGION_WORDS and r["kind"] == "region":
                kb.add_place(f"{head} {last.lower()}", entry)  # "Shan state", "Borno state", as papers write them


_LOADERS = (
    ("countries.tsv", _load_countries),
    ("igos.tsv", _load_igos),
    ("institutions.tsv", lambda kb, p, t: _load_simple(kb, p, t, "institution")),
    ("groups.tsv", lambda kb, p, t: _load_simple(kb, p, t, "group")),
    ("people.tsv", lambda kb, p, t: _load_simple(kb, p, t, "person")),
    ("roles.tsv", _load_roles),
    ("places.tsv", _load_places),
    ("phoenix_groups.tsv", lambda kb, p, t: _load_phoenix(kb, p, t, "group")),
    ("phoenix_people.tsv", lambda kb, p, t: _load_phoenix(kb, p, t, "person")),
)


@functools.lru_cache(maxsize=1)
def _packaged_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for filename, loader in _LOADERS:
        try:
            path, text = _data_text(filename)
        except FileNotFoundError:
            continue
        loader(kb, path, text)
    return kb
