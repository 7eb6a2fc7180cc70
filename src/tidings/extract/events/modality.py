"""Modality: did the act a verb names happen, or is it negated, hypothetical, intended or asked?

Kept apart from event coding because the answer depends only on the verb's own parse (its
auxiliaries, negators, the clause that governs it) and the pattern book's word lists, never
on the actors: a coder asks `verb_mode` first and drops or recodes what did not happen.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tidings.extract.events.patterns import PatternBook
from tidings.extract.syntax import lost_main_verb

_MODALS = {"would", "could", "might", "may", "should", "must", "can", "shall", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_MODAL_OR_FUTURE = frozenset(_MODALS | FUTURE_AUX)
_HEDGES = {"reportedly", "allegedly", "apparently", "purportedly", "possibly", "probably", "likely", "supposedly"}
_COND_MARKS = {"if", "unless", "whether", "lest"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
_CONFIRMING = {"confirm", "verify", "corroborate", "acknowledge", "substantiate"}  # "confirmed reports that …"
# "vetoed a resolution that threatened sanctions": what a text voted down says did not happen
_REQUEST_NOUNS = {"demand", "call", "request", "appeal", "proposal", "suggestion", "ultimatum", "insistence", "plea",
                  "condition", "order", "recommendation"}
_TEXT_NOUNS = {"resolution", "draft", "bill", "motion", "proposal", "text", "amendment", "measure"}
_KILLING_VERBS = {"veto", "reject", "block", "defeat", "kill", "scuttle", "sink", "torpedo"}
# what a crowd gathers "to" do is done by gathering: "rallied to demand", "marched to protest"
_VOICED = {"demand", "denounce", "condemn"}
_GATHERINGS = {"rally", "march", "gather", "protest", "demonstrate", "occupy", "converge", "assemble", "take",
               "pour", "flood", "strike", "block", "besiege", "surround", "camp"}
_FACTIVE_INF = {"manage", "begin", "start", "continue", "go", "help", "proceed", "move", "come", "decide",
                "become", "vote",  # "became the first state to recognise", "voted to impose sanctions": it did
                # implicative causes: "a tip-off that led Spanish police to arrest four", "forced the
                # army to withdraw", "prompted Seoul to recall its envoy": the act followed
                "lead", "force", "compel", "prompt", "oblige", "spur",
                # what a delegation came to do, in the past: "arrived in Moscow to pursue their inquiry"
                "arrive", "fly", "travel"}


@dataclass(slots=True)
class Mode:
    status: str  # realis | future | modal | negated | conditional | question | governed | habitual | attempted
    reason: str = ""
    confidence: float = 1.0


def verb_mode(verb: Token, sent: str, book: PatternBook, kids: list[Token] | None = None) -> Mode:
    """Whether the verb's act happened: a question, a negation or a condition first, then the
    clause that governs it ("plans to", "denied"), then its own tense and modal verbs. `sent` is
    the text of the verb's sentence (`ActorIndex.span_text`, cheaper than `Span.text`); `kids` the
    verb's children where the caller has them (`ActorIndex.kids`)."""
    kids = list(verb.children) if kids is None else kids
    return _negation(verb, sent, kids) or _governance(verb, kids, book) or _tense(verb, kids)


def _negation(verb: Token, sent: str, kids: list[Token]) -> Mode | None:
    """Questions, negated verbs, subjects and objects ('no talks were held'), conditional clauses."""
    if sent.rstrip().rstrip("\"'”’").endswith("?"):
        return Mode("question", "the sentence is a question")
    if _negated(verb):
        return Mode("negated", "negated verb")
    for c in kids:
        if c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in ("no", "neither") and d.dep_ == "det" for d in c.children):
            return Mode("negated", "negated subject ('no talks were held')")
        if c.dep_ == "dobj" and any(d.lower_ in ("no", "neither") and d.dep_ == "det" for d in c.children):
            return Mode("negated", "negated object ('gave no details')")
    if verb.dep_ == "xcomp" and _negated(verb.head):
        return Mode("negated", f"under a negated '{verb.head.text}' ('not going to negotiate')")
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "before") for c in kids) and (
            _negated(verb.head) or any(c.dep_ == "aux" and c.lower_ in _MODAL_OR_FUTURE for c in verb.head.children)):
        # "little of the money would reach Gaza until Israel eased its blockade": awaited, not done
        return Mode("conditional", "awaited by a clause that has not happened ('would … until')")
    v = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in v.children):
            return Mode("conditional", "in a conditional clause")
        if v.dep_ in ("advcl", "ccomp", "xcomp", "conj") and v.head is not v:
            v = v.head
        else:
            break
    return None


