"""`load_kb`: the packaged knowledge base with the user's dictionaries merged over it.

It sits above both `knowledge` (the packaged tables and the types) and `user` (user files,
built on `knowledge`), so imports run one way: knowledge ← user ← loader.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tidings.extract.kb.knowledge import KnowledgeBase, _packaged_kb
from tidings.extract.kb.user import merge, read_user_file


def _known_codes(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(kb.countries) | frozenset(e.country for es in kb.names.values() for e in es
                                                   if e.kind == "igo" and e.country)


def load_kb(actor_files: Iterable[Path | str] = ()) -> KnowledgeBase:
    """The packaged knowledge base, plus user dictionaries (which override packaged entries).

    Every user file is read and checked in full before this returns, so a bad file stops a
    run before any article is read.
    """
    files = list(actor_files)
    base = _packaged_kb()
    if not files:
        return base
    known = _known_codes(base)
    return merge(base, [read_user_file(f, known) for f in files])
