"""Quotes: direct quotations and reported speech, each attributed to a resolved speaker.

A direct quote is attributed through the parse: the first verb outside the quotation that
the quoted words hang from, walked up to the nearest verb of saying; its subject (a name, a
title, or a pronoun resolved by `ActorIndex`) is the speaker. Quotes that stand alone take
the speaker of an adjacent "he said" sentence or of the previous quote.
"""
from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Token

from tidings.extract.actors.index import ActorIndex
from tidings.extract.actors.subjects import quote_verbs
from tidings.extract.quotes.marks import find_quote_spans
from tidings.extract.syntax import that_clause
from tidings.models import Actor, Quote



def extract_quotes(doc: Doc, actors: ActorIndex, speech_verbs: set[str]) -> list[Quote]:
    """Direct quotes first, then reported speech not already covered by a direct quote."""
    speech = set(speech_verbs) | quote_verbs()["speech"]
    quotes: list[Quote] = []
    last: tuple[str | None, Actor | None] = (None, None)
    direct: list[tuple[int, int]] = []
    text = actors.text
    for span in find_quote_spans(text):
        # a quote over several paragraphs is attributed wherever its speaker is named; a speaker
        # resolved to an actor beats a bare phrase ("Survivors told …" inside the first paragraph)
        found = [_attribute(doc, actors, start, end, speech) for start, end in span.segments]
        speaker, actor, said_at = next((f for f in found if f[1] is not None),
                                       next((f for f in found if f[0] is not None), (None, None, None)))
        if speaker is None:
            speaker, actor = last
        else:
            last = (speaker, actor)
        quotes.append(Quote(speaker=speaker, speaker_actor=actor, text=span.text(text),
                            kind="direct", start=span.start, end=span.end, said_at=said_at))
        direct.extend(span.segments)
    lemmas, pos = actors.arrays.lemmas, actors.arrays.pos
    for tok in actors.tokens:
        if lemmas[tok.i] not in speech or pos[tok.i] not in ("VERB", "AUX"):
            continue
        for comp in _complements(tok):
            if comp.i < tok.i and not any(c.dep_.startswith("nsubj") for c in tok.children):
                continue  # "The ministry denied that …, said the frontier was calm": no quote of 'said'
            span = doc[comp.left_edge.i:comp.right_edge.i + 1]
            while len(span) and (span[0].dep_ == "mark" or span[0].is_punct):
                span = span[1:]
            while len(span) and span[-1].is_punct and span[-1].text not in ("”", '"'):
                span = span[:-1]
            if len(span) < 3 or any(a <= span.start_char and span.end_char <= b + 1 for a, b in direct):
                continue
            speaker, actor = _speaker_of(actors, tok)
            if speaker is None:
                continue
            quotes.append(Quote(speaker=speaker, speaker_actor=actor, text=actors.span_text(span), kind="indirect",
                                start=span.start_char, end=span.end_char, said_at=tok.idx))
    quotes.extend(_according_to_quotes(doc, actors, direct, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _according_to_quotes(doc: Doc, actors: ActorIndex, direct: list[tuple[int, int]],
                         found: list[Quote]) -> list[Quote]:
    """'The border is calm, according to the army spokesman.': the rest of the sentence is reported."""
    out: list[Quote] = []
    lower = actors.arrays.lower
    for tok in actors.tokens:
        if lower[tok.i] != "according" or tok.i + 1 >= len(doc) or lower[tok.i + 1] != "to":
            continue
        sent = actors.sent_of(tok)
        to = doc[tok.i + 1]
        pobj = next((g for g in actors.kids[to.i] if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = pobj.right_edge.i + 1
        if tok.i - sent.start > sent.end - phrase_end:  # "…, according to X."
            span = doc[sent.start:tok.i]
        else:  # "According to X, …"
            span = doc[phrase_end:sent.end]
        while len(span) and span[0].is_punct:
            span = span[1:]
        while len(span) and span[-1].is_punct:
            span = span[:-1]
        if len(span) < 3 or any(a <= span.end_char and span.start_char <= b for a, b in direct):
            continue
        if any(q.start <= span.start_char < q.end for q in found):
            continue
        speaker = actors.resolve(pobj)
        if not speaker:
            continue
        out.append(Quote(speaker=speaker[0].name, speaker_actor=speaker[0], text=actors.span_text(span), kind="indirect",
                         start=span.start_char, end=span.end_char))
    return out


def _attribute(doc: Doc, actors: ActorIndex, start: int, end: int,
               speech: set[str]) -> tuple[str | None, Actor | None, int | None]:
    """Speaker, resolved actor and the offset of the verb of saying, for the quote at start:end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None, None
    inside = set(range(span.start, span.end))
    according = actors.according_to(span[0])
    if according:
        return according[0].name, according[0], None
    for tok in span:
        head = tok.head
        if head.i in inside or head.i == tok.i:
            continue
        verb = _up_to_speech(head, speech)
        if verb is not None:
            found = _speaker_of(actors, verb)
            if found[0] is not None:
                return (*found, verb.idx)
    # a quote that is a sentence of its own: "…," he said. / X said: "…"
    sent = actors.sent_of(span[0])
    for tok in sent:
        if tok.i not in inside and tok.lemma_.lower() in speech and tok.pos_ in ("VERB", "AUX"):
            found = _speaker_of(actors, tok)
            if found[0] is not None:
                return (*found, tok.idx)
    nxt = actors.sent_of(doc[sent.end]) if sent.end < len(doc) else None
    if nxt is None:
        return None, None, None
    # '“Why would we attack?” the minister said on Sunday, denying …': the next sentence starts
    # right at the closing mark, so its first verb of saying is the quote's, however long it is
    adjacent = not actors.text[end:nxt.start_char].strip(" \t”\"’?!.,")
    for tok in nxt:
        if (len(nxt) <= 8 or adjacent and tok.i - nxt.start <= 12) and tok.lemma_.lower() in speech \
                and tok.pos_ in ("VERB", "AUX"):
            found = _speaker_of(actors, tok)
            if found[0] is not None:
                return (*found, tok.idx)
    return None, None, None


def _up_to_speech(tok: Token, speech: set[str]) -> Token | None:
    """Walk from the quote's attachment to the nearest verb of saying, else the first verb."""
    first_verb = None
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            first_verb = first_verb or t
            if t.lemma_.lower() in speech:
                return t
        if t.head.i == t.i:
            break
        t = t.head
    return first_verb


def _speaker_of(actors: ActorIndex, verb: Token) -> tuple[str | None, Actor | None]:
    found = actors.subject_of(verb)
    if not found:
        subj = next((c for c in actors.kids[verb.i] if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON":
            return None, None
        text = actors.span_text(verb.doc[subj.left_edge.i:subj.right_edge.i + 1])
        return text, None
    actor = found[0]
    if actor.country is None:  # "the foreign ministry said": the ministry of the country in question
        subj = next((c for c in actors.kids[verb.i] if c.dep_ in ("nsubj", "nsubjpass")), verb)
        actor = actors.place(actor, subj)
    return _as_written(actor), actor


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _as_written(actor: Actor) -> str:
    """The speaker's name as the article spells it: 'Yaşar Güler' where the knowledge base keeps
    a plain spelling ('Yasar Guler'), 'Gitanas Nauseda' where the article has no accents though
    the knowledge base does ('Gitanas Nausėda'); the resolved actor keeps the base's name."""
    name = actor.name
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if plain != name and name.split() and plain.split()[-1] in actor.text.split() \
            and name.split()[-1] not in actor.text:
        return plain
    if _fold(name) == name.lower():
        words = actor.text.split()
        last = _fold(name.split()[-1]) if name.split() else ""
        for i, w in enumerate(words):
            if _fold(w).strip(",.") == last and w != name.split()[-1]:
                first = len(name.split()) - 1
                return " ".join(words[max(0, i - first):i + 1]).strip(",.")
    words = [w.strip(",.") for w in actor.text.split()]
    parts = name.split()
    tail = words[-len(parts):]
    if len(parts) >= 2 and len(words) >= len(parts) and _fold(parts[-1]) not in _fold(actor.text) \
            and all(w[:1].isupper() for w in tail) and _fold(tail[-1])[:3] == _fold(parts[-1])[:3]:
        # "Edward Nalbandian" in the text of a base that spells him "Eduard Nalbandyan"
        return " ".join(tail)
    return name


def _complements(verb: Token) -> list[Token]:
    """What a verb of saying reports: its clause, or the that-clause of 'said in a statement that …'."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.extend(c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and that_clause(c))
    return out

