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
        index.add(f"a{n}", keys, np.zeros(64, dtype=np.uint8))
        for k in keys.tolist():
            by_key.setdefault(k, set()).add(f"a{n}")
    assert all(len(keys) <= 256 for keys, _ in index._runs) and len(index._recent) < 64
    assert 1 < len(index._runs) < 300 * 32 // 64
    for _ in range(50):
        probe = rng.integers(0, 2_100, 32).astype(np.uint64)
        assert index.candidates(probe) == set().union(*(by_key.get(k, set()) for k in probe.tolist()))


def test_stories_sketches_never_agree_less_than_the_signatures():
    """The sketch bound may only over-count equal positions, so no link is lost by it."""
    from tidings.store.stories import agreeing, sketches

    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, (200, 128), dtype=np.int64)
    other = rng.integers(0, 2**32, (200, 128), dtype=np.int64)
    for row, same in enumerate(rng.integers(0, 129, 200).tolist()):  # plant `same` equal positions
        at = rng.choice(128, same, replace=False)
        other[row, at] = base[row, at]
    equal = (base == other).sum(axis=1)
    agree = np.array([agreeing(sketches(other[r:r + 1]), sketches(base[r:r + 1])[0])[0] for r in range(200)])
    assert (agree >= equal).all()
    assert ((agree - equal) < 30).all()  # unrelated positions agree one time in 16


def test_stories_sketch_blocks_hold_every_article_and_load_alike(monkeypatch, db_path):
    from tidings.store import stories
    from tidings.store.stories import sketches

    monkeypatch.setattr(stories, "_SKETCH_SHIFT", 3)  # blocks of 8 articles
    texts = [f"{OTHER} Item {n} of the day, with {n * 7} more words in it." for n in range(21)]
    with Store(db_path) as store:
        for lo in range(0, 21, 5):
            store.write_batch([_result(f"x{n:02d}", texts[n]) for n in range(lo, min(lo + 5, 21))])
        built = store._stories
        loaded = StoryIndex.load(store.con, chunk=6)
    from tidings.store import minhash

    want = sketches(np.array([minhash.signature(t) for t in texts], dtype=np.int64))
    ords = np.arange(21)
    assert built.ids == loaded.ids == [f"x{n:02d}" for n in range(21)]
    assert (built.sketch_rows(ords) == want).all() and (loaded.sketch_rows(ords) == want).all()
    assert (built.sketch_rows(np.array([3, 17, 8])) == want[[3, 17, 8]]).all()


def _links_by_brute_force(texts: list[tuple[str, str]]) -> dict[str, tuple[str, str | None, float | None]]:
    """Story links as the rule states them, article by article over every earlier one."""
    from tidings.store import minhash

    done: list[tuple[str, np.ndarray, set[int], str]] = []
    links = {}
    for aid, text in texts:
        sig = np.array(minhash.signature(text), dtype=np.int64)
        keys = set(band_keys(sig[None, :])[0].tolist())
        scored = [((s == sig).sum() / 128, other, story) for other, s, k, story in done if k & keys]
        best = min(scored, key=lambda t: (-t[0], t[1]), default=None)
        if best is not None and best[0] >= minhash.THRESHOLD:
            links[aid] = (best[2], best[1], best[0])
        else:
            links[aid] = (aid, None, None)
        done.append((aid, sig, keys, links[aid][0]))
    return links


def test_stories_links_equal_the_rule_on_recombined_text(db_path):
    """Recombined sentences make many band-key candidates below the threshold and some above:
    the links equal an all-pairs reading of the rule, within and across batches and runs."""
    rng = np.random.default_rng(11)
    sentences = [f"Sentence {n} tells how officials in city {n} met envoys {n % 7} times this week."
                 for n in range(30)]
    texts = [(f"r{n:03d}", " ".join(sentences[i] for i in rng.choice(30, rng.integers(2, 5), replace=False)))
             for n in range(120)]
    with Store(db_path) as store:
        for lo in range(0, 80, 16):
            store.write_batch([_result(aid, text) for aid, text in texts[lo:lo + 16]])
    with Store(db_path) as store:  # a new run: the index and its sketches rebuilt from the table
        store.write_batch([_result(aid, text) for aid, text in texts[80:]])
        rows = store.sql("SELECT article_id, story_id, linked_to, similarity FROM stories").to_pylist()
    got = {r["article_id"]: (r["story_id"], r["linked_to"], r["similarity"]) for r in rows}
    want = _links_by_brute_force(texts)
    assert got == want
    assert 10 < sum(1 for v in want.values() if v[1] is not None) < 110


def test_stories_pairs_of_a_batch_equal_each_article_alone(monkeypatch):
    """The batch-wide search finds, for every row, the articles sharing one of its keys; rows
    sharing keys with each other, and keys in runs and in the recent dict alike."""
    from tidings.store import stories

    monkeypatch.setattr(stories, "_MERGE_AT", 64)
    monkeypatch.setattr(stories, "_RUN_KEYS", 256)
    rng = np.random.default_rng(5)
    index, by_key = StoryIndex(), {}
    for n in range(251):
        keys = rng.integers(0, 3_000, 32).astype(np.uint64)
        index.add(f"a{n}", keys, np.zeros(64, dtype=np.uint8))
        for k in keys.tolist():
            by_key.setdefault(k, set()).add(n)
    assert len(index._runs) > 1 and index._recent
    batch = rng.integers(0, 3_200, (9, 32)).astype(np.uint64)
    batch[4] = batch[2]  # two rows with the same keys
    rows, ords = index.pairs(batch)
    for r in range(9):
        want = sorted(set().union(*(by_key.get(k, set()) for k in batch[r].tolist())))
        assert ords[rows == r].tolist() == want
        assert index.ordinals(batch[r]).tolist() == want
    assert (np.diff(rows) >= 0).all() and len(set(zip(rows.tolist(), ords.tolist()))) == len(rows)
