"""What a statement says: a neutral "said that …" becomes a threat, an accusation, a demand, an
appeal or a verdict on an earlier act by what was said (docs/coding.md 10e, 11, 13).

A mixin of `events.coder._Coder`, which supplies the document's actors, the pattern book, the
events coded so far and the target look-ups of `targets.TargetFinder`.
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.extract.actors.index import ActorIndex
from tidings.extract.events.modality import FUTURE_AUX
from tidings.extract.events.patterns import PatternBook
from tidings.extract.syntax import that_clause
from tidings.models import Actor

_FUTURE_OR_WOULD = frozenset(FUTURE_AUX | {"would"})  # built once, not per token
_COPULAS = {"be", "become", "prove", "remain", "seem"}
# "saying it would risk drawing his country into the war": verbs of a forecast, not a threat
_FORECAST_VERBS = {"risk", "mean", "lead", "cause", "trigger", "spark", "harm", "hurt", "undermine", "jeopardise",
                   "jeopardize", "endanger", "damage", "complicate", "fuel", "worsen", "deepen", "escalate"}
# "the armed forces", "the air force": institutions, not force to be used
_FORCE_BODIES = {"armed", "air", "security", "special", "peacekeeping", "defence", "defense", "naval", "ground",
                 "police", "task", "border", "military", "coalition", "rapid", "support", "joint", "quds", "paramilitary"}
# "told a regular briefing that …": whom a statement was made to
_AUDIENCES = {"briefing", "conference", "reporter", "journalist", "meeting", "audience", "lawmaker", "parliament",
              "gathering", "summit", "session", "forum", "rally", "crowd", "assembly", "supporter", "delegate"}


class SpeechContent:
    """Codes a statement from its content, for `events.coder._Coder`."""

    actors: ActorIndex
    book: PatternBook
    _event_verbs: set[int]

    def _statement(self, verb: Token, code: str, source: list[Actor], target: list[Actor],
                   conf: float) -> tuple[str, list[Actor], float]:
        """A neutral 'said that …' takes its code from what was said: threat, accusation or statement."""
        comp = [c for c in self.actors.kids[verb.i] if c.dep_ in ("ccomp", "xcomp")] + [
            c for p in self.actors.kids[verb.i] if p.dep_ == "prep" for o in self.actors.kids[p.i] if o.dep_ == "pobj"
            for c in self.actors.kids[o.i] if c.dep_ in ("acl", "ccomp", "relcl") and that_clause(c)] + [
            # "told a regular briefing that Manila should …": the parser hangs the content on the audience
            c for o in self.actors.kids[verb.i] if o.dep_ == "dobj" and o.lemma_.lower() in _AUDIENCES
            for c in self.actors.kids[o.i] if c.dep_ in ("acl", "relcl") and that_clause(c)]
        if not comp:
            return code, target, conf
        tokens = [t for c in comp for t in c.subtree]
        # the content is an event of its own; one inside a relative clause ("the helicopter that
        # was captured") only describes a noun of it
        described = {d.i for t in tokens if t.dep_ in ("relcl", "acl") for d in t.subtree}
        if any(t.i in self._event_verbs and t.i not in described for t in tokens):
            return code, target, conf
        words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        text = " ".join(t.lower_ for t in tokens)
        src_c = {a.country for a in source if a.country}
        others: list[Actor] = []
        for t in tokens:
            if t.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "amod", "compound") or t.ent_type_ in ("GPE", "NORP"):
                for a in self.actors.resolve(t) if t.pos_ in ("PROPN", "NOUN", "ADJ") else []:
                    if a.country and a.country not in src_c and a not in others:
                        others.append(a)
        if not others:
            for c in self.actors.countries_in([t.i for t in tokens]):
                if c not in src_c:
                    others.append(self._country_actor(c))
        future = any(t.lower_ in _FUTURE_OR_WOULD for t in tokens)
        if code == "130" and not self._warning_threatens(tokens, words, text, src_c):
            # "warning that escalation would help nobody": a forecast, not a threat (CAMEO 012)
            return "012", (target or others[:1]), conf
        if code == "130":
            # "any attack on Guyana would have severe consequences for the government of X": X is threatened
            bearer = [a for t in tokens if t.lemma_.lower() in self.book.threat_cues for p in self.actors.kids[t.i]
                      if p.dep_ == "prep" and p.lower_ == "for" for o in self.actors.kids[p.i] if o.dep_ == "pobj"
                      for a in ([b for q in self.actors.kids[o.i] if q.dep_ == "prep" and q.lower_ == "of" for g in self.actors.kids[q.i]
                                 for b in self.actors.resolve(g)] or self.actors.resolve(o))  # "the government of X"
                      if a.country and a.country not in src_c]
            if bearer:
                return code, bearer[:1], conf
        # "said Mexico would not respond in kind": a reply ruled out threatens no one; nor does a
        # stance ("Moldova will not tolerate foreign money buying its democracy", "we will not allow
        # anyone to drag Libya back into war"), which names no act against anyone
        # ("had no plans to retaliate": ruled out as well)
        ruled_out = any(t.lemma_.lower() in self.book.threat_cues and t.pos_ == "VERB"
                        and (any(c.dep_ == "neg" for c in self.actors.kids[t.i])
                             or t.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "no"
                                                        for c in self.actors.kids[t.head.i])) for t in tokens)
        if code == "010" and future and self._threat_words(tokens) & self.book.threat_cues and not ruled_out \
                and self._threat_by_speaker(tokens, src_c):
            return "138", (others[:1] or self._adversary(source) or target), conf
        if code == "010" and future and (bound := self._ultimatum(tokens, src_c, only=True)):
            # "said Pyongyang would return to talks only after Washington unfroze its funds": a demand
            return "100", bound, conf
        if code == "010" and future and not ruled_out and (bound := self._ultimatum(tokens, src_c)):
            # "said the frontier would become a death zone unless Thai troops pulled back": a threat to
            # whoever must act to avert it
            return "130", bound, conf
        demand = self._obligation(comp, src_c)
        if code == "010" and demand:
            return demand[0], demand[1], conf
        if code == "010" and others:
            accused = self._subject_actors(tokens, src_c)
            if accused and (words & self.book.accusation_cues
                            or any(c in text for c in self.book.accusation_cues if " " in c)):
                return "112", accused[:1], conf
        if code == "010" and not others and (judged := self._judged_act(tokens, source)):
            return "111", judged, conf  # "said the raids were a flagrant violation": disapproval of the raider
        return code, (target or others[:1]), conf

    def _ultimatum(self, tokens: list[Token], src_c: set[str], only: bool = False) -> list[Actor]:
        """The party a condition binds: the subject of an 'unless' clause, or of an 'if' clause that
        is negated ('if the army did not quit Heglig'), when it is another state's. With `only`, of
        a precondition instead ('only after Washington unfroze the funds', 'only if …')."""
        kids = self.actors.kids
        for t in tokens:
            marks = {m.lower_ for m in kids[t.i] if m.dep_ == "mark"}
            if t.dep_ != "advcl":
                continue
            if only and not (marks & {"if", "after", "once", "when"} and any(
                    c.dep_ == "advmod" and c.lower_ == "only" for c in kids[t.i])):
                continue
            if not only and not (marks & {"unless"} or "if" in marks and any(c.dep_ == "neg" for c in kids[t.i])):
                continue
            for c in kids[t.i]:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    bound = [a for a in self.actors.resolve(c) if a.country and a.country not in src_c]
                    if bound:
                        return bound[:1]
        return []

    def _judged_act(self, tokens: list[Token], source: list[Actor]) -> list[Actor]:
        """'the raids were "a flagrant violation of the ceasefire"', 'the decision was unjust': a
        verdict on an act told before, whose doer is its target (the speaker's own acts aside)."""
        kids = self.actors.kids
        for t in tokens:
            if t.dep_ != "nsubj" or t.pos_ != "NOUN" or t.head.lemma_.lower() not in _COPULAS or not any(
                    d.lower_ in ("the", "this", "these", "those", "such") for d in kids[t.i]):
                continue
            verdict = {w for c in kids[t.head.i] if c.dep_ in ("attr", "acomp") for d in c.subtree
                       for w in (d.lemma_.lower(), d.lower_)}
            if verdict & self.book.accusation_cues and not verdict & {"not", "no", "never"}:
                return self._last_actor_of_previous_event(source, noun=t)
        return []

    def _threat_words(self, tokens: list[Token]) -> set[str]:
        """Words of what was said that can carry a threat: 'force' in 'the armed forces' or 'the air
        force' names an institution, not force to be used ('with full force' still threatens), and a
        reply in a 'before' clause is a time."""
        kids = self.actors.kids
        # "would study the measures before responding": a reply named as a time, not promised
        when = {d.i for t in tokens if t.dep_ in ("pcomp", "advcl") and (
            t.head.lower_ in ("before", "until") or any(m.dep_ == "mark" and m.lower_ in ("before", "until")
                                                        for m in kids[t.i])) for d in t.subtree}
        return {w for t in tokens if t.i not in when and not (t.lemma_.lower() == "force" and any(
            c.dep_ in ("amod", "compound") and c.lower_ in _FORCE_BODIES for c in kids[t.i])) and not (
            t.lemma_.lower() == "measure" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                  for c in kids[t.i]))  # "study the measures": others'
            for w in (t.lemma_.lower(), t.lower_)}

    def _warning_threatens(self, tokens: list[Token], words: set[str], text: str, src_c: set[str]) -> bool:
        """Whether what a speaker 'warned' is a threat: it names retaliation or force, an act the
        speaker's side would do ('Warsaw would shoot down …'), or a price someone would pay. A
        forecast about a state of affairs ('escalation would help nobody') threatens no one."""
        judged = {d.i for t in tokens if t.dep_ == "nsubj" and t.head.lemma_.lower() in _COPULAS
                  and any(c.dep_ == "acomp" for c in self.actors.kids[t.head.i]) for d in t.subtree}
        # "nothing can justify a war waged in defiance of the law": a judgment about no one's act
        judged |= {d.i for t in tokens if t.dep_ == "nsubj" and t.lower_ in ("nothing", "nobody", "none", "no-one")
                   for d in t.head.subtree}
        said = [t for t in tokens if t.i not in judged]  # "a new war would be catastrophic": a judgment
        words = self._threat_words(said)
        text = " ".join(t.lower_ for t in said)
        if words & self.book.threat_cues or any(c in text for c in self.book.threat_cues if " " in c):
            return True
        for t in tokens:
            if t.dep_ in ("nsubj", "nsubjpass"):
                if t.lower_ in ("we", "it", "they") or t.head.lemma_.lower() in self.book.threat_on_subject:
                    return True
                if any(d.dep_ == "poss" and d.lower_ in ("our", "its", "their") for d in self.actors.kids[t.i]):
                    return True  # "its patience has limits"
                cs = {a.country for a in self.actors.resolve(t) if a.country}
                if cs and cs <= src_c:
                    return True
            if t.pos_ == "VERB" and any(m[0].code[:2] >= "13" for m in self.book.matches(t, self.actors.kids)):
                return True  # "firms trading with Israel would be targeted"
        return False

    def _obligation(self, comp: list[Token], src_c: set[str]) -> tuple[str, list[Actor]] | None:
        """'Russia said Sudan must return the helicopter': a demand (100) of the one who must;
        'should' makes it an appeal (020)."""
        for clause in comp:
            modal = next((c.lower_ for c in self.actors.kids[clause.i] if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
            if modal is None and clause.lemma_.lower() in ("have", "need") and any(
                    x.dep_ == "xcomp" and any(a.lower_ == "to" for a in self.actors.kids[x.i]) for x in self.actors.kids[clause.i]):
                modal = "must"  # "told reporters that Qatar had to end its support for Hamas"
            if modal is None:
                continue
            subj = next((c for c in self.actors.kids[clause.i] if c.dep_ in ("nsubj", "nsubjpass")), None)
            who = [a for a in self.actors.resolve(subj) if a.country and a.country not in src_c] if subj is not None else []
            if who:
                return ("100" if modal == "must" else "020"), who
        return None

    def _subject_actors(self, tokens: list[Token], src_c: set[str]) -> list[Actor]:
        """Other actors that are the subject (or its possessor) of a clause in the content."""
        out: list[Actor] = []
        for t in tokens:
            author = t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.dep_ in ("nsubj", "nsubjpass")
            if t.dep_ in ("nsubj", "nsubjpass") or author or (  # "the launch by North Korea was a violation"
                    t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass")):
                for a in self.actors.resolve(t):
                    if a.country and a.country not in src_c:
                        out.append(a)
        return out

    def _threat_by_speaker(self, tokens: list[Token], src_c: set[str]) -> bool:
        """Whether a future act in what was said is the speaker's own ('we will respond'), is done
        to someone ('they will pay a heavy price', 'any attack would be met with …'), and not a
        claim about another's plans ('India would carry out military action')."""
        others = forecast = False
        for t in tokens:
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if t.lower_ in ("it", "this", "that") and t.head.lemma_.lower() in _FORECAST_VERBS:
                forecast = True  # "saying it would risk drawing his country into the war": a forecast
                continue
            if t.lemma_.lower() in self.book.threat_cues | {"we", "it", "they"}:
                return True
            if t.head.lemma_.lower() in self.book.threat_on_subject:
                return True
            cs = {a.country for a in self.actors.resolve(t) if a.country}
            if cs and cs <= src_c:
                return True
            others = others or bool(cs - src_c)
        return not others and not forecast
