"""Timeline, trend and dyad queries on 10 million synthetic events (goal: each < 300 ms).

Builds a DuckDB file with the real schema (the project's migrations) in a temporary folder,
fills it with synthetic events whose shape follows real coded news: a few countries and
dyads take most events (Zipf weights), codes follow a skewed CAMEO mix with the codebook's
quad class and Goldstein score, event volume grows over eleven years, one article reports
ten events and one quote, and articles come in publication order (the order a news stream
is ingested in; the events of an article happened up to a week before it). Then it times
the very functions the CLI and the API call (`tidings.query.timeline`, `buckets`,
`event_page`, `network`, `top_dyad`) through one read-only connection as `tidings serve`
holds it, and prints median and p95 of each.

    .venv/bin/python bench/query_scale.py [--events 10000000] [--runs 9] [--keep FILE]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.resources
import io
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tidings import query
from tidings.query import EventFilter
from tidings.store import SCHEMAS, Store

CHUNK = 1_000_000
EVENTS_PER_ARTICLE = 10
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 11 * 365
COUNTRIES = ("USA IND PAK CHN RUS UKR ISR IRN GBR FRA DEU TUR SAU SYR AFG IRQ JPN KOR PRK EGY "
             "NGA ZAF BRA MEX CAN AUS IDN PHL VNM THA MMR BGD LKA NPL KEN ETH SDN SOM LBY YEM "
             "QAT ARE JOR LBN POL ITA ESP NLD BEL SWE NOR FIN GRC SRB HUN ROU VEN COL ARG").split()
ROLES = ("GOV", "MIL", "COP", "OPP", "BUS", "MED", "CVL", "REB")


def codebook() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CAMEO codes (three digits or more) with their quad class and Goldstein score."""
    text = importlib.resources.files("tidings").joinpath("data", "cameo.tsv").read_text("utf-8")
    rows = [r for r in csv.DictReader(io.StringIO(text), delimiter="\t") if len(r["code"]) >= 3]
    return (np.array([r["code"] for r in rows]), np.array([int(r["quad_class"]) for r in rows]),
            np.array([float(r["goldstein"]) for r in rows]))


def zipf(n: int, s: float = 1.1) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** s
    return weights / weights.sum()


