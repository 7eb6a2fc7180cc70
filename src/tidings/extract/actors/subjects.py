"""Who does what a verb says, and who says it: subjects, agents, relayed quotes, 'according to'.

A mixin for `actors.ActorIndex`. `subject_of` follows a verb to its subject, passive agent or
the subject it shares with the verb it hangs on, reattaching a verb of saying that the parser
hung inside a report to the outer reporter; "IRNA quoted the minister as saying" gives the
minister, and a verb with no subject falls back to the source 'according to X' names. Owns
`sent_of`, the cached sentence of a token.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from tidings.errors import CodebookError, Errors
from tidings.extract.actors.base import authorities
from tidings.extract.tokens import DocView
from tidings.extract.kb.knowledge import read_tsv
from tidings.extract.syntax import lost_main_verb
from tidings.models import Actor

# "X said Guyana would hold drills, calling the plan a provocation": the reporter calls it so
_JUDGING = {"call", "describe", "term", "brand", "label", "accuse", "blame", "condemn", "criticize", "criticise",
            "denounce", "say", "warn", "add", "insist", "stress", "reject", "dismiss", "deny", "refute", "rebuff",
            "urge", "demand"}
# a reporter's participle answering others ("told parliament that …, brushing aside warnings from
# Australia"): only as a participle, since "the rebels attacked and defied the truce" is the rebels'
_ANSWERING = {"brush", "shrug", "defy", "ignore", "snub", "spurn"}
_MEMBER_NOUNS = {"member", "ally", "neighbour", "neighbor", "signatory", "partner"}
_KILLING_VERBS = {"kill", "wound", "injure", "destroy", "damage", "hit", "level", "flatten"}
_ATTACK_NOUNS = {"attack", "strike", "raid", "bombing", "shelling", "assault", "offensive", "airstrike", "ambush"}
_DIRECTIVE = {"demand", "urge", "ask", "appeal", "press", "call"}  # verbs whose that-clause is another's act
_TIME_MARKS = {"after", "before", "since", "until", "when", "while", "as", "once"}
# verbs whose object does the act of their infinitive, and does it ("forced the army to withdraw");
# kept with events.modality's implicative governors
_CAUSING = frozenset({"lead", "force", "compel", "prompt", "oblige", "spur"})
_SHARED_SUBJECT = ("conj", "advcl", "xcomp", "acl", "pcomp", "acomp")
_CLASH_NOUNS = {"clash", "fighting", "fight", "battle", "exchange", "skirmish", "confrontation", "gunfight",
                "firefight", "hostility", "violence"}  # "clashes between A and B killed …"
_QUOTE_VERBS = "quote_verbs.tsv"
_QUOTE_VERB_KINDS = ("relay", "speech")


@cache
def quote_verbs(text: str | None = None) -> dict[str, frozenset[str]]:
    """Kind → lemmas from data/quote_verbs.tsv: `relay` verbs pass on someone else's words
    ("IRNA quoted / cited the minister as saying"); `speech` verbs attribute a quote besides the
    codebook's verbs of saying."""
    path = f"tidings/data/{_QUOTE_VERBS}"
    if text is None:
        text = (resources.files("tidings") / "data" / _QUOTE_VERBS).read_text(encoding="utf-8")
    out: dict[str, set[str]] = {k: set() for k in _QUOTE_VERB_KINDS}
    for n, row in read_tsv(path, text, ("lemma", "kind")):
        lemma = row["lemma"]
        if row["kind"] not in out or not lemma or lemma != lemma.lower() or " " in lemma:
            raise CodebookError(Errors.E101.format(path=path, line=n, problem=(
                f"kind must be one of {_QUOTE_VERB_KINDS} and lemma one lower-case word")), path=path, line=n)
        out[row["kind"]].add(lemma)
    return {k: frozenset(v) for k, v in out.items()}


_STATE_ACTS = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "convict", "charge", "try", "question",
                         "interrogate", "investigate", "put", "indict", "prosecute", "deport", "execute"})
_TEXTS = frozenset({"statement", "communique", "communiqué", "letter", "note", "declaration", "memo", "report"})
_HANDING = frozenset({"hand", "extradite", "repatriate", "expel"})
_REPORTING_ROLES = frozenset({"GOV", "COP", "MIL", "JUD", "SPY"})
_FREEING = frozenset({"free", "release", "liberate"})
_HOLDING = frozenset({"hold", "detain", "kidnap", "abduct", "seize", "capture", "jail", "imprison", "arrest"})
_EXPELLING = frozenset({"expel", "order", "deport", "oust", "banish", "evict", "kick", "throw", "tell", "ask",
                        "suspend", "exclude", "bar", "ban"})  # "was suspended from the African Union"


