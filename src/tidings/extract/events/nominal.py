"""Acts told through a noun rather than a finite verb: consultations in a prepositional phrase
('during her call with X', 'after a telephone conversation between A and B', 'agreed in
bilateral talks'), sanctions, suspensions and expulsions with a stated author ('joint sanctions
on the country by Canada and Norway', 'the suspension of the pact by Colombia'), and participles
and infinitives that tell a done act ('the measures imposed by Japan', 'a truce brokered by A and
B', 'the bloc's decision to impose penalties on …').

Only acts that happened count: the clause the noun belongs to must itself be realis, and the
noun must not be planned, proposed or ahead. `NominalActs` is a mixin of `events._Coder`, which
supplies the document, its actors, the pattern book, dating and emitting (see docs/coding.md).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Span, Token

from tidings.extract.actors.base import actor_code
from tidings.extract.events.modality import verb_mode
from tidings.models import Actor

_DONE_PREPS = {"during", "in", "at", "after", "following", "on", "over"}  # not "before", "ahead of", "for"
_DONE_OR_AUTHOR_PREPS = frozenset(_DONE_PREPS | {"of", "against", "to", "with", "by", "among"})
_UNDONE_MODS = {"planned", "proposed", "possible", "future", "upcoming", "expected", "next", "potential",
                "scheduled", "prospective", "new"}
_DECISION_NOUNS = {"decision", "move"}
_MUTUAL_ROOTS = {"05"}  # acts of two authors together: a signing
# what is done to the people a participle describes: "traffickers handed over to U.S. authorities by
# Mexico", "activists detained by police" tell the act, not who they are
_DONE_TO_PEOPLE = frozenset({"hand", "extradite", "deport", "expel", "arrest", "detain", "free", "release",
                             "seize", "abduct", "kidnap", "kill", "execute", "jail", "sentence", "repatriate"})
_HOSTING_VERBS = {"host", "mediate", "broker", "chair", "facilitate", "organise", "organize", "convene", "sponsor"}  # "its decision to send home staff": the act was taken


class NominalActs:
    """Nominal consultations and nominal sanctions for `events._Coder`."""

    # ---- participles and infinitives ----------------------------------------------------------------
    def _nominal_done(self, verb: Token) -> bool:
        """'the measures imposed by Japan', 'a truce brokered by Qatar', 'the EU's decision to impose
        sanctions': a participle with its author, or the infinitive of a decision, tells an act that
        was done when the clause around the noun is itself a plain statement of fact."""
        noun = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in self.actors.kids[verb.i]):
            if self.actors.resolve(noun) and verb.lemma_.lower() not in _DONE_TO_PEOPLE:
                return False  # "troops backed by AU forces": a description of an actor
        elif verb.dep_ in ("acl", "xcomp") and verb.tag_ == "VB" and noun.lemma_.lower() in _DECISION_NOUNS \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in self.actors.kids[verb.i]):
            pass
        else:
            return False
        return self._noun_done(noun)

    def _decision_author(self, verb: Token) -> list[Actor]:
        """Who took the decision: its possessor ('the European Union's decision'), else whoever
        announced it."""
        if verb.dep_ in ("acl", "xcomp") and verb.head.lemma_.lower() in _DECISION_NOUNS:
            poss = next((c for c in self.actors.kids[verb.head.i] if c.dep_ == "poss"), None)
            if poss is not None:
                return self.actors.resolve(poss, subject=True)
        return []

    def _noun_done(self, noun: Token) -> bool:
        """A definite noun phrase presupposes its act ('protest the measures imposed by Japan' even
        inside a purpose clause), unless it is planned ('proposed talks'), hypothetical ('any attack
        carried out by …') or the clause around it is negated, conditional, asked or future."""
        if any(c.lower_ in _UNDONE_MODS for c in self.actors.kids[noun.i] if c.dep_ in ("amod", "compound")):
            return False
        if any(c.dep_ == "det" and c.lower_ in ("any", "no", "every") for c in self.actors.kids[noun.i]):
            return False
        gov = _clause_verb(noun)
        if gov is None:
            return False
        if noun.dep_ == "pobj" and noun.head.lower_ not in _DONE_OR_AUTHOR_PREPS:
            return False
        return verb_mode(gov, self.actors.span_text(self.actors.sent_of(gov)), self.book,
                         self.actors.kids[gov.i]).status in ("realis", "governed", "habitual")

    # ---- nouns with an author: sanctions, suspensions, expulsions ---------------------------------------
    def code_nominal_acts(self, sent: Span, si: int) -> None:
        """Consultations in nouns and authored sanctions nouns of one sentence."""
        pos, lemmas = self.actors.arrays.pos, self.actors.arrays.lemmas
        for i in range(sent.start, sent.end):
            if pos[i] not in ("NOUN", "PROPN"):
                continue
            noun, lemma = self.actors.tokens[i], lemmas[i]
            if lemma in self.book.nominal_consults:
                self._nominal_consult(noun, sent, si, self.book.nominal_consults[lemma])
            elif lemma in self.book.nominal_acts:
                self._authored_act(noun, sent, si, self.book.nominal_acts[lemma])
            elif lemma in self.book.nominal_reactions:
                self._drawn_reaction(noun, sent, si, self.book.nominal_reactions[lemma])
            if lemma in self.book.nominal_force:
                self._adjective_attack(noun, sent, si, self.book.nominal_force[lemma])
            if lemma in self.book.nominal_crowds and noun.dep_ == "nsubj":
                self._crowd_noun(noun, sent, si, self.book.nominal_crowds[lemma])
            elif lemma in self.book.nominal_crowds or lemma in self.book.crowd_done_nouns:
                found = self._crowd_took_place(noun)
                if found is not None:
                    code = self.book.nominal_crowds.get(lemma) or self.book.crowd_done_nouns[lemma]
                    self._crowd_noun(noun, sent, si, code, *found)
            if lemma in self.book.nominal_requests:
                self._drawn_reaction(noun, sent, si, self.book.nominal_requests[lemma], answered=True)
            if pos[i] == "NOUN":
                self._hyphen_broker(noun, sent, si)

    def _adjective_attack(self, noun: Token, sent: Span, si: int, code: str) -> None:
        """'Two days after an Iranian missile and drone attack on its soil', 'Israel's strikes on
        Sanaa': force told by a noun, its author a state adjective or possessor, its target the
        'on' or 'against' party; only where the clause around it states it as fact."""
        kids = self.actors.kids[noun.i]
        # "an Iranian missile and drone attack": the adjective hangs on the first of the conjoined nouns
        mods = kids + (self.actors.kids[noun.head.i] if noun.dep_ == "conj" else [])
        author = next((c for c in mods if c.dep_ == "poss" and c.pos_ == "PROPN"), None) or next(
            (c for c in mods if c.dep_ in ("amod", "compound") and c.i in self.actors.names and any(
                e.kind in ("demonym", "country") for e in self.actors.names[c.i].entries)), None)
        victim = _pobj(noun, "on") or _pobj(noun, "against")
        if author is None or victim is None or not self._noun_done(noun):
            return
        if any(c.dep_ == "det" and c.lower_ in ("any", "no", "a", "an") for c in kids) and noun.dep_ == "dobj":
            return  # "threatened a strike on …", "ruled out an attack": not told as done
        source = [a for a in self.actors.resolve(author, subject=True) if a.country]
        src_c = {a.country for a in source}
        poss = next((c for c in self.actors.kids[victim.i] if c.dep_ == "poss"), None)
        # "on its soil", "on its embassy in Belgrade": the possessor's
        whose = [a for a in self.actors.resolve(poss) if a.country] if poss is not None else []
        if poss is not None and poss.pos_ == "PRON" and {a.country for a in whose} <= src_c:
            gov = _clause_verb(noun)  # "Pakistan struck Iran, two days after an Iranian attack on its soil"
            whose = [a for a in self.actors.subject_of(gov) if a.country] if gov is not None else []
        target = [a for a in (whose or self.actors.resolve(victim)) if a.country and a.country not in src_c]
        if not target:  # "on villages in Balochistan": whose ground
            loc = self.actors.location_in([t.i for t in victim.subtree])
            country = loc.country if loc else None
            target = [self._country_actor(country)] if country and country not in src_c else []
        if not source or not target:
            return
        self._emit_nominal(si, sent, noun, _clause_verb(noun), code, source, target,
                           f"nominal:{noun.lemma_.lower()}", sym=False)

    def _crowd_took_place(self, noun: Token) -> tuple[Token, Token] | None:
        """The verb that tells a protest noun took place though no crowd verb says so ('fired tear gas
        to break up a banned rally', 'bowing to five days of strikes and road blockades', 'poured into
        the square in protest at the runoff', 'amid protests'), or None. Of conjoined crowd nouns
        only the first counts: 'strikes, road blockades and street protests' were one campaign.
        Returns the clause's verb and the word that tells it (the dispersing or bowing verb, the
        preposition)."""
        crowd_nouns = self.book.nominal_crowds.keys() | self.book.crowd_done_nouns.keys()
        n = noun
        while n.dep_ == "conj" and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head
            if n.lemma_.lower() in crowd_nouns:
                return None
        if n.dep_ == "dobj":
            heads, above = self.book.crowd_done.get("dobj"), n.head
        elif n.dep_ == "pobj":
            heads, above = self.book.crowd_done.get(n.head.lower_), n.head.head
        else:
            return None
        if heads is None:
            return None
        if noun.lemma_.lower() in self.book.crowd_done_nouns and any(  # "weeks of Israeli strikes on Gaza"
                c.dep_ in ("amod", "compound", "poss") and c.i in self.actors.names
                or c.dep_ == "prep" and c.lower_ in ("on", "against") for c in self.actors.kids[noun.i]):
            return None
        if heads and not (self._phrasal_in(above, heads) or above.dep_ in ("advcl", "conj", "xcomp")
                          and above.pos_ == "VERB" and n.dep_ == "pobj" and self._phrasal_in(above.head, heads)):
            return None
        gov = above if above.pos_ == "VERB" else _clause_verb(above)
        teller = n.head
        if teller.lower_ == "of" and above.dep_ == "pobj" and above.head.lower_ == "to" and self._phrasal_in(
                above.head.head, self.book.crowd_done.get("to", frozenset())):
            teller = above.head  # "bowing to five days of strikes": faced by who bowed
        return (gov, teller) if gov is not None else None

    def _crowd_noun(self, noun: Token, sent: Span, si: int, code: str, gov: Token | None = None,
                    teller: Token | None = None) -> None:
        """'Protests over the jailing spread to dozens of cities', 'demonstrations erupted in Lhasa':
        the crowd of the place the sentence names (else of the story's country) against its own state.
        With `gov`, the verb `_crowd_took_place` found instead of a crowd verb; then the crowd is of
        the place the sentence names, else of whoever dispersed it or bowed to it (`teller`'s
        subject), else none: 'described the handling of weeks of road blockades' says not where."""
        if gov is None:
            gov = noun.head
            if gov.pos_ != "VERB" or not self._phrasal_in(gov, self.book.crowd_verbs):
                return
        if any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in self.actors.kids[noun.i]):
            return
        if any(c.dep_ in ("amod", "compound") and c.lower_ in ("air", "missile", "drone") for c in self.actors.kids[noun.i]):
            return
        if gov.dep_ == "advcl" and gov.head.pos_ == "VERB" and noun.dep_ == "dobj" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in self.actors.kids[gov.i]):
            gov = gov.head  # "fired tear gas to break up a rally": the rally was there, whatever the aim
        if verb_mode(gov, self.actors.span_text(sent), self.book, self.actors.kids[gov.i]).status != "realis":
            return
        if teller is None:
            where = list(range(sent.start, sent.end))
        else:  # where the protest or the crowd's move was: "a rally in central Nairobi", "poured into Kiev"
            # ("poured into Kiev's Independence Square …, waving flags in protest": the move's place)
            movers = (gov, gov.head) if gov.dep_ in ("advcl", "conj") else (gov,)
            where = [t.i for t in noun.subtree] + [
                t.i for v in movers for c in self.actors.kids[v.i]
                if c.dep_ == "prep" and c.lower_ in ("in", "into", "at", "outside", "across") for t in c.subtree]
        here = self.actors.location_in(where, told_as_where=True)
        country = here.country if here and here.country in self.actors.kb.countries else None
        if country is None and teller is None:
            country = self.actors.main_country()
        elif country is None and (teller.pos_ == "VERB" or teller.lower_ == "to"):
            faced = {a.country for a in self.actors.subject_of(teller if teller.pos_ == "VERB" else teller.head)
                     if a.country}
            country = next(iter(faced)) if len(faced) == 1 else None
        if country is None or country not in self.actors.kb.countries:
            return
        crowd = Actor(text=noun.text, name=f"protesters ({country})", code=actor_code(country, ["CVL"]),
                      country=country, roles=["CVL"])
        dated = self._date_of(gov)
        self._emit(si, sent, noun, code, crowd, self._country_actor(country), dated, None, 0.7,
                   f"nominal:{noun.lemma_.lower()}", None, sym=False)

    def _phrasal_in(self, verb: Token, verbs: frozenset[str]) -> bool:
        """Whether the verb, bare or with its particle ('broke out', 'brushed aside': the parser
        calls "aside" an adverb), is one of `verbs`."""
        lemma = verb.lemma_.lower()
        particle = next((f"{lemma} {c.lower_}" for c in self.actors.kids[verb.i]
                         if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ == "aside"), lemma)
        return lemma in verbs or particle in verbs

    def _drawn_reaction(self, noun: Token, sent: Span, si: int, code: str, answered: bool = False) -> None:
        """'…, drawing swift condemnation from Tbilisi', 'in a move that drew a rebuke from the White
        House': the author of the reaction ('from X') reacts to whoever did the act that drew it.
        With `answered`, a request answered by its addressee: 'brushing aside appeals from
        Washington' (the appeal was made to whoever brushed it aside)."""
        gov = noun.head
        if noun.dep_ == "pobj" and gov.lower_ == "with" and gov.head.lemma_.lower() == "meet":
            gov = gov.head  # "the plan was met with criticism from Ankara"
        elif noun.dep_ != "dobj":
            return
        if not self._phrasal_in(gov, self.book.answer_verbs if answered else self.book.reaction_verbs) \
                or gov.pos_ != "VERB":
            return
        author = _pobj(noun, "from") or _pobj(noun, "by") or _pobj(gov, "from") or (next(
            (c for c in self.actors.kids[noun.i] if c.dep_ == "poss" and c.pos_ == "PROPN"), None) if answered else None)
        if author is None or verb_mode(gov, self.actors.span_text(self.actors.sent_of(gov)), self.book,
                                       self.actors.kids[gov.i]).status != "realis":
            return
        source = [a for a in self.actors.resolve(author, subject=True) if a.country]
        doer = gov
        if gov.dep_ == "relcl":  # "in a move that drew …": the act the move was
            doer = _clause_verb(gov.head.head) if gov.head.dep_ == "pobj" else None
        if doer is None:
            return
        src_c = {a.country for a in source}
        passive = next((c for c in self.actors.kids[doer.i] if c.dep_ == "nsubjpass"), None)
        found = self.actors.resolve(passive) if passive is not None and doer is gov else self.actors.subject_of(doer)
        target = [a for a in found if a.country and a.country not in src_c]
        if not source or not target:
            return
        self._emit_nominal(si, sent, noun, gov, code, source, target, f"nominal:{noun.lemma_.lower()}", sym=False)

    def _authored_act(self, noun: Token, sent: Span, si: int, code: str) -> None:
        """'joint sanctions on the country by Canada, Australia and Norway', 'the suspension of the
        trade pact by Colombia': the 'by' phrase names who acted; 'on/against' whom, else the one
        reacting to it ('Ecuador protested against the suspension …')."""
        by = _pobj(noun, "by")
        of = _pobj(noun, "of")
        if by is None and of is not None:
            by = _pobj(of, "by")  # "the suspension of the trade pact by Colombia"
        if by is None and noun.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in self.actors.kids[noun.head.i]):
            by = _pobj(noun.head, "by")  # "denounced the sanctions on the country by Canada": misattached
        if by is None or not self._noun_done(noun):
            return
        source = [a for a in self.actors.resolve(by, subject=True) if a.country]
        if not source:
            return
        src_c = {a.country for a in source}
        if code[:2] in _MUTUAL_ROOTS and len(src_c) > 1:
            # "the signing of a peace treaty by the presidents of Peru and Ecuador": with each other
            self._emit_nominal(si, sent, noun, _clause_verb(noun), code, source[:1], source[1:],
                               f"nominal:{noun.lemma_.lower()}", sym=True)
            return
        target: list[Actor] = []
        for prep in ("on", "against", "of", "with"):
            obj = _pobj(noun, prep)
            if obj is not None:
                target = [a for a in self.actors.resolve(obj) if a.country and a.country not in src_c]
                if target:
                    break
        gov = _clause_verb(noun)
        if not target and gov is not None:
            target = [a for a in self.actors.subject_of(gov) if a.country and a.country not in src_c]
        if not target and gov is not None:  # "on the country": the country the story is about
            main = self.actors.main_country()
            target = [self._country_actor(main)] if main and main not in src_c else []
        if not target:
            return
        self._emit_nominal(si, sent, noun, gov, code, source, target, f"nominal:{noun.lemma_.lower()}", sym=False)

    # ---- consultations in nouns ---------------------------------------------------------------------
    def _nominal_consult(self, noun: Token, sent: Span, si: int, code: str) -> None:
        """'During her call with X, Y voiced …', 'in a phone conversation with X, Y said …',
        'after a telephone conversation between A and B', 'agreed in bilateral talks in Geneva'."""
        hosted = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _HOSTING_VERBS and _pobj(noun, "between") is not None \
            and verb_mode(noun.head, self.actors.span_text(self.actors.sent_of(noun.head)), self.book,
                          self.actors.kids[noun.head.i]).status == "realis"  # not "offered to host talks"
        paired = self._paired_parties(noun) if self._told_as_subject(noun) else []
        if not hosted and not paired and (noun.dep_ != "pobj" or noun.head.lower_ not in _DONE_PREPS) \
                or not self._noun_done(noun):
            return  # ("Qatar mediated talks between Rwanda and Congo": those two talked)
        gov = _clause_verb(noun)
        if gov is None:
            return
        parties: list[Actor] = []
        between = _pobj(noun, "between")
        with_ = _pobj(noun, "with")
        if paired:
            source, target = paired[:1], paired[1:2]
        elif between is not None:
            parties = [a for a in self.actors.resolve(between) if a.country]
            if len({a.country for a in parties}) < 2:  # "between Egyptian President X and Turkish President Y"
                named = self.actors.countries_in([t.i for t in between.head.subtree])
                parties = parties if len(named) < 2 else [self._country_actor(c) for c in named]
            source, target = parties[:1], parties[1:]
        elif with_ is not None:
            target = [a for a in self.actors.resolve(with_) if a.country]
            source = [a for a in self.actors.subject_of(gov) if a.country]
        elif gov.lemma_.lower() in _HOSTING_VERBS:
            return  # "the truce, brokered by Saudi Arabia and the United States after talks …": hosts
        else:  # "the United States and China agreed in bilateral talks"
            both = [a for a in self.actors.subject_of(gov) if a.country]
            source, target = both[:1], both[1:]
        target = [t for t in target if all(t.country != s.country for s in source)]
        if not source or not target:
            return
        self._emit_nominal(si, sent, noun, gov, code, source, target, f"nominal:{noun.lemma_.lower()}", sym=True)

    def _hyphen_broker(self, noun: Token, sent: Span, si: int) -> None:
        """'a French-brokered ceasefire between Russia and Georgia', 'a Qatari-mediated deal with
        Hamas': the state before the hyphen mediated (CAMEO 045) between the parties the noun or
        its clause names, if the clause states the deal as a fact."""
        kids = self.actors.kids
        part = next((c for c in kids[noun.i] if c.dep_ == "amod" and c.tag_ == "VBN"
                     and c.lemma_.lower() in ("broker", "mediate", "sponsor")), None)
        if part is None:
            return
        mod = next((c for c in kids[part.i] if c.dep_ in ("npadvmod", "compound", "amod") and c.i < part.i), None)
        if mod is None or not self._noun_done(noun):
            return
        broker = [a for a in self.actors.resolve(mod, subject=True) if a.country]
        if not broker:
            return
        own = {a.country for a in broker}
        between, with_ = _pobj(noun, "between"), _pobj(noun, "with")
        parties = [a for a in self.actors.resolve(between) if a.country] if between is not None else []
        if not parties:
            gov = _clause_verb(noun)
            parties = ([a for a in self.actors.subject_of(gov) if a.country] if gov is not None else []) \
                + ([a for a in self.actors.resolve(with_) if a.country] if with_ is not None else [])
        target = [a for a in parties if a.country not in own]
        if target:
            self._emit_nominal(si, sent, noun, _clause_verb(noun), "045", broker[:1], target,
                               f"nominal:{part.lemma_.lower()}", sym=False)

    def _told_as_subject(self, noun: Token) -> bool:
        """'Israeli-Syrian talks resumed …', 'eight days of Israeli-Syrian negotiations broke up …':
        the consultation is what the clause is about, so it took place if the clause is a fact."""
        if noun.dep_ in ("nsubj", "nsubjpass"):
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("nsubj", "nsubjpass")

    def _paired_parties(self, noun: Token) -> list[Actor]:
        """The two states a consultation noun names before it ('Israeli-Syrian talks', 'U.S.-China
        negotiations'), or between whom ('talks between Kigali and Kinshasa'); [] unless two."""
        between = _pobj(noun, "between")
        if between is not None:
            named = self.actors.countries_in([t.i for t in between.subtree])
        else:
            before = [t for t in noun.subtree if t.i < noun.i and t.dep_ not in ("det", "nummod", "poss")]
            named = self.actors.countries_in([t.i for t in before])
            for t in before:  # "U.S.-China" is one token to the tokenizer
                if "-" in t.text and t.i not in self.actors.names:
                    for part in t.text.split("-"):
                        entries = [e for e in self.actors.kb.names.get(part, [])
                                   if e.kind in ("country", "demonym", "capital")]
                        if len({e.country for e in entries}) == 1 and entries[0].country not in named:
                            named.append(entries[0].country)
        named = [c for c in named if c in self.actors.kb.countries]
        return [self._country_actor(c) for c in named[:2]] if len(named) >= 2 else []

    def _emit_nominal(self, si: int, sent: Span, noun: Token, gov: Token | None, code: str,
                      source: list[Actor], target: list[Actor], rule: str, sym: bool) -> None:
        """Emit one event per pair, dated by a time phrase on the noun itself ('a conversation …
        on 3 June') before that of the clause it belongs to ('two days after an attack': that many
        days before the clause's day, when it has one)."""
        own = self._own_date(noun)
        dated = own or self._date_of(gov if gov is not None else noun)
        head = noun.head if noun.dep_ == "conj" else noun  # "two days after an attack", "a day after sanctions"
        days_before = self._days_before(head.head) if head.dep_ == "pobj" and head.head.lower_ == "after" else 0
        if not own and days_before and dated.precision == "day":
            dated = dataclasses.replace(dated, date=dated.date - dt.timedelta(days=days_before))
        for s in source:
            for t in target:
                if s.country == t.country:
                    continue
                self._emit(si, sent, noun, code, s, t, dated, None, 0.8, rule, None, sym=sym)

    def _own_date(self, noun: Token):
        for c in self.actors.kids[noun.i]:
            if c.dep_ == "prep" and c.lower_ in ("on", "in"):
                for g in self.actors.kids[c.i]:
                    if g.i in self._timex_tokens:
                        return self._timex_date(g.i)
        return None


def _pobj(noun: Token, prep: str) -> Token | None:
    """The object of a preposition hanging from the noun ('talks with X'), or from the verb or
    participle right above it ('sanctions imposed on X')."""
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == prep:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a noun belongs to."""
    t = tok
    for _ in range(10):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "amod"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None