_TIME_PREPS = {"after", "following", "since", "upon", "while"}  # a clause of what had happened
_CHARGING = {"accuse", "blame", "allege", "suspect", "charge"}  # what they charge someone with is a claim


def _governance(verb: Token, kids: list[Token], book: PatternBook) -> Mode | None:
    """Verbs governed by intent ('plans to'), by irrealis verbs ('denied'), infinitives,
    gerunds used as nouns and participles describing a noun."""
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children):
        return Mode("negated", f"no {verb.head.text} to do it ('had no plans to send …')")
    if verb.dep_ == "acl" and verb.head.lemma_.lower() == "decision" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in verb.head.children):
        # "China's decision a day earlier to impose tariffs on Australian barley": a state's decision
        # told as a fact is its act (PLOVER and our gold code announced decisions as done)
        return _tense(verb.head.head, list(verb.head.head.children)) if verb.head.head.pos_ in ("VERB", "AUX") \
            else Mode("realis", "a state's decision told as a fact")
    text = verb.head
    if verb.dep_ == "relcl" and text.lemma_.lower() in _TEXT_NOUNS and text.dep_ in ("dobj", "nsubjpass") \
            and text.head.lemma_.lower() in _KILLING_VERBS:
        return Mode("governed", f"what a {text.head.lemma_.lower()}ed {text.text} would have done")
    gov = verb.head if verb.dep_ in ("xcomp", "ccomp", "pcomp") else None
    if verb.dep_ == "pcomp" and gov is not None and gov.dep_ == "prep" and gov.lower_ in _TIME_PREPS:
        gov = None  # "vowed a response after accusing Kabul of …": the accusation was made
    if verb.dep_ == "pcomp" and gov is not None and gov.dep_ == "prep":
        gov = gov.head
    if gov is not None and verb.dep_ == "xcomp" and gov.i != verb.i:
        aux = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
        if aux & _MODAL_OR_FUTURE:  # "could try to seize", "will seek to expel": not done
            return Mode("modal", f"under a modal '{' '.join(sorted(aux))} {gov.text} to'")
    if gov is not None and verb.dep_ == "xcomp" and gov.lemma_.lower() in book.attempt_governors and gov.i != verb.i:
        return Mode("attempted", f"attempted ('{gov.text} to')", 0.8)
    if gov is not None and gov.lemma_.lower() in book.intent_governors and gov.i != verb.i:
        return Mode("future", f"intended ('{gov.text} to')")
    if gov is not None and gov.lemma_.lower() in book.irrealis and gov.i != verb.i and not (
            gov.i > verb.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in book.claim_nouns
                                   for c in gov.children)):
        # ("X accused Y of laying mines, a charge Z denied": the parser hangs the accusation under
        # "denied"; the charge was made, what Z denies is the charge)
        if gov.lemma_.lower() != "be" or verb.dep_ == "xcomp":
            return Mode("governed", f"governed by '{gov.text}'")
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids) \
            and verb.head.lemma_.lower() in book.intent_governors:
        return Mode("future", f"intended ('{verb.head.text} to')")
    if verb.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids) \
            and verb.head.lemma_.lower() in _FACTIVE_INF and verb.head.i != verb.i:
        # "flew to Ankara to sign", "voted to impose": done as far as the governing verb was
        # ("will fly to Ankara to sign" is not yet)
        head = verb.head
        return _governance(head, list(head.children), book) or _tense(head, list(head.children))
    if verb.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids) \
            and verb.head.lemma_.lower() not in _FACTIVE_INF:  # "to attack", "to be maimed"
        if verb.lemma_.lower() in _VOICED and verb.head.lemma_.lower() in _GATHERINGS and verb.dep_ in ("advcl", "xcomp"):
            # "students occupied the parliament to demand that Suharto step down": the crowd voiced it there
            return _governance(verb.head, list(verb.head.children), book) or _tense(verb.head, list(verb.head.children))
        return Mode("governed", f"infinitive under '{verb.head.text}'")
    if verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.tag_ == "VB" and verb.head.i != verb.i:
        # "committing to protect civilians and let aid through": the second bare verb is as the first
        head_kids = list(verb.head.children)
        mode = _governance(verb.head, head_kids, book) or _tense(verb.head, head_kids)
        if mode.status != "realis":
            return Mode(mode.status, f"{mode.reason} (with '{verb.head.text}')", mode.confidence)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in kids):
        # "accused Turkish forces of shelling a resort, killing nine tourists": part of the charge,
        # whether the parser hangs the participle on "accused" or on "shelling"
        charge = _charge_of(verb)
        if charge is not None:
            return Mode("governed", f"governed by '{charge.text}'")
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in kids) and (
            verb.dep_ in ("pobj", "amod", "compound")
            or (verb.dep_ in ("pcomp", "conj") and _nominal_gerund(verb))):
        return Mode("governed", "a gerund used as a noun")
    that = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is not None and that.i > 0 and verb.doc[that.i - 1].lemma_.lower() in _REQUEST_NOUNS \
            and verb.doc[that.i - 1].pos_ == "NOUN" and that.i < verb.i:
        # "defied Bush's demand that they surrender bin Laden", however the parser hangs the clause
        return Mode("governed", f"what a {verb.doc[that.i - 1].text} asks for ('a demand that they surrender …')")
    if that is not None and verb.dep_ == "ccomp" and that.i < verb.i and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _REQUEST_NOUNS and c.pos_ == "NOUN" and c.i < that.i
            for c in verb.head.children):
        # "defied Washington's demand on Friday that it hand over bin Laden": the clause is the demand's
        return Mode("governed", "what a demand asks for ('a demand … that they surrender …')")
    if verb.dep_ in ("acl", "relcl", "ccomp") and verb.head.lemma_.lower() in _REQUEST_NOUNS \
            and verb.head.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return Mode("governed", f"what a {verb.head.text} asks for ('a demand that they surrender …')")
    if verb.dep_ in ("acl", "relcl", "ccomp") and verb.head.lemma_.lower() in book.claim_nouns \
            and verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        if verb.head.head.lemma_.lower() in _CONFIRMING:
            return None  # "confirmed reports that rebels had attacked": told as fact
        return Mode("governed", f"what a {verb.head.text} claims ('a {verb.head.text} that …')")
    if verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") and c.lemma_ != "do" for c in kids):
        return Mode("habitual", "a habit in a relative clause ('fighters who carry out attacks')")
    if lost_main_verb(verb):
        return None  # "The United States, a treaty ally of Manila, called on …": the parser's lost main verb
    if verb.dep_ in ("acl", "amod", "compound") and verb.tag_ in ("VBN", "JJ") or verb.dep_ == "amod":
        return Mode("governed", "a participle describing a noun ('companies accused of …')")
    return None


