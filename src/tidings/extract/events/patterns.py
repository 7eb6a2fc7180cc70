"""Verb patterns (data/verbs.yaml): verb lemma + particle + object/preposition → CAMEO code."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources

import yaml
from spacy.tokens import Token

from tidings.errors import CodebookError, Errors
from tidings.extract.events.codebook import load_codebook
from tidings.extract.events.lexicon import load_lexicon, merge_lexicon
from tidings.extract.kb.yamlfile import load_yaml

# the document's children by token index (`ActorIndex.kids`), or None to ask spaCy
Kids = Sequence[list[Token]] | None

_PATH = "tidings/data/verbs.yaml"
_OBJ_DEPS = {"dobj", "attr", "nsubjpass", "oprd"}
_WHERE_PREPS = {"along", "near", "across", "inside", "outside", "around", "beside", "alongside"}
_TIME_PREPS = {"after", "before", "since", "until", "till", "amid", "following", "ahead"}


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    verbs: tuple[str, ...]
    objects: tuple[str, ...] = ()
    target: tuple[str, ...] = ("dobj",)
    intent: str | None = None
    threat: str | None = None
    inner: dict[str, str] = field(default_factory=dict)
    sym: bool = False
    intent_only: bool = False
    protest_only: bool = False
    crowd_subject: bool = False  # applies only when a crowd is the subject, its own or shared ("protesters stormed")
    victim: bool = False
    person_object: bool = False  # applies only when the direct object is a person ("received Zelensky")
    state_object: bool = False  # applies only when the direct object is a state ("suspended Gabon")
    index: int = 0
    source: str = "verbs.yaml"  # or verbs_cameo.tsv, the imported lexicon (index = its line)

    @property
    def rule(self) -> str:
        return f"{self.source}#{self.index}:{self.verbs[0]}{'+' + self.objects[0] if self.objects else ''}"


@dataclass(frozen=True, slots=True)
class PatternBook:
    by_verb: dict[str, tuple[VerbPattern, ...]]
    speech: dict[str, str]
    irrealis: frozenset[str]
    threat_cues: frozenset[str] = frozenset()
    accusation_cues: frozenset[str] = frozenset()
    crowd_words: frozenset[str] = frozenset()
    intent_governors: frozenset[str] = frozenset()
    collectives: frozenset[str] = frozenset()
    show_of_force: frozenset[str] = frozenset()
    threat_on_subject: frozenset[str] = frozenset()
    speech_needs_clause: frozenset[str] = frozenset()
    threat_acts: dict[str, str] = field(default_factory=dict)  # threat code → the act it threatens
    attempt_governors: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    container_nouns: frozenset[str] = frozenset()
    intent_by_root: dict[str, str] = field(default_factory=dict)
    stative_passives: frozenset[str] = frozenset()
    nominal_consults: dict[str, str] = field(default_factory=dict)  # "during a call with X" → 041
    nominal_acts: dict[str, str] = field(default_factory=dict)  # "sanctions on X by Y" → 163
    imported: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict)  # tried after by_verb
    claim_nouns: frozenset[str] = frozenset()  # "a report that the army had moved units": a claim, not an act
    nominal_reactions: dict[str, str] = field(default_factory=dict)  # "drew condemnation from X" → 111
    reaction_verbs: frozenset[str] = frozenset()  # "drew", "sparked" a reaction
    nominal_requests: dict[str, str] = field(default_factory=dict)  # "brushed aside appeals from X" → 020
    answer_verbs: frozenset[str] = frozenset()  # "rejected", "heeded" a request
    undoing_verbs: frozenset[str] = frozenset()  # "ruled out talks": no nominal event of any verb ("*")
    nominal_crowds: dict[str, str] = field(default_factory=dict)  # "protests spread to …" → 141
    crowd_verbs: frozenset[str] = frozenset()  # what protests do: "erupted", "spread"
    crowd_done: dict[str, frozenset[str]] = field(default_factory=dict)  # "dispersed a rally": it took place
    crowd_done_nouns: dict[str, str] = field(default_factory=dict)  # "five days of strikes" → 143
    nominal_force: dict[str, str] = field(default_factory=dict)  # "an Iranian attack on its soil" → 190

    def speech_code(self, verb: Token, kids: Kids = None) -> str | None:
        """The statement code of a verb of saying, or None if this use of it says nothing."""
        lemma = verb.lemma_.lower()
        code = self.speech.get(lemma)
        if code and lemma in self.speech_needs_clause and not any(
                c.dep_ in ("ccomp", "parataxis") or c.tag_ in ("``", "''") for c in _children(verb, kids)):
            return None
        return code

    def matches(self, verb: Token, kids: Kids = None) -> Iterator[tuple[VerbPattern, Token | None]]:
        """Patterns that fit this verb, most specific first, with the object that selected each.
        `kids`: the document's children by token index (`ActorIndex.kids`), cheaper than `Token.children`."""
        objs = [(o, f) for o, f in _object_tokens(verb, kids) if not (
            o.lemma_.lower() in self.container_nouns
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in _children(o, kids)))]  # "a package of sanctions"
        keys = _verb_keys(verb, kids)
        lemma = verb.lemma_.lower()
        if lemma in self.lemma_fixes:  # "staged" lemmatised as "stag"
            fixed = self.lemma_fixes[lemma]
            keys = [fixed + k[len(lemma):] if k.startswith(lemma) else k for k in keys]
        if verb.lemma_.lower() not in self.speech and not any(k in self.undoing_verbs for k in keys):
            keys.append("*")  # nominal events of any verb: "… during a phone call with X"
        cargo = [(o, f) for o, f in objs if _CARGO in f]
        if cargo:  # a pattern for the cargo outranks one for its vehicle
            yield from self._fitting(keys, cargo, bare=False)
        yield from self._fitting(keys, objs, bare=True)

    def _fitting(self, keys: list[str], objs: list[tuple[Token, set[str]]],
                 bare: bool) -> Iterator[tuple[VerbPattern, Token | None]]:
        """Patterns under these keys that one of the objects selects (every hand-written pattern
        first); with `bare`, patterns that need no object too."""
        for table in (self.by_verb, self.imported):
            for key in keys:
                for p in table.get(key, ()):
                    if not p.objects:
                        if bare:
                            yield p, None
                        continue
                    for obj, forms in objs:
                        if any(f in p.objects for f in forms):
                            yield p, obj
                            break


