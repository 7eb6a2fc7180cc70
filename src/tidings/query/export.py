"""Exports of the merged events (one row per event, with its report counts) in the layouts
analysts already load: the GDELT 2.0 event table, PLOVER/POLECAT-style JSON and an
ACLED-like CSV. Each function returns rows; `cli/` writes them.

The GDELT layout is read from `data/gdelt2_event_columns.tsv` (index, name, type, what
tidings puts there); values are strings ready for a tab-separated file without a header,
as GDELT ships it, and `read_gdelt` reads such a file back with the codebook's types.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import functools
import importlib.resources
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import pyarrow as pa

from tidings.errors import CodebookError, Errors
from tidings.query.codebook import cameo_names
from tidings.query.queries import Db, _open

GDELT_TYPES = {"INTEGER": pa.int64(), "FLOAT": pa.float64(), "STRING": pa.string()}
GEO_TYPES = {"country": 1, "city": 4, "town": 4, "village": 4, "capital": 4, "region": 5,
             "province": 5, "state": 5, "district": 5, "disputed": 5}
PRECISION = {"day": 1, "week": 2, "article": 2, "month": 3, "year": 3}


@dataclass(frozen=True)
class Column:
    index: int
    name: str
    type: str
    note: str


def _data(name: str) -> str:
    return importlib.resources.files("tidings").joinpath("data", name).read_text("utf-8")


@functools.lru_cache(maxsize=1)
def gdelt_columns() -> tuple[Column, ...]:
    """The 61 columns of the GDELT 2.0 event table, in file order; a bad row raises
    CodebookError naming its line."""
    path = "data/gdelt2_event_columns.tsv"
    cols = []
    for line, row in enumerate(csv.DictReader(io.StringIO(_data("gdelt2_event_columns.tsv")), delimiter="\t"), 2):
        if row.get("type") not in GDELT_TYPES or not (row.get("index") or "").isdigit() \
                or int(row["index"]) != len(cols) or not row.get("name"):
            raise CodebookError(Errors.E101.format(path=path, line=line, problem=f"bad column row {row}"),
                                path=path, line=line)
        cols.append(Column(int(row["index"]), row["name"], row["type"], row.get("tidings") or ""))
    return tuple(cols)


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 → (name, FIPS 10-4)."""
    rows = csv.DictReader(io.StringIO(_data("countries.tsv")), delimiter="\t")
    return {r["code"]: (r["name"], r.get("fips") or "") for r in rows if r.get("code")}


def merged(db: Db) -> list[dict]:
    """Every merged event as a dict, ordered by event date then first report."""
    q = ("SELECT * FROM merged_events ORDER BY event_date, article_date, article_id, start_char, event_key")
    with _open(db) as store:
        return store.sql(q).to_pylist()


