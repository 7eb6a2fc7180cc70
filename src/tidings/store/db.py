"""Open the DuckDB file, apply migrations, and hand out the connection or per-thread cursors."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tidings.errors import Errors, StoreError
from tidings.models import ArticleResult, Reject
from tidings.store import parquet, write
from tidings.store.migrate import migrate
from tidings.store.stories import StoryIndex


def _open_error(path: str, exc: Exception) -> StoreError:
    """A lock conflict names the holder; a file that cannot be created names its folder;
    anything else says what the file may be instead."""
    problem = (str(exc).splitlines()[0] if str(exc) else type(exc).__name__).rstrip(".!")
    if "lock" in problem.lower():
        holder = re.search(r"held in (.+?) \(PID (\d+)\)", problem)
        who = f"{holder.group(1)}, PID {holder.group(2)}" if holder else "another connection"
        return StoreError(Errors.E205.format(path=path, holder=who), path=path)
    if not Path(path).exists():  # nothing there to be the wrong kind of file: the folder is the problem
        return StoreError(Errors.E207.format(path=path, problem=problem.removeprefix("IO Error: ")), path=path)
    return StoreError(Errors.E201.format(path=path, problem=problem), path=path)


class Store:
    """A tidings database. Use as a context manager; `cursor()` gives one cursor per thread.

    `read_only=True` never creates a file: a missing database raises StoreError (E202).
    `memory_limit` (DuckDB's, e.g. "512MB") caps its buffer pool, which by default may take
    up to 80% of the machine's RAM, so a long-running writer has a known ceiling.
    `threads` sets DuckDB's worker threads (by default one per core).
    """

    def __init__(self, path: str | Path, read_only: bool = False, con=None,
                 memory_limit: str | None = None, threads: int | None = None) -> None:
        self.path = str(path)
        self._stories: StoryIndex | None = None  # built on the first write, kept for the run
        if con is not None:  # a view over a connection someone else owns (see `reader`)
            self.con = con
            return
        if read_only and not Path(self.path).exists():
            raise StoreError(Errors.E202.format(path=self.path), path=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise _open_error(self.path, exc) from exc
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        if not read_only:
            migrate(self.con, self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def cursor(self):
        """A cursor for another thread; DuckDB connections are not shared across threads."""
        return self.con.cursor()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A Store over a fresh cursor of this connection, for one reader in one thread.

        A long-lived process (the API server) owns the only connection; each request reads
        through its own cursor, so reads see every committed batch while a writer thread
        keeps ingesting through the connection itself.
        """
        view = Store(self.path, con=self.con.cursor())
        try:
            yield view
        finally:
            view.con.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return write.known_ids(self.con, ids)

    def write_batch(self, results: Sequence[ArticleResult], rejects: Sequence[Reject] = ()) -> None:
        if results and self._stories is None:
            self._stories = StoryIndex.load(self.con)
        try:
            write.write_batch(self.con, results, rejects, self.path, self._stories)
        except StoreError:
            self._stories = None  # it may hold links of the rolled-back batch
            raise

    def write_rejects(self, rejects: Sequence[Reject]) -> None:
        write.write_rejects(self.con, rejects, self.path)

    def load_parquet(self, folder: str | Path) -> parquet.LoadStats:
        """Insert the Parquet partitions under `folder` (see `store.parquet`) in one transaction."""
        return parquet.load_partitions(self.con, folder, self.path)

    def sql(self, query: str, params: Sequence[object] | None = None):
        """Run a read query and return an Arrow table."""
        return self.con.sql(query, params=list(params) if params else None).to_arrow_table()