def _verb_keys(verb: Token, kids: Kids = None) -> list[str]:
    """Lemma with its particle or adjacent preposition first ("call on", "carry out"), then bare."""
    lemma = verb.lemma_.lower()
    keys = []
    for c in _children(verb, kids):
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in _children(c, kids) if g.dep_ == "pobj"):
            continue  # "fired tear gas … on Tuesday": a time phrase, not the particle of "fire on"
        if c.dep_ in ("prt", "prep") and c.i > verb.i:
            keys.append(f"{lemma} {c.lower_}")
            if c.dep_ == "prep":
                for g in _children(c, kids):
                    if g.dep_ == "pobj" and g.i == c.i + 1:
                        keys.append(f"{lemma} {c.lower_} {g.lemma_.lower()}")
    for c in _children(verb, kids):
        if c.dep_ == "advmod" and c.lower_ in ("home", "back", "aside", "away") and c.i > verb.i:
            keys.append(f"{lemma} {c.lower_}")  # "send home staff": the parser calls "home" an adverb
    for c in _children(verb, kids):
        if c.dep_ == "dobj":  # "exchanged artillery fire", "took hostage"
            keys.append(f"{lemma} {c.lemma_.lower()}")
    keys.append(lemma)
    return keys


def _object_tokens(verb: Token, kids: Kids = None) -> list[tuple[Token, set[str]]]:
    """Objects a pattern may require: direct object, 'in solidarity', 'out an attack', etc."""
    out: list[tuple[Token, set[str]]] = []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the measures imposed by Japan": the noun is the object
        out.append((verb.head, _forms(verb.head, kids)))
    elif verb.dep_ == "relcl" and not any(c.dep_ in _OBJ_DEPS for c in _children(verb, kids)) \
            and verb.head.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in _children(verb, kids)):
        # "a migration deal it struck with the EU": the noun the clause describes is its object
        out.append((verb.head, _forms(verb.head, kids)))
    for c in _children(verb, kids):
        if c.dep_ in _OBJ_DEPS:
            # "sent ships loaded with food": what was sent is the food, tried before the ships
            out.extend((q, _forms(q, kids) | {_CARGO}) for q in _cargo(c, kids))
            out.append((c, _forms(c, kids)))
            # "handed Mladic an ultimatum": the parser may hang the second object on the first
            out.extend((g, _forms(g, kids)) for g in _children(c, kids) if g.dep_ == "dobj" and c.dep_ == "dobj")
            for g in _children(c, kids):  # "500 tonnes of food", "a team of rescuers and 40 tonnes of supplies"
                # "described the government's treatment of miners as a brutal crackdown": the parser
                # hangs the verdict on the object
                if g.dep_ == "prep" and g.lower_ in ("of", "in", "worth", "as"):
                    for p in _children(g, kids):
                        if p.dep_ == "pobj":
                            for q in (p, *p.conjuncts):
                                out.append((q, _forms(q, kids)))
                                out.extend((r, _forms(r, kids)) for pp in _children(q, kids) if pp.dep_ == "prep"
                                           and pp.lower_ == "of" for r in _children(pp, kids) if r.dep_ == "pobj")
            for cj in c.conjuncts:  # "a team of rescuers and 40 tonnes of relief supplies"
                out.append((cj, _forms(cj, kids)))
                for g in _children(cj, kids):
                    if g.dep_ == "prep" and g.lower_ in ("of", "in"):
                        out.extend((p, _forms(p, kids)) for p in _children(g, kids) if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ in _TIME_PREPS:
            continue  # "took effect after a week of border clashes": a time, not an object
        elif c.dep_ in ("prep", "prt", "agent"):
            out.append((c, {c.lower_}))
            if c.lower_ in _WHERE_PREPS and any(d.dep_ == "dobj" for d in _children(verb, kids)):
                continue  # "had taken defensive measures along the border": where, not what was taken
            for g in _children(c, kids):
                if g.dep_ == "pobj":  # "on a higher level of readiness"
                    out.append((g, _forms(g, kids)))
                    out.extend((r, _forms(r, kids)) for pp in _children(g, kids) if pp.dep_ == "prep" and pp.lower_ == "of"
                               for r in _children(pp, kids) if r.dep_ == "pobj")
        elif c.dep_ == "xcomp":  # "vowed to retaliate"
            out.append((c, {c.lemma_.lower()}))
    return out


def _cargo(obj: Token, kids: Kids = None) -> list[Token]:
    """What a vehicle carries: 'ships loaded with food', 'planes carrying medicine'."""
    for v in (obj, *obj.conjuncts):
        for a in _children(v, kids):
            if a.dep_ != "acl" or a.lemma_.lower() not in _CARRYING:
                continue
            if a.lemma_.lower() == "carry":
                found = [g for g in _children(a, kids) if g.dep_ == "dobj"]
            else:
                found = [g for p in _children(a, kids) if p.dep_ == "prep" and p.lower_ == "with"
                         for g in _children(p, kids) if g.dep_ == "pobj"]
            if found:
                return [q for g in found for q in (g, *g.conjuncts)]
    return []


_CARRYING = frozenset({"load", "laden", "carry", "pack", "fill", "stock"})
_CARGO = " cargo"  # a mark among an object's forms: it is what a vehicle carried


def _forms(tok: Token, kids: Kids = None) -> set[str]:
    lemma = tok.lemma_.lower()
    forms = {lemma, tok.lower_}
    mods = [c for c in _children(tok, kids) if c.dep_ in ("compound", "amod") and c.i < tok.i]
    for m in mods:
        forms.add(f"{m.lower_} {lemma}")
        forms.add(f"{m.lower_} {tok.lower_}")
        forms.add(m.lemma_.lower())
    # "called Russia's behaviour unacceptable": the small model hangs the object complement on the
    # noun as a modifier after it; English puts no other adjective there
    forms.update(c.lemma_.lower() for c in _children(tok, kids) if c.dep_ == "amod" and c.i > tok.i and c.pos_ == "ADJ")
    return forms


def _children(tok: Token, kids: Kids) -> Iterable[Token]:
    """`tok.children`, from the per-document lists when the caller has them."""
    return tok.children if kids is None else kids[tok.i]


def _check_code(code: str, where: str) -> str:
    if code not in load_codebook():
        raise CodebookError(Errors.E102.format(code=code, path=_PATH, line=where), path=_PATH, line=where)
    return code


@functools.lru_cache(maxsize=1)
def load_patterns() -> PatternBook:
    """Parse and validate data/verbs.yaml once per process."""
    text = (resources.files("tidings") / "data" / "verbs.yaml").read_text(encoding="utf-8")
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        raise CodebookError(Errors.E101.format(path=_PATH, line=getattr(getattr(exc, "problem_mark", None), "line", 0),
                                               problem=str(exc)), path=_PATH, line=0) from exc
    by_verb: dict[str, list[VerbPattern]] = {}
    for n, item in enumerate(raw.get("patterns", [])):
        where = f"pattern {n}"
        try:
            p = VerbPattern(
                code=_check_code(str(item["code"]), where),
                verbs=tuple(str(v).lower() for v in item["verbs"]),
                objects=tuple(str(o).lower() for o in item.get("objects", ())),
                target=tuple(str(t) for t in item.get("target", ("dobj",))),
                intent=_check_code(str(item["intent"]), where) if item.get("intent") else None,
                threat=_check_code(str(item["threat"]), where) if item.get("threat") else None,
                inner={str(k).lower(): _check_code(str(v), where) for k, v in (item.get("inner") or {}).items()},
                sym=bool(item.get("sym", False)), intent_only=bool(item.get("intent_only", False)),
                protest_only=bool(item.get("protest_only", False)), victim=bool(item.get("victim", False)),
                crowd_subject=bool(item.get("crowd_subject", False)),
                person_object=bool(item.get("person_object", False)),
                state_object=bool(item.get("state_object", False)),
                index=n,
            )
        except (KeyError, TypeError) as exc:
            raise CodebookError(Errors.E101.format(path=_PATH, line=where, problem=f"bad pattern: {exc}"),
                                path=_PATH, line=where) from exc
        for v in p.verbs:
            by_verb.setdefault(v, []).append(p)
    # for each verb, patterns that need an object are more specific: try them first
    for v, ps in by_verb.items():
        ps.sort(key=lambda p: (not p.objects, p.index))
    speech = {str(k).lower(): _check_code(str(v), "speech") for k, v in (raw.get("speech") or {}).items()}
    irrealis = frozenset(str(v).lower() for v in raw.get("irrealis_governors", ()))
    cues = raw.get("content_cues") or {}
    return PatternBook({k: tuple(v) for k, v in by_verb.items()}, speech, irrealis,
                       frozenset(str(w).lower() for w in cues.get("threat", ())),
                       frozenset(str(w).lower() for w in cues.get("accusation", ())),
                       frozenset(str(w).lower() for w in cues.get("crowd", ())),
                       frozenset(str(w).lower() for w in raw.get("intent_governors", ())),
                       frozenset(str(w).lower() for w in raw.get("collectives", ())),
                       frozenset(str(w).lower() for w in cues.get("show_of_force", ())),
                       frozenset(str(w).lower() for w in cues.get("threat_on_subject", ())),
                       frozenset(str(w).lower() for w in raw.get("speech_needs_clause", ())),
                       {_check_code(str(k), "threat_acts"): _check_code(str(v), "threat_acts")
                        for k, v in (raw.get("threat_acts") or {}).items()},
                       frozenset(str(w).lower() for w in raw.get("attempt_governors", ())),
                       {str(k).lower(): str(v).lower() for k, v in (raw.get("lemma_fixes") or {}).items()},
                       frozenset(str(w).lower() for w in raw.get("container_nouns", ())),
                       {str(k): _check_code(str(v), "intent_by_root") for k, v in (raw.get("intent_by_root") or {}).items()},
                       frozenset(str(w).lower() for w in raw.get("stative_passives", ())),
                       {str(k).lower(): _check_code(str(v), "nominal_consults")
                        for k, v in (raw.get("nominal_consults") or {}).items()},
                       {str(k).lower(): _check_code(str(v), "nominal_acts")
                        for k, v in (raw.get("nominal_acts") or {}).items()},
                       _imported(by_verb, {*speech, *irrealis, *(str(w).lower() for w in raw.get("intent_governors", ())),
                                           *(str(w).lower() for w in raw.get("attempt_governors", ()))}),
                       frozenset(str(w).lower() for w in raw.get("claim_nouns", ())),
                       {str(k).lower(): _check_code(str(v), "nominal_reactions")
                        for k, v in (raw.get("nominal_reactions") or {}).items()},
                       frozenset(str(w).lower() for w in raw.get("reaction_verbs", ())),
                       {str(k).lower(): _check_code(str(v), "nominal_requests")
                        for k, v in (raw.get("nominal_requests") or {}).items()},
                       frozenset(str(w).lower() for w in raw.get("answer_verbs", ())),
                       frozenset(str(w).lower() for w in raw.get("undoing_verbs", ())),
                       {str(k).lower(): _check_code(str(v), "nominal_crowds")
                        for k, v in (raw.get("nominal_crowds") or {}).items()},
                       frozenset(str(w).lower() for w in raw.get("crowd_verbs", ())),
                       {str(k).lower(): frozenset(str(w).lower() for w in v)
                        for k, v in (raw.get("crowd_done") or {}).items()},
                       {str(k).lower(): _check_code(str(v), "crowd_done_nouns")
                        for k, v in (raw.get("crowd_done_nouns") or {}).items()},
                       {str(k).lower(): _check_code(str(v), "nominal_force")
                        for k, v in (raw.get("nominal_force") or {}).items()})


def _imported(hand: dict[str, list[VerbPattern]], reserved: set[str]) -> dict[str, tuple[VerbPattern, ...]]:
    """The imported lexicon (data/verbs_cameo.tsv) as patterns, under the hand-written ones."""
    out: dict[str, list[VerbPattern]] = {}
    for e in merge_lexicon(load_lexicon(), hand, reserved):
        out.setdefault(e.verb, []).append(VerbPattern(code=e.code, verbs=(e.verb,), objects=e.objects, target=e.target,
                                                      sym=e.sym, index=e.line, source="verbs_cameo.tsv"))
    return {k: tuple(sorted(v, key=lambda p: (not p.objects, p.index))) for k, v in out.items()}
