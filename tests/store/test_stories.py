"""Story links through the compact band-key index: near-duplicates join the first article's
story within a batch, across batches and across runs (the index rebuilt from the table)."""
from __future__ import annotations

import datetime as dt

import numpy as np

from tidings.models import ArticleResult
from tidings.store import Store
from tidings.store.stories import StoryIndex, band_keys

WIRE = ("The foreign ministers of India and Pakistan met in Geneva on Tuesday to discuss the "
        "ceasefire along the Line of Control, officials said, after weeks of shelling that "
        "displaced thousands of villagers on both sides of the frontier and closed schools.")
OTHER = ("Flooding in the south of Brazil forced the evacuation of forty thousand residents, "
         "and the governor asked the federal government for emergency funds and more troops.")


def _result(article_id: str, text: str) -> ArticleResult:
    from tidings.models import Article

    return ArticleResult(article=Article(id=article_id, date=dt.date(2025, 5, 1), text=text))


def _stories(store: Store) -> dict[str, tuple[str, str | None]]:
    rows = store.sql("SELECT article_id, story_id, linked_to FROM stories").to_pylist()
    return {r["article_id"]: (r["story_id"], r["linked_to"]) for r in rows}


def test_stories_near_duplicates_link_across_batches_and_runs(db_path):
    edited = WIRE.replace("Tuesday", "Wednesday") + " Reuters contributed."
    with Store(db_path) as store:
        store.write_batch([_result("w1", WIRE), _result("o1", OTHER), _result("w2", edited)])
        store.write_batch([_result("w3", WIRE + " Updated.")])
    with Store(db_path) as store:  # a new run rebuilds the index from the table
        store.write_batch([_result("w4", "Updated: " + edited), _result("o2", OTHER + " More soon.")])
        links = _stories(store)
    assert links["w1"] == ("w1", None) and links["o1"] == ("o1", None)
    assert {links[k][0] for k in ("w2", "w3", "w4")} == {"w1"}
    assert links["o2"][0] == "o1"


def test_stories_rewriting_a_stored_article_adds_no_link(db_path):
    with Store(db_path) as store:
        store.write_batch([_result("w1", WIRE)])
        index = StoryIndex.load(store.con)
        table = index.link([_result("w1", WIRE).article], dt.datetime.now(dt.timezone.utc), store.con)
    assert table.num_rows == 0


def test_stories_band_keys_differ_by_band_and_match_by_content():
    sig = np.arange(128, dtype=np.uint64).reshape(1, 128)
    keys = band_keys(sig)[0]
    assert len(set(keys.tolist())) == 32  # the same four values in another band is another key
    changed = sig.copy()
    changed[0, 5] += 1  # band 1 only
    other = band_keys(changed)[0]
    assert [k == o for k, o in zip(keys, other)] == [True, False] + [True] * 30


def test_stories_index_runs_stay_bounded_and_find_every_shared_key(monkeypatch):
    from tidings.store import stories

    monkeypatch.setattr(stories, "_MERGE_AT", 64)
    monkeypatch.setattr(stories, "_RUN_KEYS", 256)
    rng = np.random.default_rng(7)
    index, by_key = StoryIndex(), {}
    for n in range(300):  # 32 keys an article from a small pool, so many are shared
        keys = rng.integers(0, 2_000, 32).astype(np.uint64)
        index.add(f"a{n}", keys)
        for k in keys.tolist():
            by_key.setdefault(k, set()).add(f"a{n}")
    assert all(len(keys) <= 256 for keys, _ in index._runs) and len(index._recent) < 64
    assert 1 < len(index._runs) < 300 * 32 // 64
    for _ in range(50):
        probe = rng.integers(0, 2_100, 32).astype(np.uint64)
        assert index.candidates(probe) == set().union(*(by_key.get(k, set()) for k in probe.tolist()))
