"""Link each new article to a story: the story of its most similar stored article when the
estimated Jaccard similarity reaches `minhash.THRESHOLD`, else a new story of its own.

Runs inside the write transaction of its batch, so an article and its story link land
together. Rows go in through Arrow like every other write.

Why the index is shaped this way. A run may store millions of articles and its memory must
stay flat, so the index keeps no signatures and no story ids: only each stored article's 32
LSH band keys (one 64-bit hash per band of 4 MinHash values, with a 32-bit ordinal each) in
sorted NumPy arrays and a 64-byte sketch of its signature, about 450 bytes an article against
13 kB for Python dicts of tuples. A band match makes a candidate; the sketch rules out most
candidates that cannot reach the threshold; the others' signatures and stories are read back
from the `stories` table by primary key and scored on the full signature, as before. Two
different bands hashing alike only adds a candidate that the full signature then judges, so
links are the same as with exact band tuples.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from tidings.models import Article
from tidings.store import minhash
from tidings.store.lookup import table_by_ids

SCHEMA = pa.schema([("article_id", pa.string()), ("story_id", pa.string()), ("linked_to", pa.string()),
                    ("similarity", pa.float64()), ("minhash", pa.list_(pa.int64())),
                    ("linked_at", pa.timestamp("us", tz="UTC"))])

_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constants (golden ratio, splitmix64)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)
_MERGE_AT = 1 << 16  # band keys of recent articles kept in a dict; sorted into a run past this
_RUN_KEYS = 1 << 21  # runs stop merging at this many keys (24 MiB with their 32-bit ordinals)
_SKETCH_SHIFT = 16  # sketches are kept in blocks of 2**16 articles (4 MiB each)
# equal positions a candidate needs to reach the threshold (count / NUM_PERM >= THRESHOLD)
_NEED = next(c for c in range(minhash.NUM_PERM + 1) if c / minhash.NUM_PERM >= minhash.THRESHOLD)
# for each byte, how many of its two 4-bit halves are zero
_ZERO_NIBBLES = np.array([(b & 0x0F == 0) + (b & 0xF0 == 0) for b in range(256)], dtype=np.int16)


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """(n, BANDS) 64-bit keys of signatures given as an (n, NUM_PERM) array."""
    rows = sigs.astype(np.uint64).reshape(len(sigs), minhash.BANDS, minhash.ROWS)
    keys = np.broadcast_to((np.arange(minhash.BANDS, dtype=np.uint64) + np.uint64(1)) * _MIX,
                           (len(sigs), minhash.BANDS)).copy()
    with np.errstate(over="ignore"):
        for j in range(minhash.ROWS):
            keys = (keys ^ rows[:, :, j]) * _MIX2
            keys ^= keys >> np.uint64(31)
    return keys


def sketches(sigs: np.ndarray) -> np.ndarray:
    """(n, NUM_PERM / 2) bytes: the low 4 bits of each MinHash value, two to a byte.

    Two signatures equal at a position have equal low bits there, so the positions whose
    sketches agree bound the equal positions from above: a candidate whose sketch agrees at
    fewer than `_NEED` positions cannot reach the threshold, and its signature is not read.
    A position of two unrelated values agrees by chance with probability 1/16, so a candidate
    at Jaccard 0.3 (38 equal positions) shows about 44 agreeing, far from 64."""
    low = (np.asarray(sigs).astype(np.uint64) & np.uint64(0x0F)).astype(np.uint8)
    return low[:, 0::2] | (low[:, 1::2] << np.uint8(4))


def agreeing(rows: np.ndarray, sketch: np.ndarray) -> np.ndarray:
    """For each sketch in `rows`, the positions whose 4 bits equal `sketch`'s."""
    return _ZERO_NIBBLES[rows ^ sketch].sum(axis=1)


