"""A progress display for `ingest`, on stderr, only on a terminal and only for jobs big
enough to be worth watching."""
from __future__ import annotations

import sys

from tidings.pipeline import RunStats

MIN_ARTICLES = 50  # below this a run takes a second or two; a bar would only flicker


class IngestProgress:
    """Callable passed to `pipeline.run(progress=...)`; starts lazily, stop() at the end."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar = None
        self._task = None

    def __call__(self, stats: RunStats) -> None:
        if not self.enabled or stats.articles_read < MIN_ARTICLES:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                 TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("ingesting")
        self._bar.update(self._task, description=(
            f"read {stats.articles_read}, stored {stats.articles_new}, "
            f"skipped {stats.articles_skipped}, events {stats.events}, rejects {stats.rejects}"))

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
