"""The imported verb lexicon (data/verbs_cameo.tsv), merged under the hand-written verbs.yaml.

`scripts/build_verbs.py` converts the Open Event Data Alliance CAMEO verb dictionary into rows of
verb key + required object lemmas + target slots → CAMEO code. Here they are read, validated and
merged with the hand-written patterns. The contract of the merge:

- the hand-written file wins: the matcher tries every hand-written pattern of a verb (under all
  its keys) before any imported one, and an imported row that repeats a hand-written
  (verb, object) pair, or a bare verb the hand-written file has bare, is dropped;
- lemmas the hand-written file gives another job keep it: verbs of saying (`speech`, coded by
  the statement logic) and governors (`irrealis_governors`, `intent_governors`,
  `attempt_governors`, whose complement is the act); no imported row applies to them.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

from tidings.errors import CodebookError, Errors
from tidings.extract.events.codebook import load_codebook
from tidings.extract.kb.knowledge import read_tsv

PATH = "tidings/data/verbs_cameo.tsv"
COLUMNS = ("verb", "objects", "code", "target", "sym", "keep", "line", "pattern")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One imported row: `verb` is a lemma or "lemma particle/preposition"; `line` is its line
    in verbs_cameo.tsv; `source_line` the pattern's line in CAMEO.2.0.txt."""
    verb: str
    objects: tuple[str, ...]
    code: str
    target: tuple[str, ...]
    sym: bool
    line: int
    source_line: int


class _HasObjects(Protocol):
    objects: tuple[str, ...]


def read_lexicon(text: str, path: str = PATH) -> list[LexiconEntry]:
    """Parse and validate the TSV; a bad row raises CodebookError naming file and line."""
    codes = load_codebook()
    out: list[LexiconEntry] = []
    for n, r in read_tsv(path, text, COLUMNS):
        def bad(problem: str, line: int = n) -> CodebookError:
            return CodebookError(Errors.E101.format(path=path, line=line, problem=problem), path=path, line=line)
        if r["code"] not in codes:
            raise CodebookError(Errors.E102.format(code=r["code"], path=path, line=n), path=path, line=n)
        verb = " ".join(r["verb"].lower().split())
        if not verb or len(verb.split(" ")) > 3:
            raise bad(f"verb {r['verb']!r} must be a lemma with at most two following words")
        target = tuple(t for t in r["target"].split("|") if t)
        if not target or any(not t.isalpha() or (t != t.lower()) for t in target):
            raise bad(f"target {r['target']!r} must be slots like dobj|dative|poss|to")
        if r["sym"] not in ("0", "1") or r["keep"] not in ("0", "1") or not r["line"].isdigit():
            raise bad("sym and keep must be 0 or 1, and line a number")
        if r["keep"] == "0":
            continue  # converted, but its class is not used (see data/README.md)
        objects = tuple(o for o in r["objects"].split("|") if o)
        out.append(LexiconEntry(verb, objects, r["code"], target, r["sym"] == "1", n, int(r["line"])))
    return out


def merge_lexicon(entries: Iterable[LexiconEntry], hand: Mapping[str, Iterable[_HasObjects]],
                  reserved: Iterable[str]) -> list[LexiconEntry]:
    """The imported entries the hand-written patterns (`hand`: verb key → patterns) leave room for.
    `reserved`: lemmas the hand-written file gives another job (verbs of saying, governors of
    intent or of acts that did not happen); no imported row applies to them."""
    reserved = set(reserved)
    kept: list[LexiconEntry] = []
    for e in entries:
        if e.verb.split(" ")[0] in reserved:
            continue
        own = list(hand.get(e.verb, ()))
        if not e.objects:
            if any(not p.objects for p in own):
                continue
            kept.append(e)
            continue
        taken = {o for p in own for o in p.objects}
        objects = tuple(o for o in e.objects if o not in taken)
        if objects:
            kept.append(e if objects == e.objects else LexiconEntry(
                e.verb, objects, e.code, e.target, e.sym, e.line, e.source_line))
    return kept


@functools.lru_cache(maxsize=1)
def load_lexicon() -> tuple[LexiconEntry, ...]:
    """The packaged lexicon, parsed once per process (empty if the file is absent)."""
    ref = resources.files("tidings") / "data" / "verbs_cameo.tsv"
    if not ref.is_file():
        return ()
    return tuple(read_lexicon(ref.read_text(encoding="utf-8")))