class StoryIndex:
    """Band keys of every stored article, searchable by key; stories live in the table.

    Each article also keeps a 64-byte sketch of its signature (`sketches`), so candidates that
    cannot reach the threshold are dropped before their signatures are read from the table:
    on text that repeats, band-key candidates grow with the store (2,942 a batch at 40,000
    short recombined articles), while those near enough to be linked stay few.

    Keys sit in sorted runs of at most `_RUN_KEYS` keys (a small run merges into the one
    before it while their sizes allow, as in a binary counter), plus a dict of the last
    `_MERGE_AT` keys. Why runs: one sorted array grown by `np.insert` was copied whole at every
    merge, so a writer's peak held the index twice, and merges came every 1/16 of the index,
    so the dict of recent keys grew with the store too (400,000 keys of Python ints and lists at
    200,000 articles). Now the transient is one run and the dict stays under `_MERGE_AT` keys.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []  # ordinal -> article id
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, their ordinals)
        self._recent: dict[int, list[int]] = {}  # keys added since the last merge -> ordinals
        self._recent_size = 0
        self._sketches: list[np.ndarray] = []  # blocks of 2**_SKETCH_SHIFT rows of `sketches`

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def load(cls, con, chunk: int = 50_000) -> StoryIndex:
        """Stream the stored signatures in chunks, so loading a big store stays flat too."""
        built = cls()
        reader = con.sql("SELECT article_id, minhash FROM stories ORDER BY linked_at, article_id"
                         ).to_arrow_reader(chunk)
        for part in reader:
            ids = part.column(0).to_pylist()
            flat = part.column(1).flatten().to_numpy(zero_copy_only=False)
            start = len(built.ids)
            sigs = flat.reshape(len(ids), minhash.NUM_PERM)
            built._keep_sketches(start, sketches(sigs))
            built.ids.extend(ids)
            keys = band_keys(sigs).ravel()
            built._merge(keys, np.repeat(np.arange(start, start + len(ids), dtype=np.int32), minhash.BANDS))
        return built

    def add(self, article_id: str, keys: np.ndarray, sketch: np.ndarray) -> None:
        """Index one article under its band keys (from `band_keys`), with its sketch."""
        ordinal = len(self.ids)
        self._keep_sketches(ordinal, sketch[None, :])
        self.ids.append(article_id)
        for key in keys.tolist():
            self._recent.setdefault(key, []).append(ordinal)
        self._recent_size += len(keys)
        if self._recent_size >= _MERGE_AT:
            keys = np.fromiter((k for k, ords in self._recent.items() for _ in ords), np.uint64)
            ords = np.fromiter((o for ords in self._recent.values() for o in ords), np.int32)
            self._merge(keys, ords)
            self._recent, self._recent_size = {}, 0

    def _keep_sketches(self, start: int, rows: np.ndarray) -> None:
        """Store the sketches of ordinals `start`, `start` + 1, ... (the next ones)."""
        size = 1 << _SKETCH_SHIFT
        done = 0
        while done < len(rows):
            at = (start + done) % size
            if at == 0:
                self._sketches.append(np.zeros((size, minhash.NUM_PERM // 2), dtype=np.uint8))
            take = min(size - at, len(rows) - done)
            self._sketches[-1][at:at + take] = rows[done:done + take]
            done += take

    def sketch_rows(self, ords: np.ndarray) -> np.ndarray:
        """The sketches of ordinals `ords`."""
        out = np.empty((len(ords), minhash.NUM_PERM // 2), dtype=np.uint8)
        blocks = ords >> _SKETCH_SHIFT
        for b in np.unique(blocks).tolist():
            here = blocks == b
            out[here] = self._sketches[b][ords[here] & ((1 << _SKETCH_SHIFT) - 1)]
        return out

    def near(self, keys: np.ndarray, marks: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """For each article of a batch (its band keys and sketch, rows of `keys` and
        `marks`), the sorted ordinals of indexed articles sharing a band key with it, less
        those whose sketch shows they cannot reach the threshold; and for each of those, the
        positions where the sketches agree (an upper bound of the equal positions)."""
        rows, ords = self.pairs(keys)
        agree = np.empty(0, dtype=np.int64)
        if len(ords):
            agree = agreeing(self.sketch_rows(ords), marks[rows])
            keep = agree >= _NEED
            rows, ords, agree = rows[keep], ords[keep], agree[keep]
        cut = np.searchsorted(rows, np.arange(len(keys) + 1)).tolist()
        return ([ords[cut[n]:cut[n + 1]] for n in range(len(keys))],
                [agree[cut[n]:cut[n + 1]] for n in range(len(keys))])

    def _merge(self, keys: np.ndarray, ords: np.ndarray) -> None:
        """Add unsorted `keys` as a sorted run, then merge the last runs while they are small
        enough: each key is copied O(log) times and never more than one full run at once."""
        for lo in range(0, len(keys), _RUN_KEYS):  # a chunk bigger than a run (on load) is split
            part_keys, part_ords = keys[lo:lo + _RUN_KEYS], ords[lo:lo + _RUN_KEYS]
            order = np.argsort(part_keys, kind="stable")
            self._runs.append((part_keys[order], part_ords[order]))
            while len(self._runs) > 1 and _mergeable(self._runs[-2][0], self._runs[-1][0]):
                (old_keys, old_ords), (new_keys, new_ords) = self._runs[-2], self._runs.pop()
                at = np.searchsorted(old_keys, new_keys, side="right")
                self._runs[-1] = (np.insert(old_keys, at, new_keys), np.insert(old_ords, at, new_ords))

    def pairs(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row, ordinal) for every indexed article sharing a band key with row `row` of
        `keys` ((n, BANDS): a batch's articles), each pair once, sorted by row then ordinal.

        Why a batch at once: the runs are searched with all the batch's keys, sorted, in two
        `searchsorted` calls per run. Searched key by key, each of 32 keys an article cost two
        binary searches per run, missing the cache at every step once runs outgrow it, and
        full runs (`_RUN_KEYS`) add up as the store grows: 2 -> 8 CPU ms a batch from 20,000 to
        100,000 articles with no candidate found at all."""
        width = keys.shape[1]
        flat = keys.ravel()
        order = np.argsort(flat, kind="stable")
        needles, owner = flat[order], order // width
        found_rows, found_ords = [], []
        for run_keys, run_ords in self._runs:
            lo = np.searchsorted(run_keys, needles, side="left")
            counts = np.searchsorted(run_keys, needles, side="right") - lo
            hit = counts > 0
            if not hit.any():
                continue
            lo, counts = lo[hit], counts[hit]
            starts = np.repeat(lo - (np.cumsum(counts) - counts), counts)  # ranges to positions
            found_ords.append(run_ords[starts + np.arange(len(starts))])
            found_rows.append(np.repeat(owner[hit], counts))
        for n, key in enumerate(flat.tolist()):
            recent = self._recent.get(key)
            if recent:
                found_ords.append(np.asarray(recent, dtype=np.int32))
                found_rows.append(np.full(len(recent), n // width))
        if not found_ords:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int32)
        both = np.unique((np.concatenate(found_rows).astype(np.int64) << 32)
                         | np.concatenate(found_ords).astype(np.int64))
        return both >> 32, (both & 0xFFFFFFFF).astype(np.int32)

    def ordinals(self, keys: np.ndarray) -> np.ndarray:
        """Sorted distinct ordinals of indexed articles sharing at least one band key with
        `keys` (one article's)."""
        return self.pairs(keys[None, :])[1]

    def candidates(self, keys: np.ndarray) -> set[str]:
        """Ids of indexed articles sharing at least one band key with `keys` (one article's)."""
        return {self.ids[o] for o in self.ordinals(keys).tolist()}

    def link(self, articles: Sequence[Article], now: dt.datetime, con) -> pa.Table:
        """Rows for `stories`; each article is indexed as it is linked, so near-duplicates
        inside one batch find each other too. `con` reads stored candidates' signatures.

        An article joins the story of its most similar candidate (ties: the smallest id) when
        the estimated Jaccard reaches the threshold. Candidates are stored articles sharing a
        band key with it, and articles linked earlier in this batch that do. Why in bulk: on
        text that repeats (wire copy, or the benchmarks' recombined sentences) the candidates
        of a batch grow with the store, thousands at 40,000 articles, and reading each one's
        signature as 128 Python ints and scoring it pair by pair made the writer's cost per
        batch grow with them (71 -> 406 ms a batch from 5,000 to 40,000 articles)."""
        first: dict[str, Article] = {}  # the first of two records with one id is the one linked
        for a in articles:
            first.setdefault(a.id, a)
        slot = {aid: n for n, aid in enumerate(first)}
        sigs = np.array([minhash.signature(a.text) for a in first.values()], dtype=np.int64)
        sigs = sigs.reshape(len(first), minhash.NUM_PERM)
        keys, marks = band_keys(sigs), sketches(sigs)
        # stored candidates that may reach the threshold, before this batch is indexed
        own, table = _read_candidates(con, self, *self.near(keys, marks), sigs, list(first))
        stored = _Stored(self, own, table)
        linked: list[tuple[str, int, set[int], str]] = []  # (id, slot, band keys, story) in this batch
        done: set[str] = set()
        rows = []
        for a in articles:
            if a.id in done:
                continue
            n = slot[a.id]
            if stored.holds(a.id, keys[n]):  # linked by an earlier run
                continue
            pos, rows_at = stored.usable(own[n])
            keyset = set(keys[n].tolist())
            hits = [t for t in linked if not t[2].isdisjoint(keyset)]
            sim, linked_to, story = _best(sigs[n], stored, pos, rows_at, hits, sigs)
            if linked_to is None:
                story = a.id
            self.add(a.id, keys[n], marks[n])
            stored.take(a.id)
            done.add(a.id)
            linked.append((a.id, n, keyset, story))
            rows.append({"article_id": a.id, "story_id": story, "linked_to": linked_to,
                         "similarity": sim, "minhash": sigs[n].tolist(), "linked_at": now})
        return pa.Table.from_pylist(rows, schema=SCHEMA)


class _Stored:
    """Signatures and stories of one batch's stored candidates, read in one look-up, by
    position in the sorted union of the batch's candidate ordinals; with them, the rows of
    the batch's own ids if they are stored already."""

    def __init__(self, index: StoryIndex, own: list[np.ndarray], table: pa.Table | None) -> None:
        self.ords = np.unique(np.concatenate(own)) if own else np.empty(0, dtype=np.int32)
        self.ids = [index.ids[o] for o in self.ords.tolist()]
        self.at = {aid: p for p, aid in enumerate(self.ids)}
        self.row = np.full(len(self.ids), -1, dtype=np.intp)  # row in `sigs`, -1: not in the table
        self.sigs = np.empty((0, minhash.NUM_PERM), dtype=np.int64)
        self.story: list[str] = []
        self.found: dict[str, int] = {}  # id -> row in `sigs`
        if table is not None and table.num_rows:
            self.found = {aid: r for r, aid in enumerate(table.column(0).to_pylist())}
            self.row = np.array([self.found.get(aid, -1) for aid in self.ids], dtype=np.intp)
            self.sigs = _signatures(table)
            self.story = table.column(2).to_pylist()
        self.taken = np.zeros(len(self.ids), dtype=bool)  # linked in this batch: not stored ones

    def usable(self, ords: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions and signature rows of the candidates `ords` that the table holds."""
        pos = np.searchsorted(self.ords, ords)
        rows = self.row[pos]
        keep = (rows >= 0) & ~self.taken[pos]
        return pos[keep], rows[keep]

    def holds(self, article_id: str, keys: np.ndarray) -> bool:
        """Whether `article_id` is stored under a signature sharing a band key with `keys`
        (the index finds it among the candidates then: it was linked by an earlier run)."""
        row = self.found.get(article_id)
        if row is None or (article_id in self.at and self.taken[self.at[article_id]]):
            return False
        return bool(np.isin(band_keys(self.sigs[row][None, :])[0], keys).any())

    def take(self, article_id: str) -> None:
        p = self.at.get(article_id)
        if p is not None:
            self.taken[p] = True


def _signatures(table: pa.Table) -> np.ndarray:
    """The (rows, NUM_PERM) signatures of a table read by `_stored` (its second column)."""
    flat = table.column(1).combine_chunks().flatten().to_numpy(zero_copy_only=False)
    return flat.astype(np.int64).reshape(table.num_rows, minhash.NUM_PERM)


def _read_candidates(con, index: StoryIndex, own: list[np.ndarray], agree: list[np.ndarray],
                     sigs: np.ndarray, batch_ids: list[str]) -> tuple[list[np.ndarray], pa.Table | None]:
    """Read the stored rows a batch needs in two look-ups, and narrow each article's
    candidates to those that may still be the most similar.

    First the candidate whose sketch agrees most, one an article, with the rows of the
    batch's own ids; its exact count of equal positions is then a floor that the article's
    best candidate reaches, so a candidate whose sketch agrees at fewer positions (its
    ceiling) can be neither the best nor tied with it, and is not read. Why: on text that
    repeats, candidates above the threshold still grow with the store (13 an article at
    120,000 short recombined articles), and each row read costs 70-120 us."""
    in_batch = set(batch_ids)
    picks: dict[int, str] = {}
    for n, (ords, ceiling) in enumerate(zip(own, agree)):
        if len(ords):
            aid = index.ids[int(ords[int(np.argmax(ceiling))])]
            if aid not in in_batch:  # a floor must come from a row no article of the batch can take
                picks[n] = aid
    first = _stored(con, [*picks.values(), *batch_ids])
    found = {aid: r for r, aid in enumerate(first.column(0).to_pylist())} if first is not None else {}
    if picks and found:
        first_sigs = _signatures(first)
        for n, aid in picks.items():
            if aid in found:
                floor = int((first_sigs[found[aid]] == sigs[n]).sum())
                own[n] = own[n][agree[n] >= floor]
    rest = {index.ids[o] for ords in own for o in ords.tolist()} - found.keys()
    second = _stored(con, rest) if rest else None
    parts = [t for t in (first, second) if t is not None]
    return own, (pa.concat_tables(parts) if parts else None)


def _best(sig: np.ndarray, stored: _Stored, pos: np.ndarray, rows_at: np.ndarray,
          hits: list[tuple[str, int, set[int], str]], sigs: np.ndarray
          ) -> tuple[float | None, str | None, str | None]:
    """(similarity, id, story) of the most similar candidate at or above the threshold (ties:
    the smallest id), or (None, None, None). Equal positions are counted, so the similarity
    is count / NUM_PERM, the value `minhash.similarity` gives."""
    counts = (stored.sigs[rows_at] == sig).sum(axis=1)
    near = (sigs[[t[1] for t in hits]] == sig).sum(axis=1) if hits else np.empty(0, dtype=np.int64)
    top = max(int(counts.max()) if len(counts) else -1, int(near.max()) if len(near) else -1)
    if top < 0 or top / minhash.NUM_PERM < minhash.THRESHOLD:
        return None, None, None
    tied = [(stored.ids[p], stored.story[r]) for p, r in zip(pos[counts == top].tolist(),
                                                                rows_at[counts == top].tolist())]
    tied += [(t[0], t[3]) for t, c in zip(hits, near.tolist()) if c == top]
    linked_to, story = min(tied)
    return top / minhash.NUM_PERM, linked_to, story


def _mergeable(older: np.ndarray, newer: np.ndarray) -> bool:
    """Whether run `newer` merges into `older`: no more than twice its size, and the sum still
    within `_RUN_KEYS` (so sizes double up the list and a full run is never copied again)."""
    return len(older) <= 2 * len(newer) and len(older) + len(newer) <= _RUN_KEYS


def _stored(con, ids: Sequence[str]) -> pa.Table | None:
    """Id, signature and story of each stored article in `ids`, by primary key (indexed, so
    the cost follows the candidates, not the size of `stories`)."""
    return table_by_ids(con, "SELECT article_id, minhash, story_id FROM stories WHERE article_id IN ?", ids)
