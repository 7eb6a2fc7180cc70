"""The main job: read inputs, skip stored articles, extract, and write each batch in one
transaction. The library never prints; callers get `RunStats` and an optional callback.

Parsing is delegated to an engine (`tidings.engine`): in this process, or on a pool of
worker processes with this process as the single writer. Either way batches arrive in input
order and each is committed whole, so a killed run resumes at the first uncommitted batch."""
from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.config import DEFAULT_MAX_TEXT_CHARS
from tidings.engine import Engine, ExtractOptions, local_engine
from tidings.ingest import ReadOptions, read_inputs
from tidings.models import Article, ArticleResult, Reject
from tidings.sources import PoliteClient, read_sources
from tidings.store import Store

if TYPE_CHECKING:
    from tidings.extract import KnowledgeBase

DEFAULT_BATCH_SIZE = 64
# DuckDB's buffer pool for an ingest run. It caches the blocks the skip lookup scans, so under
# a 512 MB cap a run's memory grew by 100 MB between 10,000 and 20,000 articles (the real
# pipeline, a stand-in parser); under 128 MB it stayed flat. Operators that need more spill
# to DuckDB's temporary directory.
WRITER_MEMORY_LIMIT = "128MB"
# DuckDB's worker threads for an ingest run: none beside the connection's own. Each of
# DuckDB's workers, after every task it runs, calls glibc's malloc_trim, which hands every
# free page of the process's heap back to the kernel; the parser then faulted the same
# memory back in on its next batch (20,000 page faults per 200 articles, and the parse
# inside ingest 1.1x the bare parse). The writer's statements are small (one batch of rows,
# a few key look-ups), and the parse, not DuckDB, needs the cores.
WRITER_THREADS = 1
log = logging.getLogger(__name__)


@dataclass
class RunStats:
    """Counts for one run; `reject_messages` holds `Reject.describe()` lines in input order."""

    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0
    events: int = 0
    quotes: int = 0
    rejects: int = 0
    reject_messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.articles_read} articles read, {self.articles_new} new, "
                f"{self.articles_skipped} already stored, {self.events} events, "
                f"{self.quotes} quotes, {self.rejects} rejected")


Progress = Callable[[RunStats], None]


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def load_kb(actor_files: Sequence[str] = ()) -> KnowledgeBase | None:
    """The extractor's knowledge base with extra actor files, or None for its default."""
    if not actor_files:
        return None
    from tidings.extract.kb.loader import load_kb as extract_load_kb

    return extract_load_kb(actor_files=tuple(actor_files))


def explain_actor(name: str, day: dt.date, actor_files: Sequence[str] = (), model: str | None = None):
    """How the extractor resolves `name` on `day`, and the knowledge-base rows behind it."""
    from tidings.extract.explain_actor import explain_name
    from tidings.extract.kb.loader import load_kb as extract_load_kb
    from tidings.nlp import DEFAULT_MODEL, load_nlp

    kb = extract_load_kb(actor_files=tuple(actor_files))
    return explain_name(name, day, kb, load_nlp(model or DEFAULT_MODEL))


class _Split:
    """Split a record stream into articles (iterated) and rejects (collected on the side,
    each with the number of articles read before it, so output can interleave them in input
    order however far ahead the engine reads)."""

    def __init__(self, records: Iterable[Article | Reject], stats: RunStats) -> None:
        self.records = records
        self.stats = stats
        self.pending: list[tuple[int, Reject]] = []

    def take_rejects(self, before: int | None = None) -> list[Reject]:
        """Pending rejects read before article number `before` (0-based), or all of them."""
        cut = len(self.pending) if before is None else sum(1 for n, _ in self.pending if n <= before)
        taken, self.pending = self.pending[:cut], self.pending[cut:]
        return [r for _, r in taken]

    def articles(self) -> Iterator[Article]:
        for record in self.records:
            if isinstance(record, Reject):
                self.stats.rejects += 1
                self.stats.reject_messages.append(record.describe())
                self.pending.append((self.stats.articles_read, record))
            else:
                self.stats.articles_read += 1
                yield record


def _new_articles(articles: Iterable[Article], store: Store, stats: RunStats, batch_size: int,
                  progress: Progress | None, committed: list[str]) -> Iterator[Article]:
    """Drop articles stored earlier or repeated in this input, one id lookup per chunk.

    `committed` holds the ids the caller has written since the last chunk. They leave the set
    of ids seen in this run before the next lookup, which finds them stored, so the set holds
    the articles in flight rather than every id of the run (it grew by ~0.1 KiB an article)."""
    seen: set[str] = set()
    for chunk in chunks(articles, batch_size):
        seen.difference_update(committed)  # before the lookup, so none slips through between them
        committed.clear()
        stored = store.known_ids(a.id for a in chunk)
        for article in chunk:
            if article.id in stored or article.id in seen:
                stats.articles_skipped += 1
                continue
            seen.add(article.id)
            yield article
        if progress:
            progress(stats)


