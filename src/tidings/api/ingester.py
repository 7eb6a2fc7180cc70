"""Posted articles are ingested by one worker thread through the server's own connection.

DuckDB lets one process hold a database file for writing, and then no other process may
open it. So the server is that process: it owns the only connection, a worker thread
writes batches through one cursor of it, and every request reads through a fresh cursor
(`Store.reader`), seeing each batch as soon as it is committed. Jobs run one at a time in
the order they were posted.
"""
from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import Literal

from tidings import pipeline
from tidings.models import Article
from tidings.store import Store

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    id: int
    articles: list[Article]
    rejected: int = 0
    state: JobState = "queued"
    stats: dict = field(default_factory=dict)
    error: str | None = None
    posted_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def describe(self) -> dict:
        return {"ok": True, "job": self.id, "state": self.state, "articles": len(self.articles),
                "rejected": self.rejected, "stats": self.stats, "error": self.error,
                "posted_at": self.posted_at.isoformat()}


class Ingester:
    """A queue of jobs and the thread that runs them; `start()` once, `stop()` at shutdown."""

    KEEP = 200  # finished jobs remembered for GET /api/jobs/{id}

    def __init__(self, store: Store, kb=None, model: str | None = None, day_first: bool = True,
                 batch_size: int = pipeline.DEFAULT_BATCH_SIZE) -> None:
        self._writer = Store(store.path, con=store.cursor())
        self._options = {"kb": kb, "model": model, "day_first": day_first, "batch_size": batch_size}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, name="tidings-ingest", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)
        self._writer.con.close()

    def submit(self, articles: list[Article], rejected: int = 0) -> Job:
        with self._lock:
            job = Job(id=next(self._ids), articles=articles, rejected=rejected)
            self._jobs[job.id] = job
            for old in sorted(self._jobs)[:-self.KEEP]:
                del self._jobs[old]
        self._queue.put(job)
        return job

    def job(self, job_id: int) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def pending(self) -> int:
        return self._queue.unfinished_tasks

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every queued job has finished (for tests and shutdown); True if idle."""
        done = threading.Event()

        def waiter() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=waiter, daemon=True).start()
        return done.wait(timeout)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                self._run(job)
            finally:
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        job.state = "running"
        try:
            stats = pipeline.ingest_records(job.articles, self._writer, **self._options)
        except Exception as exc:  # a job's failure is reported on the job; the worker goes on
            log.exception("ingest job %s failed", job.id)
            job.state, job.error = "failed", str(exc)
            return
        job.stats = {"articles_new": stats.articles_new, "articles_skipped": stats.articles_skipped,
                     "events": stats.events, "quotes": stats.quotes}
        job.state = "done"
        log.info("ingest job %s: %s", job.id, stats.summary())
