"""Parquet partitions of the store's tables, and loading them into DuckDB by one writer.

An engine that extracts on many machines (`tidings.cluster`) must not open the DuckDB file
from its workers: DuckDB allows one writing process per file. So results travel as Parquet,
one folder per table (`DIR/events/part-00000.parquet`, ...), with the same columns as the
table. `articles` carries one extra column, `input_seq` (the article's position in the
input), so the loader links stories in input order exactly as the local engine does.

The folders can also be queried without loading, e.g. in DuckDB:
`SELECT root, count(*) FROM read_parquet('DIR/events/*.parquet') GROUP BY root`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tidings.errors import Errors, StoreError
from tidings.models import Article
from tidings.store.stories import StoryIndex
from tidings.store.tables import CHILD_TABLES, SCHEMAS

PARTITION_TABLES = ("articles", *CHILD_TABLES, "rejects")
SEQ = "input_seq"
ARTICLE_SCHEMA = SCHEMAS["articles"].append(pa.field(SEQ, pa.int64()))
STORY_CHUNK = 2048  # articles linked to stories per fetch; keeps the loader's memory flat

# Identical rejects from an earlier run of the same input are not stored twice (as in write.py).
_INSERT_NEW_REJECTS = """
INSERT INTO rejects BY NAME
SELECT n.* FROM read_parquet(?) n
WHERE NOT EXISTS (
    SELECT 1 FROM rejects r
    WHERE r.origin = n.origin AND r.line IS NOT DISTINCT FROM n.line
      AND r.field IS NOT DISTINCT FROM n.field AND r.message = n.message
      AND r.raw IS NOT DISTINCT FROM n.raw)
"""


@dataclass
class LoadStats:
    """What one load added: articles not stored before, their events and quotes, new rejects."""

    articles: int = 0
    events: int = 0
    quotes: int = 0
    rejects: int = 0

    def summary(self) -> str:
        return (f"{self.articles} articles loaded, {self.events} events, {self.quotes} quotes, "
                f"{self.rejects} rejects")


def schema_of(table: str) -> pa.Schema:
    """The Parquet schema of a partition table (the DuckDB columns; `input_seq` on articles)."""
    return ARTICLE_SCHEMA if table == "articles" else SCHEMAS[table]


def write_partition(folder: str | Path, number: int, tables: dict[str, pa.Table]) -> None:
    """Write `part-NNNNN.parquet` for every partition table (an empty one where no rows), so
    a glob over each table's folder always matches and always has the right columns."""
    for name in PARTITION_TABLES:
        data = tables.get(name) or schema_of(name).empty_table()
        path = Path(folder) / name / f"part-{number:05d}.parquet"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(data.select(schema_of(name).names).cast(schema_of(name)), path)
        except OSError as exc:
            raise StoreError(Errors.E206.format(path=path, problem=exc.strerror or exc), path=str(path)) from exc


def partition_glob(folder: str | Path, table: str) -> str:
    return str(Path(folder) / table / "*.parquet")


def check_partitions(folder: str | Path) -> None:
    """Raise StoreError unless every partition table has at least one file under `folder`."""
    missing = [t for t in PARTITION_TABLES if not any((Path(folder) / t).glob("*.parquet"))]
    if missing:
        raise StoreError(Errors.E801.format(path=folder, tables=", ".join(missing)), path=str(folder))


def load_partitions(con, folder: str | Path, path: str = "") -> LoadStats:
    """Insert the partitions under `folder` into the open database in one transaction.

    Articles already stored are skipped with every row they own, so loading twice changes
    nothing; new articles are linked to stories in input order. On failure nothing is kept.
    """
    check_partitions(folder)
    stats = LoadStats()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _tidings_load AS "
                    "SELECT * FROM read_parquet(?) p WHERE NOT EXISTS "
                    "(SELECT 1 FROM articles a WHERE a.article_id = p.article_id) "
                    f"QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY {SEQ}) = 1",
                    [partition_glob(folder, "articles")])
        con.execute(f"INSERT INTO articles BY NAME SELECT * EXCLUDE ({SEQ}) FROM _tidings_load ORDER BY {SEQ}")
        for name in CHILD_TABLES:
            # events in date order, so the zone maps of a bulk load skip row groups for a date range
            order = "ORDER BY c.event_date, c.article_id, c.start_char" if name == "events" else ""
            con.execute(f"INSERT INTO {name} BY NAME SELECT c.* FROM read_parquet(?) c "
                        f"SEMI JOIN _tidings_load USING (article_id) {order}", [partition_glob(folder, name)])
        stats.articles = _count(con, "SELECT count(*) FROM _tidings_load")
        stats.events = _count(con, "SELECT count(*) FROM events SEMI JOIN _tidings_load USING (article_id)")
        stats.quotes = _count(con, "SELECT count(*) FROM quotes SEMI JOIN _tidings_load USING (article_id)")
        _link_stories(con)
        before = _count(con, "SELECT count(*) FROM rejects")
        con.execute(_INSERT_NEW_REJECTS, [partition_glob(folder, "rejects")])
        stats.rejects = _count(con, "SELECT count(*) FROM rejects") - before
        con.execute("DROP TABLE _tidings_load")
        con.execute("COMMIT")
    except (duckdb.Error, pa.ArrowException) as exc:
        con.execute("ROLLBACK")
        raise StoreError(Errors.E802.format(folder=folder, path=path or "the database",
                                            problem=str(exc).splitlines()[0]), path=path) from exc
    return stats


def _count(con, sql: str) -> int:
    return con.execute(sql).fetchall()[0][0]


def _link_stories(con) -> None:
    """Stories need every earlier article, so they are linked here, in input order, by the
    single writer; the workers could not (each sees only its own batch)."""
    index = StoryIndex.load(con)
    now = dt.datetime.now(dt.timezone.utc)
    last = -1
    while rows := con.execute(f"SELECT article_id, article_date, text, {SEQ} FROM _tidings_load "
                              f"WHERE {SEQ} > ? ORDER BY {SEQ} LIMIT ?", [last, STORY_CHUNK]).fetchall():
        last = rows[-1][3]
        links = index.link([Article(id=aid, date=day, text=text) for aid, day, text, _ in rows], now, con)
        if links.num_rows:
            con.register("_tidings_links", links)
            try:
                con.execute("INSERT INTO stories BY NAME SELECT * FROM _tidings_links")
            finally:
                con.unregister("_tidings_links")