def _tense(verb: Token, kids: list[Token]) -> Mode:
    """Future and modal auxiliaries; hedging adverbs lower the confidence of a realis act."""
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    hedge = any(c.lower_ in _HEDGES for c in kids) or any(c.lower_ in _HEDGES for c in verb.head.children
                                                           if verb.dep_ == "ccomp")
    if lemmas & _MODALS and "have" in lemmas and verb.tag_ == "VBN":
        return Mode("realis", "hedged (modal perfect)", 0.5)
    if lemmas & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return Mode("future", "future tense")
    if lemmas & _MODALS:
        return Mode("modal", "modal verb")
    return Mode("realis", "hedged" if hedge else "", 0.6 if hedge else 1.0)


def _charge_of(participle: Token) -> Token | None:
    """The charging verb ('accused … of shelling …') a trailing participle is hung on: the verb
    itself, when its 'of' phrase comes first, or the verb above the 'of' phrase it is hung in."""
    head = participle.head
    if head.lemma_.lower() in _CHARGING and any(
            c.i < participle.i and c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children)
            for c in head.children):
        return head
    if head.dep_ == "pcomp" and head.head.head.lemma_.lower() in _CHARGING:
        return head.head.head
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def _nominal_gerund(verb: Token) -> bool:
    """'a history of supporting …' names a habit; 'after accusing …' tells an act."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pcomp" and t.head.lower_ in ("of", "for", "about", "against", "in", "on", "to", "without")