class SubjectFinder:
    """Subjects and speakers of verbs for `ActorIndex`."""

    doc: Doc
    speech: frozenset[str]
    sents: list[Span]
    sent_index: list[int]
    tokens: list[Token]
    arrays: DocView
    kids: list[list[Token]]  # children by token index, built once by ActorIndex

    def _tangled_partners(self, subj: Token, found: list[Actor]) -> list[Actor]:
        """'Turkish Foreign Minister A and Egyptian Foreign Minister B discussed …': the small model
        often hangs A inside B's title instead of conjoining them; A is a subject all the same."""
        left = [t for t in subj.subtree if t.i < subj.i]
        if not any(t.lower_ == "and" and t.dep_ == "cc" for t in left):
            return []
        names = {a.name for a in found}
        out: list[Actor] = []
        for t in left:
            if t.dep_ in ("appos", "conj") or (t.dep_ == "compound" and t.head.i != subj.i):
                actor = self._person_at(t) if (t.ent_type_ == "PERSON" or t.i in self._person_tokens) else None
                if actor is not None and actor.country and actor.name not in names:
                    names.add(actor.name)
                    out.append(actor)
        return out

    def subject_of(self, verb: Token) -> list[Actor]:
        """Who does what a verb says: its subject, the passive agent, or the subject it shares."""
        quoted = self._quoted_speaker(verb)
        if quoted is not None:
            return quoted
        v, seen = self._reattach_report(verb), set()
        while v.i not in seen:
            seen.add(v.i)
            obj = self._agent_object(v)
            if obj is not None:
                found = self.resolve(obj, subject=True)
                # ("spoke by telephone with …": the parser's agent is a means when the verb has
                # an active subject and 'by' names no one)
                if found or not any(k.dep_ == "nsubj" for k in self.kids[v.i]):
                    return found
            subjects = [c for c in self.kids[v.i] if c.dep_ in ("nsubj", "csubj")]
            listed = next((c for c in self.kids[v.i] if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                           and any(s.i > c.i and s.lemma_.lower() in _MEMBER_NOUNS for s in subjects)), None)
            if listed is not None:  # "Malaysia and Turkey, both members of the OIC, praised …": the states
                subjects = [listed]
            for n, c in enumerate(subjects):
                if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":  # "Qatar, which brokered …"
                    # "Malaysia, which brokered the truce, and the United States …": Malaysia alone
                    heads = self.resolve(v.head, subject=True)
                    own = {b.name for b in self._resolve_one(v.head)}
                    return [a for a in heads if a.name in own] or heads or self._attack_of_place(v)
                found = self.resolve(c, subject=True) or self._launched_by(c) or self._text_author(c)
                if not found and v.dep_ == "relcl" and v.head.dep_ == "ROOT" and v.head.pos_ == "NOUN" \
                        and c.pos_ == "PROPN" and c.i == v.head.i + 1:
                    # "Russia's state gas monopoly Gazprom threatened …" read as a noun with a relative
                    # clause: the name's description says whose it is
                    found = self.resolve(v.head, subject=True)
                if n + 1 < len(subjects) and not any(a.country for a in found):
                    continue  # "Drones launched by the paramilitary Rapid Support Forces hit …": the parser
                    # gave the name a subject arc of its own
                return found
            if v.i == verb.i and v.dep_ == "ROOT":
                lost = self._fronted_subject(v)
                if lost is not None:  # "After four years of talks in the Cuban capital, Colombia's
                    return self.resolve(lost, subject=True)  # government and the FARC struck a deal"
            if any(c.dep_ == "nsubjpass" for c in self.kids[v.i]):
                return self._nominal_agent(v) or self._expelling_state(v) or self._holder(v) \
                    or self._state_of_place(v) or self._reporting_state(v)
            if v.dep_ == "relcl":
                return self.resolve(v.head, subject=True)
            first = next((c for c in self.kids[v.i] if c.dep_ == "ccomp" and c.i < v.i), None)
            if first is not None and v.i > 0 and self.doc[v.i - 1].text == "," and first.pos_ == "VERB":
                # "The ministry denied that …, said the frontier was calm": a list of the ministry's
                # acts the parser read as a quote and its attribution; 'said' has no subject of its own
                subj = next((c for c in self.kids[first.i] if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return self.resolve(subj, subject=True)
            if lost_main_verb(v):
                return self.resolve(v.head, subject=True)
            if v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.pos_ == "NOUN" and v.tag_ == "VBD":
                # "The statement called Algeria's decision unjustified.": the parser read the sentence
                # as a noun phrase; its noun is the subject
                return self.resolve(v.head, subject=True) or self._text_author(v.head)
            if v.dep_ == "acl" and v.head.lemma_.lower() == "decision":
                poss = next((c for c in self.kids[v.head.i] if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if poss is not None:  # "China's decision to impose tariffs": China imposed them
                    return self.resolve(poss, subject=True)
            if v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj") and v.head.head.pos_ in ("VERB", "ADP"):
                # "issued a declaration demanding that …": whoever issued it demands
                v = v.head.head if v.head.dep_ == "dobj" else v.head.head.head
                continue
            if v.dep_ == "advcl" and v.tag_ in ("VBD", "VBZ", "VBP") and any(
                    c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in self.kids[v.i]):
                break  # "… days after a strike killed 20 children": a finite clause of its own
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in _CAUSING:
                # "the tip-off led Spanish police to arrest four": the police arrested
                obj = next((c for c in self.kids[v.head.i] if c.dep_ == "dobj" and c.i < v.i), None)
                if obj is not None:
                    return self.resolve(obj, subject=True)
            if v.dep_ in _SHARED_SUBJECT and v.head.i != v.i:
                v = v.head
                if v.dep_ == "prep" and v.head.i != v.i:  # "responded by expelling": the responder
                    v = v.head
                continue
            break
        return self.according_to(verb)

    def _fronted_subject(self, verb: Token) -> Token | None:
        """The subject the parser hung as an apposition inside a fronted phrase ('After years of talks
        in the Cuban capital, Colombia's government and the FARC struck a deal'): an apposition set
        off by a comma that ends right before the verb."""
        for prep in self.kids[verb.i]:
            if prep.dep_ != "prep" or prep.i > verb.i:
                continue
            for t in prep.subtree:
                if t.dep_ != "appos" or t.pos_ not in ("NOUN", "PROPN") or t.left_edge.i == 0 \
                        or self.doc[t.left_edge.i - 1].text != ",":
                    continue
                end = max(x.i for x in t.subtree)
                if all(self.doc[j].is_punct for j in range(end + 1, verb.i)):
                    return t
        return None

    def _quoted_speaker(self, verb: Token) -> list[Actor] | None:
        """'IRNA quoted (cited) the minister as saying …', 'the minister was quoted as saying by a
        statement …': the words are the minister's, whoever relays them. None when the verb is
        not part of a 'quote … as saying' construction."""
        quote = verb
        if verb.lemma_.lower() in ("say", "tell") and verb.head.lower_ == "as" and verb.head.head.i != verb.head.i:
            quote = verb.head.head
        if quote.lemma_.lower() not in quote_verbs()["relay"] or not any(
                c.lower_ == "as" and any(g.lemma_.lower() in ("say", "tell") for g in self.kids[c.i])
                for c in self.kids[quote.i]):
            return None
        who = next((c for c in self.kids[quote.i] if c.dep_ in ("dobj", "nsubjpass")), None)
        if who is None:
            return None
        found = self.resolve(who, subject=True)
        if found and not any(a.country for a in found) and who.dep_ == "dobj":
            # "the Saudi news agency quoted an official source as saying": an unnamed official a
            # state's agency quotes is that state's
            relay = [a for c in self.kids[quote.i] if c.dep_ == "nsubj" for a in self.resolve(c, subject=True)
                     if a.country]
            if relay:
                return [a.model_copy(update={"country": relay[0].country}) for a in found]
        return found

    def clash_parties(self, verb: Token) -> list[Actor]:
        """'Clashes between ELN guerrillas and FARC dissidents killed 80 people': the two sides of
        the fighting that is the verb's subject (empty unless two distinct parties are named)."""
        subj = next((c for c in self.kids[verb.i] if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
            subj = verb.head  # "clashes between A and B, which killed 60 people"
        if subj is None or subj.lemma_.lower() not in _CLASH_NOUNS:
            return []
        prep = next((c for c in self.kids[subj.i] if c.dep_ == "prep" and c.lower_ == "between"), None)
        first = next((g for g in self.kids[prep.i] if g.dep_ == "pobj"), None) if prep is not None else None
        if first is None:
            return []
        sides: list[Actor] = []
        for tok in (first, *first.conjuncts):
            for a in self._resolve_one(tok):
                if a.country and all(a.name != b.name for b in sides):
                    sides.append(a)
        return sides[:2] if len(sides) >= 2 else []

    def _launched_by(self, subj: Token) -> list[Actor]:
        """'Drones launched by the RSF struck …', 'an attack by al-Shabaab fighters killed …':
        whoever launched the weapon or made the attack."""
        for prep in self.kids[subj.i]:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                obj = next((g for g in self.kids[prep.i] if g.dep_ == "pobj"), None)
                if obj is not None and (found := self.resolve(obj, subject=True)):
                    return found
        for acl in self.kids[subj.i]:
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and (obj := self._agent_object(acl)) is not None:
                return self.resolve(obj, subject=True)
        return []

    def _agent_object(self, verb: Token) -> Token | None:
        """What the first passive agent of `verb` names ('launched by the RSF': the RSF)."""
        agent = next((c for c in self.kids[verb.i] if c.dep_ == "agent"), None)
        return next((g for g in self.kids[agent.i] if g.dep_ == "pobj"), None) if agent is not None else None

    def _attack_of_place(self, verb: Token) -> list[Actor]:
        """'NATO's attack on its embassy in Belgrade, which killed three journalists': the parser hangs
        the clause on the place; the attack it tells of is the doer's."""
        if verb.lemma_.lower() not in _KILLING_VERBS:
            return []
        t = verb.head
        for _ in range(4):
            if t.dep_ not in ("pobj", "prep") or t.head.i == t.i:
                return []
            t = t.head
            if t.lemma_.lower() in _ATTACK_NOUNS:
                poss = next((c for c in self.kids[t.i] if c.dep_ == "poss" and c.pos_ != "PRON"), None)
                return [a for a in self.resolve(poss, subject=True) if a.country] if poss is not None else []
        return []

    def _nominal_agent(self, verb: Token) -> list[Actor]:
        """'an attack by TTP fighters … in which eight soldiers were killed': the attack's author."""
        if verb.dep_ != "relcl":
            return []
        for c in self.kids[verb.head.i]:
            if c.dep_ == "prep" and c.lower_ == "by":
                obj = next((g for g in self.kids[c.i] if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self.resolve(obj, subject=True)
        if verb.head.lemma_.lower() in _ATTACK_NOUNS:
            # "NATO's missile attack on its embassy, which killed three journalists": NATO's
            poss = next((c for c in self.kids[verb.head.i] if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if poss is not None:
                return [a for a in self.resolve(poss, subject=True) if a.country]
        return []

    def _expelling_state(self, verb: Token) -> list[Actor]:
        """'Four Russian diplomats were ordered out of Britain', 'observers were expelled from
        Zimbabwe', 'were told to leave Kuwait': with no agent named, the state they must leave
        expels them."""
        if verb.lemma_.lower() not in _EXPELLING:
            return []
        places: list[Token] = []
        for c in self.kids[verb.i]:
            if c.dep_ == "prep" and c.lower_ in ("from", "out"):  # "expelled from X", "ordered out of X"
                places += [g for g in self.kids[c.i] if g.dep_ == "pobj"]
                places += [p for g in self.kids[c.i] if g.dep_ == "prep" for p in self.kids[g.i] if p.dep_ == "pobj"]
            elif c.dep_ == "xcomp" and c.lemma_.lower() == "leave":  # "told to leave X"
                places += [g for g in self.kids[c.i] if g.dep_ == "dobj"]
        for g in places:
            found = [a for a in self.resolve(g, subject=True) if a.country]
            if found:
                return found
        return []

    def _state_of_place(self, verb: Token) -> list[Actor]:
        """'A Canadian missionary was arrested in Lebanon', 'three Britons were detained in Dubai':
        with no agent named, the arrest, trial or inquiry on a state's soil of people not known to
        be its own is that state's, named as its authorities. Its own people held at home are left
        to the rule for domestic coercion (`events.coder`)."""
        if verb.lemma_.lower() not in _STATE_ACTS:
            return []
        held = {a.country for n in self.kids[verb.i] if n.dep_ == "nsubjpass" for a in self.resolve(n) if a.country}
        for c in self.kids[verb.i]:
            if c.dep_ == "prep" and c.lower_ == "in":
                obj = next((g for g in self.kids[c.i] if g.dep_ == "pobj"), None)
                idx = [t.i for t in obj.subtree] if obj is not None else []
                found = self.countries_in(idx, locative=True)
                if not found and (loc := self.location_in(idx, told_as_where=True)) is not None and loc.country:
                    found = [loc.country]
                if found and found[0] not in held:
                    return [authorities(found[0], f"authorities of {self.kb.countries.get(found[0], found[0])}")]
        return []

    def _text_author(self, subj: Token) -> list[Actor]:
        """'France's foreign ministry issued a statement on Monday. The statement called Algeria's
        decision unjustified': a definite statement, note or communique that acts is the text of the
        latest actor told as subject within the two sentences before (or earlier in its own)."""
        if subj.lemma_.lower() not in _TEXTS or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in self.kids[subj.i]):
            return []
        here = self.sent_index[subj.i]
        for m in reversed(self.mentions):
            if m.token >= subj.i or not m.subject:
                continue
            if self.sent_index[m.token] < here - 2:
                break
            found = [a for a in m.actors if a.country]
            if len(found) == 1:
                return found
        return []

    def _reporting_state(self, verb: Token) -> list[Actor]:
        """'The suspect has been handed over to American custody, Pakistan's interior minister said',
        'two journalists were arrested on Monday, police said': an act only a state does, told in
        the passive with no agent and no place, is the state of the official or organ that reports
        it."""
        if verb.lemma_.lower() not in _STATE_ACTS | _HANDING or verb.dep_ != "ccomp":
            return []
        say = verb.head
        if say.lemma_.lower() not in self.speech:
            return []
        subj = next((c for c in self.kids[say.i] if c.dep_ == "nsubj"), None)
        if subj is None:
            return []
        found = [a for a in self.resolve(subj, subject=True)
                 if a.country in self.kb.countries and (set(a.roles) & _REPORTING_ROLES or not a.roles)]
        return found[:1]

    def _holder(self, verb: Token) -> list[Actor]:
        """'The British sailors held by Iran for two weeks were freed': with no agent named, whoever
        held them frees them."""
        if verb.lemma_.lower() not in _FREEING:
            return []
        held = [c for n in self.kids[verb.i] if n.dep_ == "nsubjpass" for c in self.kids[n.i]
                if c.dep_ == "acl" and c.lemma_.lower() in _HOLDING]
        for c in held:
            obj = self._agent_object(c)
            found = [x for x in self.resolve(obj, subject=True) if x.country] if obj is not None else []
            if found:
                return found
        return []

    def _reattach_report(self, verb: Token) -> Token:
        """'X said that Y struck a school, and warned that …': the parser often hangs 'warned' on
        'struck'; a verb of saying conjoined inside a report belongs to the outer reporter."""
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _JUDGING | _ANSWERING
        verbal = verb.lemma_.lower() in self.speech or verb.lemma_.lower() in _JUDGING
        if not (verb.dep_ == "conj" and verbal or participle) \
                or verb.head.lemma_.lower() in self.speech or any(c.dep_.startswith("nsubj") for c in self.kids[verb.i]):
            return verb
        t = verb.head
        for _ in range(8):
            if t.head.i == t.i:
                return verb
            t = t.head
            if t.lemma_.lower() in _DIRECTIVE and t.pos_ == "VERB" and participle:
                return t  # "China demanded that Japan release them, calling it …": China called it
            if t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX"):
                # "Hezbollah said that it had not fired … and accused Israel": the reporter said it
                # first; a report told after ("…, and urged both sides, the ministry said") is narration
                return t if verb.lemma_.lower() in self.speech or t.i < verb.i else verb
        return verb

    def according_to(self, tok: Token) -> list[Actor]:
        """The source named by 'according to X' in the token's sentence."""
        sent, lower = self.sent_of(tok), self.arrays.lower
        for t in self.tokens[sent.start:sent.end]:
            if lower[t.i] == "according" and t.i + 1 < len(self.doc) and lower[t.i + 1] == "to":
                objs = [g for g in self.kids[self.doc[t.i + 1].i] if g.dep_ == "pobj"]
                if objs:
                    return self.resolve(objs[0])
        return []

    def sent_of(self, tok: Token) -> Span:
        """The token's sentence (spaCy recomputes `Token.sent` on every access)."""
        return self.sents[self.sent_index[tok.i]]
