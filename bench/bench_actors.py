#!/usr/bin/env python
"""Actor resolution cost beyond parsing: at least 10,000 actor mentions, timed apart from spaCy.

    python bench/bench_actors.py [--mentions 10000] [--rounds 3]

Builds short wire-style sentences from the packaged knowledge base (office holders by name and
by surname, titles with demonyms, capitals, institutions, IGOs, armed groups, pronouns), parses
them once with `nlp.pipe` (timed, the baseline), then times what `ActorIndex` adds: the dictionary
scan, person registration and coreference, and resolving every argument noun phrase (`prepass`),
which is exactly what extraction runs per article. Prints both times, the ratio, and the
resolution time per 10,000 mentions.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

from tidings.extract.actors.index import ActorIndex
from tidings.extract.kb.loader import load_kb
from tidings.extract.events.patterns import load_patterns
from tidings.nlp import DEFAULT_MODEL, load_nlp

DAY = dt.date(2025, 5, 1)
# each template names two or three actors; {p} people, {c} countries, {d} demonyms, {k} capitals,
# {i} institutions or IGOs, {g} armed groups
TEMPLATES = [
    "{p} spoke with {p2} by phone on Tuesday, and the two ministers discussed the crisis.",
    "The {d} foreign minister accused {c} of shelling border villages, {k} said.",
    "{i} condemned the attack and urged {c} to show restraint.",
    "{g} fighters attacked a police post, and the {d} army said it had killed six of them.",
    "{p} met {p2} in {k} on Monday. He said both sides wanted calm.",
    "Officials in {k} said {c} had expelled two {d} diplomats.",
    "{c}'s defence minister told {i} that his country would not back down.",
]


def _pick(kb) -> dict[str, list[str]]:
    people = sorted({s for s, es in kb.names.items() if " " in s and any(
        e.kind == "person" and e.valid_on(DAY) for e in es)})
    by_kind = {k: sorted({s for s, es in kb.names.items() if any(e.kind == k for e in es)})
               for k in ("country", "demonym", "capital", "institution", "igo", "group")}
    demonyms = [d for d in by_kind["demonym"] if d[:1].isupper() and not d.endswith("s")]
    return {"p": people, "c": by_kind["country"], "d": demonyms, "k": by_kind["capital"],
            "i": by_kind["institution"] + by_kind["igo"], "g": by_kind["group"]}


def sentences(n_mentions: int, seed: int = 7) -> list[str]:
    """Sentences, grouped five to a text, until about `n_mentions` mentions are written."""
    rng = random.Random(seed)
    pools = _pick(load_kb())
    texts, written = [], 0
    while written < n_mentions:
        parts = []
        for _ in range(5):
            t = rng.choice(TEMPLATES)
            fill = {k: rng.choice(v) for k, v in pools.items()}
            fill["p2"] = rng.choice(pools["p"])
            parts.append(t.format(**fill))
            written += t.count("{") + t.count(" He ") + t.count("two ministers") + t.count("his ")
        texts.append(" ".join(parts))
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3, help="the fastest round is reported (default 3)")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()

    nlp = load_nlp(args.model)
    kb = load_kb()
    book = load_patterns()
    speech = frozenset(book.speech)
    texts = sentences(args.mentions)
    parse_s, resolve_s, mentions = [], [], 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=64))
        parse_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        mentions = 0
        for doc in docs:
            index = ActorIndex(doc, kb, DAY, book.collectives, speech)
            index.prepass()
            mentions += sum(1 for actors in index._cache.values() if actors)
        resolve_s.append(time.perf_counter() - start)
    p, r = min(parse_s), min(resolve_s)
    words = sum(len(t.split()) for t in texts)
    print(f"texts {len(texts)}, words {words}, resolved mentions {mentions} "
          f"(fastest of {args.rounds} rounds)")
    print(f"parse (nlp.pipe, baseline)   {p:7.2f} s")
    print(f"actor resolution (beyond)    {r:7.2f} s   ratio to parsing {r / p:5.3f}")
    print(f"per 10,000 resolved mentions {r / max(mentions, 1) * 10_000:7.2f} s   (target < 1 s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
