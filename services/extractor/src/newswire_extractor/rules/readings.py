"""Whether a trigger is read in its political sense: a war of words is no ASSAULT, showing is no
PROTEST, granting a point is no AGREE or CONCEDE, a warning of danger is no THREATEN, a migrant's
plea is no REQUEST, a private thank-you is no SUPPORT; and whether an event noun is a suspicion or
a trend rather than one asserted happening. Precision first: each answer drops the event."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newswire_contracts import Actor
from newswire_extractor.rules.lang import Language
from newswire_extractor.rules.syntax import children, conjuncts, lemma, prep_objects
from newswire_extractor.rules.triggers import Match

_SUBJECTS = ("nsubj", "nsubjpass")
_POLITICAL_KINDS = frozenset({"GPE", "IGO", "NORP"})
_POLITICAL_SECTORS = frozenset({"GOV", "IGO", "MIL"})


class Readings:
    """Sense checks over a trigger and its parsed clause; each answers with a reason or None."""

    def __init__(self, language: Language) -> None:
        self._verbal = language["verbal.verbs"]
        self._speakers = language["verbal.speakers"]
        self._venues = language["verbal.venues"]
        self._remarks = language["verbal.remarks"]
        self._verbal_adverbs = language["verbal.adverbs"]
        self._time_nouns = language["verbal.time_nouns"]
        self._showing = language["showing.verbs"]
        self._agree = language["granting.agree"]
        self._concede = language["granting.concede"]
        self._states = language["granting.states"]
        self._commitments = language["granting.commitments"]
        self._facts = language["granting.facts"]
        self._hedged = language["granting.hedged"]
        self._own = language["warning.own"]
        self._acts = language["warning.acts"]
        self._consequences = language["warning.consequences"]
        self._responses = language["warning.responses"]
        self._personal = language["seeking.personal"]
        self._goals = language["seeking.goals"]
        self._rebutting = language["rebuttal.verbs"]
        self._defending = language["defending.verbs"]
        self._bodies = language["governing.bodies"]
        self._claims = language["rebuttal.claims"]
        self._pledging = language["pledge.verbs"]
        self._platforms = language["pledge.platforms"]
        self._thanks = language["thanks.verbs"]
        self._suspected = language["unasserted.modifiers"]
        self._trends = language["unasserted.trends"]
        self._span_modifiers = language["unasserted.span_modifiers"]
        self._span_nouns = language["unasserted.span_nouns"]
        self._span_preps = language["unasserted.span_preps"]
        self._since_heads = language["unasserted.since_heads"]

    def reason(self, match: Match, event_type: str, targets: Sequence[Actor]) -> str | None:
        """Why the trigger is not a political event of this type here, or None."""
        if match.is_noun:
            return self._unasserted_noun(match.word) or self._summed_up(match.head)
        verb = match.word
        word = lemma(verb)
        return (
            self._summed_up(match.head)
            or (self._verbal_sense(verb, word) if event_type == "ASSAULT" else None)
            or (self._voted_control(verb) if event_type == "ASSAULT" else None)
            or (self._showing_sense(verb) if word in self._showing else None)
            or (self._granted(verb, word) if event_type in ("AGREE", "CONCEDE") else None)
            or (self._warned(verb) if event_type == "THREATEN" and word == "warn" else None)
            or (self._personal_plea(verb) if event_type == "REQUEST" and word == "seek" else None)
            or (
                self._rebuttal(verb) if event_type == "REJECT" and word in self._rebutting else None
            )
            or (self._own_defence(verb) if word in self._defending else None)
            or (self._pledge(verb) if word in self._pledging else None)
            or (self._private_thanks(targets) if word in self._thanks else None)
        )

    # ------------------------------------------------------------------ word senses
    def _verbal_sense(self, verb: Token, word: str) -> str | None:
        return self._war_of_words(verb) if word in self._verbal else None

    def _war_of_words(self, verb: Token) -> str | None:
        """'clashed with the prime minister in a debate', 'attacked the president for his
        handling of the economy', 'attacked the proposal as reckless': words, not force."""
        subjects = [t for s in children(verb, *_SUBJECTS) for t in conjuncts(s)]
        others = [t for o in children(verb, "dobj") for t in conjuncts(o)]
        others += list(prep_objects(verb, {"with", "against"}))
        speaking = bool(subjects) and all(self._speaker(t) for t in subjects)
        if speaking and others and all(self._speaker(t) or self._remark(t) for t in others):
            return "war of words"
        if others and all(self._remark(t) for t in others):
            return "war of words"
        if any(t.lower_ in self._verbal_adverbs for t in children(verb, "advmod")):
            return "war of words"
        # 'hit back at the claim' (not 'hit back at X with rockets')
        answered = any(lemma(p) == "back" for p in children(verb, "prt", "advmod"))
        preps = {lemma(p) for p in children(verb, "prep")}
        if answered and "at" in preps and "with" not in preps:
            return "war of words"
        for prep in children(verb, "prep"):
            objects = children(prep, "pobj")
            if lemma(prep) == "as":
                return "war of words"  # 'attacked the plan as reckless'
            if lemma(prep) in ("in", "during", "at", "on") and any(
                lemma(o) in self._venues for o in objects
            ):
                return "war of words"
            timed = any(self._time(o) for o in objects)
            if lemma(prep) in ("for", "over") and speaking and objects and not timed:
                return "war of words"  # 'the senator attacked him for his record'
            if lemma(prep) == "for" and any(p.tag_ == "VBG" for p in children(prep, "pcomp")):
                return "war of words"  # 'attacked the minister for failing to act'
        return None

    def _speaker(self, token: Token) -> bool:
        if token.ent_type_ == "PERSON":
            return True
        if token.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
            return False
        words = {lemma(token), token.lower_}
        words |= {lemma(c) for c in children(token, "compound", "amod")}
        return bool(words & self._speakers)

    def _remark(self, token: Token) -> bool:
        return lemma(token) in self._remarks or token.lower_ in self._remarks

    def _time(self, token: Token) -> bool:
        return token.ent_type_ in ("DATE", "TIME") or lemma(token) in self._time_nouns

    def _showing_sense(self, verb: Token) -> str | None:
        """'demonstrated its resolve', 'demonstrating that the coalition holds': showing."""
        shown = any(c.lower_ in ("how", "what") for c in verb.subtree)
        if children(verb, "dobj", "ccomp") or shown:
            return "showing"
        return None

    def _granted(self, verb: Token, word: str) -> str | None:
        """'accepted that mistakes had been made', 'agreed it was difficult', 'admitted it is
        hard', 'acknowledged the problem': a point granted, not terms or a concession.
        'acknowledged deporting children', 'admitted it had shelled the town' stay."""
        if word not in self._agree and word not in self._concede:
            return None
        if children(verb, "xcomp"):
            return None  # 'agreed to release', 'admitted deporting' (parsed as xcomp)
        for clause in children(verb, "ccomp"):
            auxes = {a.lower_ for a in children(clause, "aux")}
            if word in self._agree and auxes & self._commitments and word != "accept":
                continue  # 'agreed that troops would withdraw' is terms
            if word in self._agree:
                return "point granted"
            if self._stative(clause) or auxes & self._hedged:
                return "point granted"
        objects = [t for o in children(verb, "dobj") for t in conjuncts(o)]
        if objects and all(lemma(o) in self._facts for o in objects):
            return "point granted"
        return None

    def _stative(self, clause: Token) -> bool:
        if lemma(clause) in self._states or clause.pos_ in ("ADJ", "NOUN", "PROPN"):
            return True
        return bool(children(clause, "acomp", "attr"))

    def _warned(self, verb: Token) -> str | None:
        """A warning threatens only with the warner's own act ('warned it would retaliate') or
        when addressed to someone ('warned Israel not to ...'); 'warned of a wider war',
        'warned against complacency', 'warned that the truce could collapse' predict."""
        if children(verb, "dobj", "dative"):
            return None
        own_subjects = {lemma(s) for s in children(verb, *_SUBJECTS)}
        for clause in [*children(verb, "ccomp"), *children(verb, "xcomp")]:
            if clause.dep_ == "xcomp":
                return None
            # 'warned it considers them traitors and will deal with them': the coordinated verbs
            auxes = {a.lower_ for v in conjuncts(clause) for a in children(v, "aux")}
            subjects = children(clause, *_SUBJECTS)
            own = any(s.lower_ in self._own or lemma(s) in own_subjects for s in subjects)
            if own and auxes & self._acts:
                return None
            faced = {lemma(o) for o in children(clause, "dobj")}
            if auxes & self._acts and faced & self._consequences:
                return None  # 'anyone who breaks the law will face the consequences'
            verbs = {lemma(v) for v in conjuncts(clause)}
            if auxes & self._acts and verbs & self._responses:
                return None  # 'warned that the US would respond swiftly'
        return "prediction"

    def _personal_plea(self, verb: Token) -> str | None:
        """'migrants seeking entry', 'a family seeking asylum': a personal plea."""
        objects = [t for o in children(verb, "dobj") for t in conjuncts(o)]
        if objects and all(lemma(o) in self._personal for o in objects):
            return "personal plea"
        if objects and all(lemma(o) in self._goals for o in objects):
            return "goal"  # 'the rebels seek victory': an aim, not a request of anyone
        return None

    def _rebuttal(self, verb: Token) -> str | None:
        """'denied the report', 'rejected claims that troops had crossed', 'denied that its
        aircraft bombed the hospital', 'denied attacking': a claim rebutted is a statement, not
        the refusal of a request (PLOVER REJECT). 'dismissed the demand' stays."""
        objects = [t for o in children(verb, "dobj", "nsubjpass") for t in conjuncts(o)]
        if objects and all(lemma(o) in self._claims for o in objects):
            return "rebuttal"
        if not objects and children(verb, "ccomp"):
            return "rebuttal"
        if lemma(verb) == "deny" and any(c.tag_ == "VBG" for c in children(verb, "xcomp")):
            return "rebuttal"
        return None

    def _voted_control(self, verb: Token) -> str | None:
        """'took control of the council', 'regained control of the Senate': won by votes."""
        for obj in children(verb, "dobj", "nsubjpass"):
            if lemma(obj) != "control":
                continue
            if any(lemma(o) in self._bodies for o in prep_objects(obj, {"of", "over"})):
                return "control of a body"
        return None

    @staticmethod
    def _own_defence(verb: Token) -> str | None:
        """'defended Javid's decision', 'defended government plans': support for someone else's
        act; 'defended his (or the) decision' is the doer's own stance, 'would defend' a plan."""
        if any(a.tag_ == "MD" for a in children(verb, "aux")):
            return "defence to come"
        for obj in children(verb, "dobj", "nsubjpass"):
            named = [
                c
                for c in obj.children
                if (c.dep_ == "poss" and c.pos_ != "PRON" and not _own(c))
                or (
                    c.dep_ in ("compound", "amod")
                    and c.pos_ in ("NOUN", "PROPN", "ADJ")
                    and c.ent_type_
                )
                or (c.dep_ == "compound" and c.pos_ == "NOUN")
            ]
            if named:
                return None
        return "own act defended"

    def _pledge(self, verb: Token) -> str | None:
        """'pledged in its manifesto to cut immigration': a campaign promise is a stated
        position, not an agreement with anyone."""
        if any(lemma(t) in self._platforms for t in verb.sent):
            return "pledge"
        return None

    @staticmethod
    def _private_thanks(targets: Sequence[Actor]) -> str | None:
        """'thanked his colleagues': political SUPPORT needs a state or public body thanked."""
        for target in targets:
            if target.country or target.kind in _POLITICAL_KINDS:
                return None
            if target.sector in _POLITICAL_SECTORS:
                return None
        return "private thanks"

    # ------------------------------------------------------------------ not asserted
    def _unasserted_noun(self, noun: Token) -> str | None:
        """'the suspected attack': a suspicion; 'mounting clashes': a trend."""
        modifiers = {c.lower_ for c in children(noun, "amod", "compound", "nmod", "advmod")}
        modifiers |= {c.lower_ for a in children(noun, "amod") for c in a.subtree}
        if modifiers & self._suspected:
            return "suspected"
        if modifiers & self._trends:
            return "aggregate"
        return None

    def _summed_up(self, head: Token) -> str | None:
        """'clashes over the past 18 months', 'have been killed since the war began'."""
        for prep in children(head, "prep"):
            if prep.lower_ not in self._span_preps:
                continue
            for obj in children(prep, "pobj"):
                spans = obj.lower_ in self._span_nouns
                if spans and {c.lower_ for c in obj.children} & self._span_modifiers:
                    return "aggregate"
        perfect = any(a.lower_ in ("has", "have", "'ve") for a in children(head, "aux"))
        if not perfect:
            return None
        for child in head.children:
            since = child.lower_ == "since" and child.dep_ in ("prep", "mark")
            if child.dep_ == "advcl" and any(m.lower_ == "since" for m in children(child, "mark")):
                since = True
            if since and any(lemma(t) in self._since_heads for t in child.subtree):
                return "aggregate"
        return None


def _own(possessor: Token) -> bool:
    """'his party's plans', 'its own government's decision': the doer's own side."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in possessor.children)