def run(inputs: Sequence[str], db_path: str, default_date: dt.date | None = None, kb=None,
        batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
        model: str | None = None, day_first: bool = True,
        max_text_chars: int = DEFAULT_MAX_TEXT_CHARS, client: PoliteClient | None = None,
        feeds_only: bool = False, processes: int = 1, engine: Engine | None = None) -> RunStats:
    """Ingest `inputs` into the database at `db_path`; rerunning it changes nothing.

    URLs and feed files are fetched with `client` (items already stored are not fetched).
    `processes` > 1 parses on that many worker processes (this one stays the only writer);
    `engine` replaces the local engines altogether. The stored rows are the same either way.
    Workers are spawned, so a script calling this with `processes` > 1 needs the usual
    `if __name__ == "__main__":` guard around its own work.
    Raises StoreError if a batch cannot be written (that batch is rolled back, earlier
    ones stay, and a rerun resumes) and IngestError for a missing input path.
    """
    options = ReadOptions(default_date=default_date, max_text_chars=max_text_chars)
    engine = engine or local_engine(ExtractOptions(kb=kb, model=model, batch_size=batch_size,
                                                   day_first=day_first), processes)
    with Store(db_path, memory_limit=WRITER_MEMORY_LIMIT, threads=WRITER_THREADS) as store:
        records = read_sources(list(inputs), options, client, known=store.known_ids, feeds_only=feeds_only)
        return ingest_records(records, store, batch_size=batch_size, progress=progress, engine=engine)


def ingest_records(records: Iterable[Article | Reject], store: Store, kb=None,
                   batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
                   model: str | None = None, day_first: bool = True,
                   engine: Engine | None = None) -> RunStats:
    """Extract and write already-read records into an open store (the API server's own
    connection, or the one `run` opens); same batching, skipping and rejects as `run`.
    Without `engine`, parses in this process with `kb`, `model` and `day_first`."""
    engine = engine or local_engine(ExtractOptions(kb=kb, model=model, batch_size=batch_size,
                                                   day_first=day_first))
    stats = RunStats()
    split = _Split(records, stats)
    committed: list[str] = []
    fresh = _new_articles(split.articles(), store, stats, batch_size, progress, committed)
    for batch in engine.batches(fresh):
        store.write_batch(batch, split.take_rejects())
        committed.extend(r.article.id for r in batch)
        stats.articles_new += len(batch)
        log.info("committed a batch of %d articles (%d new in this run)", len(batch), stats.articles_new)
        stats.events += sum(len(r.events) for r in batch)
        stats.quotes += sum(len(r.quotes) for r in batch)
        if progress:
            progress(stats)
    store.write_rejects(split.take_rejects())
    if progress:
        progress(stats)
    return stats


def extract(inputs: Sequence[str], default_date: dt.date | None = None, kb=None,
            batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None, day_first: bool = True,
            max_text_chars: int = DEFAULT_MAX_TEXT_CHARS, processes: int = 1,
            engine: Engine | None = None) -> Iterator[ArticleResult | Reject]:
    """Extract without a database: results and rejects interleaved in input order, the same
    sequence whatever the engine or number of processes."""
    engine = engine or local_engine(ExtractOptions(kb=kb, model=model, batch_size=batch_size,
                                                   day_first=day_first), processes)
    split = _Split(read_inputs(list(inputs), default_date, max_text_chars=max_text_chars), RunStats())
    done = 0
    for batch in engine.batches(split.articles()):
        for result in batch:
            yield from split.take_rejects(before=done)
            yield result
            done += 1
    yield from split.take_rejects()


def watch(feeds: Sequence[str], db_path: str, every: float, client: PoliteClient,
          polls: int | None = None, sleep: Callable[[float], None] | None = None,
          clock: Callable[[], float] | None = None,
          on_poll: Callable[[int, RunStats], None] | None = None, **run_options) -> list[RunStats]:
    """Poll `feeds` every `every` seconds (`polls` times, or until interrupted) and ingest the
    items not stored yet; returns each poll's stats. A poll that overruns starts the next at once.
    `sleep` and `clock` default to the client's, so tests inject one fake clock for both."""
    sleep, clock = sleep or client.sleep, clock or client.clock
    done: list[RunStats] = []
    while polls is None or len(done) < polls:
        started = clock()
        stats = run(feeds, db_path, client=client, feeds_only=True, **run_options)
        done.append(stats)
        if on_poll:
            on_poll(len(done), stats)
        if polls is not None and len(done) >= polls:
            break
        sleep(max(0.0, every - (clock() - started)))
    return done