def _clean(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _num(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _actor(e: dict, prefix: str) -> list[str]:
    country = e[f"{prefix}_country"] or ""
    is_country = country in _countries()
    roles = list(e[f"{prefix}_roles"] or []) + ["", "", ""]
    return [_clean(e[f"{prefix}_code"]), _clean((e[f"{prefix}_name"] or "").upper()),
            country if is_country else "", "" if is_country else country, "", "", "", *roles[:3]]


def _geo(e: dict) -> list[str]:
    if not e["location_name"]:
        return ["0", "", "", "", "", "", "", ""]
    iso = e["location_country"] or ""
    name, fips = _countries().get(iso, ("", ""))
    kind = (e["location_kind"] or "").lower()
    gtype = GEO_TYPES.get(kind, 4 if e["location_lat"] is not None else 1)
    if iso == "USA" and gtype in (4, 5):
        gtype -= 1 if gtype == 4 else 3  # US city 3, US state 2
    full = e["location_name"] if not name or name == e["location_name"] else f"{e['location_name']}, {name}"
    return [str(gtype), _clean(full), fips, "", "", _num(e["location_lat"]), _num(e["location_lon"]), ""]


def gdelt_row(e: dict) -> list[str]:
    """One merged event as the 61 GDELT 2.0 cells (strings; empty means NULL)."""
    day: dt.date = e["event_date"]
    days = 366 if calendar.isleap(day.year) else 365
    added: dt.date = e["article_date"]
    row = [str(int(e["event_key"][:13], 16)), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
           f"{day.year + day.timetuple().tm_yday / days:.4f}",
           *_actor(e, "source"), *_actor(e, "target"),
           "1" if e["sentence"] == 0 else "0", e["cameo"], e["cameo"][:3], e["root"],
           str(e["quad_class"] if e["quad_class"] is not None else 0), _num(e["goldstein"], 1),
           str(e["num_mentions"]), str(e["num_sources"]), str(e["num_articles"]), "",
           "0", "", "", "", "", "", "", "", "0", "", "", "", "", "", "", "",
           *_geo(e), added.strftime("%Y%m%d") + "000000", _clean(e["url"] or e["outlet"])]
    return row


def gdelt_rows(db: Db) -> Iterator[list[str]]:
    for e in merged(db):
        yield gdelt_row(e)


def write_gdelt(rows: Iterator[list[str]], out: IO[str]) -> int:
    """Tab-separated, no header, one event a line (GDELT's own file layout); returns the count."""
    n = 0
    for row in rows:
        out.write("\t".join(row) + "\n")
        n += 1
    return n


def read_gdelt(handle: IO[str]) -> pa.Table:
    """A GDELT 2.0 event file back into a typed table. Raises ValueError naming the line and
    column of a cell that does not fit the codebook's type, or a row of the wrong width."""
    cols = gdelt_columns()
    data: list[list[object]] = [[] for _ in cols]
    for line_no, line in enumerate(handle, 1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(cols):
            raise ValueError(f"line {line_no}: {len(cells)} columns, expected {len(cols)}")
        for col, cell in zip(cols, cells):
            try:
                value = None if cell == "" else int(cell) if col.type == "INTEGER" \
                    else float(cell) if col.type == "FLOAT" else cell
            except ValueError as exc:
                raise ValueError(f"line {line_no}: {col.name} {cell!r} is not {col.type}") from exc
            data[col.index].append(value)
    return pa.table({c.name: pa.array(data[c.index], GDELT_TYPES[c.type]) for c in cols})


def _actor_obj(e: dict, prefix: str) -> dict | None:
    if not (e[f"{prefix}_name"] or e[f"{prefix}_code"]):
        return None
    return {"name": e[f"{prefix}_name"], "text": e[f"{prefix}_text"], "code": e[f"{prefix}_code"],
            "country": e[f"{prefix}_country"], "roles": list(e[f"{prefix}_roles"] or [])}


def plover_records(db: Db) -> Iterator[dict]:
    """POLECAT-style records: PLOVER event type, actor and recipient, location, the story it
    came from and every article behind it."""
    for e in merged(db):
        loc = None
        if e["location_name"]:
            loc = {"name": e["location_name"], "country": e["location_country"], "lat": e["location_lat"],
                   "lon": e["location_lon"], "kind": e["location_kind"]}
        yield {"event_id": e["event_id"], "event_date": e["event_date"].isoformat(),
               "event_type": e["plover"], "cameo": e["cameo"], "quad_class": e["quad_class"],
               "event_intensity": e["goldstein"], "date_precision": e["date_precision"],
               "actor": _actor_obj(e, "source"), "recipient": _actor_obj(e, "target"),
               "location": loc, "event_text": e["evidence"], "confidence": e["confidence"],
               "story_id": e["story_id"], "story_date": e["article_date"].isoformat(),
               "headline": e["title"], "url": e["url"], "source": e["outlet"],
               "num_mentions": e["num_mentions"], "num_sources": e["num_sources"],
               "num_articles": e["num_articles"], "article_ids": list(e["article_ids"]),
               "first_seen_date": e["first_seen_date"].isoformat(),
               "last_seen_date": e["last_seen_date"].isoformat()}


ACLED_SCHEMA = pa.schema([(n, pa.string()) for n in (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor1_code", "inter1", "actor2", "actor2_code", "inter2", "country", "iso3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_url", "notes",
    "fatalities", "num_sources", "num_articles", "timestamp")])


def acled_table(db: Db) -> pa.Table:
    """One row per event in ACLED's column style (actors, place, notes); `fatalities` is
    empty (not extracted), `event_type` the CAMEO root's name and `sub_event_type` the code's."""
    names = {r["code"]: r["name"] for r in cameo_names().to_pylist()}
    rows = []
    for e in merged(db):
        iso = e["location_country"] or e["source_country"] or ""
        country = _countries().get(iso, (iso, ""))[0]
        geo = "" if not e["location_name"] else "1" if (e["location_kind"] or "") in ("city", "town", "village") \
            else "2" if e["location_lat"] is not None else "3"
        rows.append({
            "event_id_cnty": f"{iso or 'XXX'}{int(e['event_key'][:13], 16)}",
            "event_date": e["event_date"].isoformat(), "year": str(e["event_date"].year),
            "time_precision": str(PRECISION.get(e["date_precision"], 2)),
            "event_type": names.get(e["root"], e["root"]), "sub_event_type": names.get(e["cameo"], e["cameo"]),
            "actor1": e["source_name"], "actor1_code": e["source_code"],
            "inter1": "|".join(e["source_roles"] or []), "actor2": e["target_name"],
            "actor2_code": e["target_code"], "inter2": "|".join(e["target_roles"] or []),
            "country": country, "iso3": iso, "location": e["location_name"],
            "latitude": _num(e["location_lat"]) or None, "longitude": _num(e["location_lon"]) or None,
            "geo_precision": geo or None, "source": "; ".join(e["outlets"]), "source_url": e["url"],
            "notes": _clean(e["evidence"]), "fatalities": None, "num_sources": str(e["num_sources"]),
            "num_articles": str(e["num_articles"]),
            "timestamp": str(int(dt.datetime.combine(e["first_seen_date"], dt.time(),
                                                     dt.timezone.utc).timestamp()))})
    return pa.Table.from_pylist(rows, schema=ACLED_SCHEMA)


def events_table(db: Db) -> pa.Table:
    """Every merged event with all its columns (for parquet, csv and jsonl)."""
    q = "SELECT * FROM merged_events ORDER BY event_date, article_date, article_id, start_char, event_key"
    with _open(db) as store:
        return store.sql(q)
