"""Small questions about a dependency parse that several extractors ask."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token


def that_clause(clause: Token) -> bool:
    """'a statement that the ship belonged to …': 'that' opens a clause with its own subject (the
    parser often calls it a relative clause with 'that' as object)."""
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    return that is not None and (that.dep_ == "mark" or any(c.dep_ in ("nsubj", "nsubjpass")
                                                            for c in clause.children))


def verb_above(tok: Token) -> Token:
    """The nearest verb or auxiliary above `tok` (never `tok` itself), else the sentence root:
    the clause a noun phrase belongs to."""
    t = tok.head
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def phrase_tokens(tok: Token, kids: Sequence[list[Token]] | None = None) -> list[int]:
    """A phrase's tokens without the clauses nested in it ('the first launch since Pyongyang rejected …').
    `kids`: the document's children by token index (`ActorIndex.kids`), cheaper than `Token.children`."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t.i)
        stack.extend(c for c in (t.children if kids is None else kids[t.i])
                     if c.dep_ not in ("advcl", "relcl", "acl", "ccomp", "parataxis") or c.i == tok.i)
    return out


def complements(verb: Token) -> list[Token]:
    """Clauses a verb governs: 'threatened to expel', 'demanded that X leave'. The small model
    often hangs 'to expel' on the verb as an adverbial clause when a time phrase comes between
    ('threatened on Thursday to expel'); an infinitive advcl counts too."""
    return [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(m.dep_ == "mark" for m in c.children))]


# what crowds do, intransitively: never a participle describing the crowd
_CROWD_ACTS = frozenset({"protest", "rally", "march", "demonstrate", "gather", "riot"})


def lost_main_verb(verb: Token) -> bool:
    """'The United States, a treaty ally of Manila, called on both sides to …': the small model
    often reads the verb after a name and its apposition as a participle describing the name; with
    no 'by' agent it is the sentence's main verb, and the name its subject."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
            and (verb.tag_ == "VBD" or verb.lemma_.lower() in _CROWD_ACTS) \
            and not any(c.dep_ in ("agent", "dobj") for c in verb.children) \
            and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[head.i:verb.i]):
        # "Hundreds of people protested in Martyrs' Square …": the whole sentence read as a noun
        # phrase; the verb after it is the main verb (a participle would have its 'by' agent)
        return True
    return verb.dep_ == "acl" and head.dep_ in ("ROOT", "nsubj") and head.pos_ == "PROPN" and verb.i > 0 \
        and verb.doc[verb.i - 1].text == "," and any(c.dep_ == "appos" for c in head.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


_OTHER_TIME_PREPS = {"after", "over", "since", "following", "before", "amid"}


def inside_other_time(tok: Token) -> bool:
    """Whether a time phrase sits inside a noun phrase under 'after', 'over', 'since' … before it
    reaches a verb: it dates what that phrase names, not the verb above it."""
    t, nouns = tok, 0
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") or t.head.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ in _OTHER_TIME_PREPS and nouns >= 2:
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.i != tok.i:
            nouns += 1
        t = t.head
    return False
