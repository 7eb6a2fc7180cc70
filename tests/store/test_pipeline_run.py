"""pipeline.run over the store: idempotent reruns, skipped ids, stored rejects.

These run the real extractor; they assert only on articles and rejects, never on events.
"""
from __future__ import annotations

import datetime as dt

from tidings import pipeline
from tidings.models import ArticleResult, Reject


def test_pipeline_run_twice_changes_nothing(db_path, fixtures, nlp):
    inputs = [str(fixtures / "articles.jsonl"), str(fixtures / "bad.jsonl")]
    first = pipeline.run(inputs, db_path)
    assert (first.articles_read, first.articles_new, first.rejects) == (7, 7, 6)
    assert len(first.reject_messages) == 6 and "bad.jsonl:2" in first.reject_messages[0]
    again = pipeline.run(inputs, db_path)
    assert (again.articles_new, again.articles_skipped) == (0, 7)
    from tidings import query

    assert query.rejects(db_path).num_rows == 6
    counts = {r["key"]: r["count"] for r in query.summary(db_path).to_pylist() if r["section"] == "rows"}
    assert counts["articles"] == 7


def test_pipeline_run_resumes_with_new_articles_only(db_path, fixtures, nlp):
    pipeline.run([str(fixtures / "dated.txt")], db_path)
    stats = pipeline.run([str(fixtures / "dated.txt"), str(fixtures / "articles.csv")], db_path,
                         batch_size=2)
    assert (stats.articles_new, stats.articles_skipped) == (3, 1)


def test_pipeline_run_reports_progress(db_path, fixtures, nlp):
    seen = []
    pipeline.run([str(fixtures / "articles.jsonl")], db_path, batch_size=2,
                 progress=lambda s: seen.append(s.articles_new))
    assert seen and seen[-1] == 5


def test_pipeline_extract_yields_results_and_rejects_in_order(fixtures, nlp):
    out = list(pipeline.extract([str(fixtures / "bad.jsonl")], default_date=dt.date(2025, 1, 1)))
    kinds = ["R" if isinstance(o, Reject) else "A" for o in out]
    assert "".join(kinds) == "ARARRRRA"  # the file's order, whatever the batching
    assert all(isinstance(o, (ArticleResult, Reject)) for o in out)


class _Echo:
    """A stand-in engine: batches of `size` articles, each result the bare article."""

    def __init__(self, size: int) -> None:
        self.size = size

    def batches(self, articles):
        from tidings.extract import batches

        for batch in batches(articles, self.size):
            yield [ArticleResult(article=a) for a in batch]


def test_pipeline_repeated_ids_stored_once_around_commits(db_path):
    from tidings.models import Article
    from tidings.store import Store

    # "a" repeats in its own chunk after its batch is committed, and in later chunks;
    # "d" repeats while still in flight
    ids = ["a", "b", "c", "a", "d", "e", "d", "a", "f", "g", "a", "g"]
    records = [Article(id=i, date=dt.date(2025, 5, 1), text=f"Text {n} of {i}.") for n, i in enumerate(ids)]
    with Store(db_path) as store:
        stats = pipeline.ingest_records(records, store, batch_size=4, engine=_Echo(2))
        stored = store.sql("SELECT article_id, text FROM articles ORDER BY article_id").to_pylist()
    assert (stats.articles_new, stats.articles_skipped) == (7, 5)
    assert [(r["article_id"], r["text"]) for r in stored] == [
        ("a", "Text 0 of a."), ("b", "Text 1 of b."), ("c", "Text 2 of c."), ("d", "Text 4 of d."),
        ("e", "Text 5 of e."), ("f", "Text 8 of f."), ("g", "Text 9 of g.")]