def event_chunk(rng: np.random.Generator, start: int, size: int, total: int, codes) -> dict[str, pa.Table]:
    """`size` events from number `start` on, their articles (one per ten events) and quotes."""
    code, quad, gold = codes
    n_countries = len(COUNTRIES)
    src = rng.choice(n_countries, size, p=zipf(n_countries))
    tgt = (src + 1 + rng.choice(n_countries - 1, size, p=zipf(n_countries - 1, 1.3))) % n_countries
    pick = rng.choice(len(code), size, p=zipf(len(code), 0.8)[rng.permutation(len(code))])
    numbers = np.arange(start, start + size)
    # articles arrive in publication order, as a news stream is ingested, and volume grows:
    # article k of n appears on day DAYS * sqrt(k / n); its events happened that day or up
    # to a week before (the dates the extractor resolves from "on Monday", "last week")
    published = (DAYS * np.sqrt((numbers // EVENTS_PER_ARTICLE) / (total / EVENTS_PER_ARTICLE))).astype(np.int32)
    day = np.maximum(0, published - np.minimum(rng.geometric(0.5, size) - 1, 7)).astype(np.int32)
    article = pa.array(numbers // EVENTS_PER_ARTICLE).cast(pa.string())
    article_id = pc.binary_join_element_wise("a", article, "")
    countries = np.array(COUNTRIES)
    s_country, t_country = pa.array(countries[src]), pa.array(countries[tgt])
    s_role, t_role = (pa.array(np.array(ROLES)[rng.integers(0, len(ROLES), size)]) for _ in range(2))
    event_date = pa.array(np.datetime64(FIRST_DAY, "D") + day.astype("timedelta64[D]"), pa.date32())
    cameo = pa.array(code[pick])
    events = {
        "article_id": article_id,
        "event_id": pc.binary_join_element_wise("e", pa.array(numbers).cast(pa.string()), ""),
        "sentence": pa.array(numbers % EVENTS_PER_ARTICLE, pa.int32()),
        "evidence": pc.binary_join_element_wise(s_country, " acted on ", t_country, " (", cameo, ")", ""),
        "start_char": pa.array((numbers % EVENTS_PER_ARTICLE) * 120, pa.int32()),
        "end_char": pa.array((numbers % EVENTS_PER_ARTICLE) * 120 + 100, pa.int32()),
        "event_date": event_date, "date_text": pa.nulls(size, pa.string()),
        "date_precision": pa.array(np.where(rng.random(size) < 0.6, "day", "article")),
        "source_text": s_country, "source_name": s_country,
        "source_code": pc.binary_join_element_wise(s_country, s_role, ""), "source_country": s_country,
        "source_roles": pa.ListArray.from_arrays(pa.array(np.arange(size + 1), pa.int32()), s_role),
        "target_text": t_country, "target_name": t_country,
        "target_code": pc.binary_join_element_wise(t_country, t_role, ""), "target_country": t_country,
        "target_roles": pa.ListArray.from_arrays(pa.array(np.arange(size + 1), pa.int32()), t_role),
        "cameo": cameo, "root": pc.utf8_slice_codeunits(cameo, 0, 2),
        "quad_class": pa.array(quad[pick], pa.int32()), "goldstein": pa.array(gold[pick]),
        "confidence": pa.array(np.where(rng.random(size) < 0.9, 1.0, 0.6)), "rule": pa.array(["synthetic"] * size),
    }
    n_articles = len(numbers[::EVENTS_PER_ARTICLE])
    a_ids = article_id.take(pa.array(np.arange(0, size, EVENTS_PER_ARTICLE)))
    a_dates = pa.array(np.datetime64(FIRST_DAY, "D") + published[::EVENTS_PER_ARTICLE].astype("timedelta64[D]"),
                       pa.date32())
    now = pa.array([dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)] * n_articles,
                   SCHEMAS["articles"].field("ingested_at").type)
    articles = {"article_id": a_ids, "article_date": a_dates, "origin": pa.array(["bench"] * n_articles),
                "text": pa.array(["synthetic article"] * n_articles), "ingested_at": now}
    speaker = s_country.take(pa.array(np.arange(0, size, EVENTS_PER_ARTICLE)))
    quotes = {"article_id": a_ids, "quote_index": pa.array(np.zeros(n_articles), pa.int32()),
              "speaker": speaker, "speaker_name": speaker, "speaker_country": speaker,
              "text": pa.array(["we will respond"] * n_articles), "kind": pa.array(["direct"] * n_articles),
              "start_char": pa.array(np.zeros(n_articles), pa.int32()),
              "end_char": pa.array(np.full(n_articles, 15), pa.int32())}
    return {"events": pa.table(events), "articles": pa.table(articles), "quotes": pa.table(quotes)}


def build(path: Path, total: int, seed: int = 11) -> None:
    """The database at `path`, migrated like any tidings store and filled a million at a time."""
    rng = np.random.default_rng(seed)
    codes = codebook()
    with Store(path) as store:
        for start in range(0, total, CHUNK):
            for name, table in event_chunk(rng, start, min(CHUNK, total - start), total, codes).items():
                store.con.register("_bench", table)
                store.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _bench")
                store.con.unregister("_bench")
        store.con.execute("CHECKPOINT")


def cases(until: dt.date) -> dict[str, object]:
    """The questions timed: name -> function of an open Store."""
    since = until - dt.timedelta(days=90)
    ind, dyad = EventFilter(country="IND"), EventFilter(dyad=("IND", "PAK"))
    return {
        "timeline (CLI: IND, 90 days, events and quotes)":
            lambda db: query.timeline(db, country="IND", since=since, until=until),
        "timeline (API: IND, weekly buckets, 11 years)": lambda db: query.buckets(db, ind, "week"),
        "timeline (API: all events, monthly buckets)": lambda db: query.buckets(db, EventFilter(), "month"),
        "trend (dyad IND-PAK, daily)": lambda db: query.buckets(db, dyad, "day"),
        "trend (dyad IND-PAK, weekly)": lambda db: query.buckets(db, dyad, "week"),
        "trend (country IND, daily, one year)":
            lambda db: query.buckets(db, EventFilter(country="IND", since=until - dt.timedelta(days=365)), "day"),
        "dyad events (IND-PAK, first page of 50 and total)": lambda db: query.event_page(db, dyad, 0, 50),
        "dyad events (IND-PAK, 90 days, page 3)":
            lambda db: query.event_page(db, EventFilter(dyad=("IND", "PAK"), since=since, until=until), 100, 50),
        "dyad network (IND-PAK edges)": lambda db: query.network(db, dyad),
        "top dyad (all events)": lambda db: query.top_dyad(db, EventFilter()),
    }


def time_cases(path: Path, runs: int) -> list[tuple[str, float, float, int]]:
    """(case, median ms, p95 ms, rows) after one warm-up run each, through one read-only
    connection and a cursor per call, as the server reads."""
    out = []
    with Store(path, read_only=True) as store:
        until = store.sql("SELECT max(event_date) AS d FROM events").column("d")[0].as_py()
        for name, run in cases(until).items():
            with store.reader() as db:
                result = run(db)
            rows = result.rows.num_rows if hasattr(result, "rows") else (
                result.num_rows if hasattr(result, "num_rows") else 1)
            times = []
            for _ in range(runs):
                with store.reader() as db:
                    began = time.perf_counter()
                    run(db)
                    times.append((time.perf_counter() - began) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            out.append((name, statistics.median(times), p95, rows))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=9, help="timed runs per query (after one warm-up)")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
        path = args.keep or Path(tmp) / "scale.duckdb"
        if not path.exists():
            began = time.perf_counter()
            build(path, args.events)
            print(f"built {args.events:,} events in {time.perf_counter() - began:.0f} s "
                  f"({path.stat().st_size / 2**30:.2f} GiB)")
        worst = 0.0
        print(f"{'query':58} {'median':>9} {'p95':>9} {'rows':>7}")
        for name, median, p95, rows in time_cases(path, args.runs):
            worst = max(worst, p95)
            print(f"{name:58} {median:7.0f}ms {p95:7.0f}ms {rows:7}")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"slowest p95: {worst:.0f} ms ({'within' if worst < 300 else 'over'} the 300 ms goal); "
              f"{os.cpu_count()} CPUs, load average {load}")


if __name__ == "__main__":
    main()
