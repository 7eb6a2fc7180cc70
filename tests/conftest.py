"""Shared fixtures: fixture file paths, hand-built results, a DuckDB in tmp_path, one real spaCy
pipeline per session for the tests that need it, and `tidings extract` output on gold files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.models import Actor, Article, ArticleResult, Event, Quote, Timex

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = Path(__file__).parent / "gold"
SHARED_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"  # optional, beside the checkout


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole session."""
    from tidings.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gold_output(tmp_path_factory):
    """`gold_output(gold_path)` → the path of `tidings extract GOLD --format jsonl` output, run through
    the CLI in this process (one model load) and at most once per gold file per session."""
    from typer.testing import CliRunner

    from tidings.cli.main import app

    folder = tmp_path_factory.mktemp("gold-output")
    done: dict[Path, Path] = {}

    def run(gold: Path) -> Path:
        gold = Path(gold).resolve()
        if gold not in done:
            res = CliRunner().invoke(app, ["extract", str(gold), "--format", "jsonl"])
            assert res.exit_code == 0, (gold, res.output)
            path = folder / f"{gold.stem}.jsonl"
            path.write_text(res.stdout, encoding="utf-8")
            done[gold] = path
        return done[gold]

    return run


def actor(name: str, code: str, country: str, roles=("GOV",), text: str | None = None) -> Actor:
    return Actor(text=text or name, name=name, code=code, country=country, roles=list(roles))


def make_result(article_id: str = "a1", date: dt.date = dt.date(2025, 5, 1),
                text: str = "India thanked the United States on Thursday.",
                events: int = 1, quotes: int = 1) -> ArticleResult:
    """An `ArticleResult` built by hand, so store/query/CLI tests never need the extractor."""
    ind = actor("India", "IND", "IND", ("GOV",), text="India")
    usa = actor("United States", "USAGOV", "USA", ("GOV",), text="the United States")
    evs = [Event(id=f"{article_id}-e{n}", sentence=0, evidence=text, start=0, end=len(text),
                 date=date - dt.timedelta(days=n), date_text="on Thursday", date_precision="day",
                 source=ind, target=usa, cameo="051", root="05", quad_class=1, goldstein=3.4,
                 rule="test-rule", verb="thank")
           for n in range(events)]
    qs = [Quote(speaker="Rajnath Singh", speaker_actor=actor("Rajnath Singh", "INDGOV", "IND"),
                text=f"We are grateful ({n}).", kind="direct", start=0, end=10)
          for n in range(quotes)]
    return ArticleResult(article=Article(id=article_id, date=date, text=text, title="T"),
                         events=evs, quotes=qs,
                         timexes=[Timex(text="Thursday", start=35, end=43, type="DATE",
                                        value="2025-05-01")])


@pytest.fixture
def result_factory():
    return make_result


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "test.duckdb")


@pytest.fixture
def filled_db(db_path) -> str:
    """A database holding three hand-built articles (no extractor involved)."""
    from tidings.store import Store

    with Store(db_path) as store:
        store.write_batch([make_result("a1", dt.date(2025, 5, 1), events=2, quotes=1),
                           make_result("a2", dt.date(2025, 5, 3), events=1, quotes=0)])
        store.write_batch([make_result("a3", dt.date(2025, 6, 1), events=0, quotes=2)])
    return db_path


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """The sample corpus (examples/) ingested once per session; treat it as read-only
    (copy it, `sample_db_copy`, to write)."""
    from tidings import pipeline

    path = str(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    stats = pipeline.run([str(EXAMPLES)], path)
    assert stats.articles_new > 40 and stats.events > 100
    return path


@pytest.fixture
def sample_db_copy(sample_db, tmp_path) -> str:
    import shutil

    path = str(tmp_path / "copy.duckdb")
    shutil.copyfile(sample_db, path)
    return path
