"""`tidings ingest --engine ray`: the same extraction as the local engine, as a Ray Data
pipeline, with Parquet partitions as its output and the driver as the only DuckDB writer.

The driver reads the inputs with tidings' own readers (rejects are kept exactly as the
local engine keeps them), drops articles already stored or repeated, and puts the rest in
Ray's object store a chunk at a time, so a large corpus never sits in the driver's memory.
`map_batches(ExtractorActor)` parses on as many actors as there are CPUs; the driver
streams their rows back into `DIR/<table>/part-NNNNN.parquet` (it needs no storage shared
with the workers) and, with a database, loads the partitions at the end in one transaction.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa

from tidings.cluster.batches import RESULT_TABLES, articles_table, unpack
from tidings.cluster.extractor import ExtractorActor
from tidings.cluster.session import RayOptions, ray_session
from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.errors import ClusterError, Errors, TidingsError
from tidings.ingest import ReadOptions
from tidings.models import Article, Reject
from tidings.pipeline import DEFAULT_BATCH_SIZE, RunStats, chunks
from tidings.sources import PoliteClient, read_sources
from tidings.store import Store
from tidings.store.parquet import PARTITION_TABLES, SEQ, LoadStats, load_partitions, write_partition
from tidings.store.tables import reject_table

Known = Callable[[Iterable[str]], set[str]]


def run(inputs: Sequence[str], parquet_dir: str | Path, db_path: str | None = None,
        options: RayOptions = RayOptions(), default_date: dt.date | None = None, kb=None,
        batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None, day_first: bool = True,
        max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
        client: PoliteClient | None = None) -> tuple[RunStats, LoadStats | None]:
    """Extract `inputs` on Ray into Parquet partitions under `parquet_dir`, then load them
    into `db_path` when given (articles stored there before are skipped before parsing).

    Raises ClusterError when Ray is missing, unreachable or fails, and StoreError when the
    folder already holds partitions or the load fails (the database is then unchanged).
    """
    folder = Path(parquet_dir)
    if any(folder.glob("*/*.parquet")):
        raise ClusterError(Errors.E805.format(path=folder), path=str(folder))
    with ray_session(options) as ray:  # connected before the database is created or anything read
        store = Store(db_path) if db_path else None
        try:
            known: Known = store.known_ids if store else (lambda ids: set())
            records = read_sources(list(inputs), ReadOptions(default_date=default_date,
                                                             max_text_chars=max_text_chars), client, known=known)
            stats = RunStats()
            refs, rejects = _stage(ray, records, known, stats, batch_size)
            _extract(ray, refs, rejects, folder, stats, options, kb, model, day_first, batch_size)
            loaded = load_partitions(store.con, folder, store.path) if store else None
        finally:
            if store:
                store.close()
    return stats, loaded


def _stage(ray, records: Iterable[Article | Reject], known: Known, stats: RunStats,
           chunk: int) -> tuple[list, list[Reject]]:
    """Put the new articles into the object store, one block of `chunk` (the parse batch)
    at a time, so every actor gets work even from a small corpus; collect the rejects."""
    refs, rejects, seen, seq = [], [], set(), 0
    for batch in chunks(_articles(records, stats, rejects), chunk):
        stored = known(a.id for a in batch)
        fresh = []
        for article in batch:
            if article.id in stored or article.id in seen:
                stats.articles_skipped += 1
                continue
            seen.add(article.id)
            fresh.append(article)
        if fresh:
            refs.append(ray.put(articles_table(fresh, seq)))
            seq += len(fresh)
    return refs, rejects


def _articles(records: Iterable[Article | Reject], stats: RunStats, rejects: list[Reject]) -> Iterator[Article]:
    for record in records:
        if isinstance(record, Reject):
            stats.rejects += 1
            stats.reject_messages.append(record.describe())
            rejects.append(record)
        else:
            stats.articles_read += 1
            yield record


def _extract(ray, refs: list, rejects: list[Reject], folder: Path, stats: RunStats, options: RayOptions,
             kb, model: str | None, day_first: bool, batch_size: int) -> None:
    """Run the actors over the staged blocks and write what they return as partitions."""
    writer = _PartitionWriter(folder, options.chunk_articles, reject_table(rejects), stats)
    if refs:
        actors = options.concurrency or max(1, int(ray.cluster_resources().get("CPU", 1)))
        dataset = ray.data.from_arrow_refs(refs).map_batches(
            ExtractorActor, batch_size=batch_size, batch_format="pyarrow", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=min(actors, len(refs))),
            fn_constructor_kwargs={"kb": kb, "model": model, "day_first": day_first})
        try:
            for block in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                writer.add(unpack(block))
        except TidingsError:
            raise
        except Exception as exc:  # Ray wraps a worker's failure in its own types
            raise ClusterError(Errors.E806.format(problem=root_cause(exc))) from exc
    writer.close()


class _PartitionWriter:
    """Collect the workers' rows and write a partition every `size` articles; the first
    partition also holds the rejects, and there is always at least one partition."""

    def __init__(self, folder: Path, size: int, rejects: pa.Table, stats: RunStats) -> None:
        self.folder, self.size, self.stats = folder, size, stats
        self.pending: dict[str, list[pa.Table]] = {name: [] for name in RESULT_TABLES}
        self.extra = {"rejects": rejects}
        self.number = self.articles = 0

    def add(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            self.pending[name].append(table)
        self.articles += len(tables["articles"])
        if self.articles >= self.size:
            self._flush()

    def close(self) -> None:
        if self.articles or self.number == 0:
            self._flush()

    def _flush(self) -> None:
        """Write one partition (articles in input order) and start the next."""
        tables = {name: pa.concat_tables(parts) for name, parts in self.pending.items() if parts}
        if "articles" in tables:
            tables["articles"] = tables["articles"].sort_by(SEQ)
        tables.update(self.extra)
        write_partition(self.folder, self.number, {n: t for n, t in tables.items() if n in PARTITION_TABLES})
        self.stats.articles_new += len(tables.get("articles", []))
        self.stats.events += len(tables.get("events", []))
        self.stats.quotes += len(tables.get("quotes", []))
        for parts in self.pending.values():
            parts.clear()
        self.extra, self.number, self.articles = {}, self.number + 1, 0


def root_cause(exc: BaseException) -> str:
    """The first failure under Ray's wrappers (task error → user code error → the real one)."""
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = exc.__cause__ or getattr(exc, "cause", None)
        if not isinstance(inner, BaseException):
            break
        exc = inner
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0] if lines else 'no message'}"
