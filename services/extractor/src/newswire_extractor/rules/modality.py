"""Modality (negated, future, hypothetical) and attribution ('said', 'according to')."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from newswire_contracts import Actor, Attribution, Modality
from newswire_extractor.rules.lang import load_language
from newswire_extractor.rules.syntax import children, lemma, phrase_bounds

_WORDS = load_language("en")
REPORTING_VERBS = _WORDS["reporting.verbs"]
ADVERB_CUES = _WORDS["reporting.adverbs"]
_FUTURE_AUX = _WORDS["modality.future_aux"]
_HYPOTHETICAL_AUX = _WORDS["modality.hypothetical_aux"]
_REPORTED_FUTURE_AUX = _WORDS["modality.reported_future_aux"]
_FUTURE_GOVERNORS = _WORDS["modality.future_governors"]
_CONDITION_MARKS = _WORDS["modality.condition_marks"]

ActorOf = Callable[[Token], Actor | None]


def modality(tokens: Sequence[Token]) -> Modality:
    """Flags for the event whose trigger words (and governing words) are given."""
    negated = future = hypothetical = False
    for token in tokens:
        negated = negated or _negated(token)
        for aux in children(token, "aux"):
            word = aux.lower_
            if word in _FUTURE_AUX:
                future = True
            elif word in _HYPOTHETICAL_AUX:
                if word in _REPORTED_FUTURE_AUX and _reported(token):
                    future = True  # 'said it would allow' is a future in the past
                else:
                    hypothetical = True
        future = future or _future_governed(token)
        hypothetical = hypothetical or _conditional(token)
    return Modality(negated=negated, future=future, hypothetical=hypothetical)


def _negated(token: Token) -> bool:
    if children(token, "neg"):
        return True
    if token.dep_ == "acomp" and children(token.head, "neg"):
        return True  # 'is not ready to talk'
    return any(c.lower_ in ("no", "never") for c in children(token, "det", "advmod"))


def _reported(token: Token) -> bool:
    current = token
    while current.head != current:
        current = current.head
        if lemma(current) in REPORTING_VERBS:
            return current.tag_ in ("VBD", "VBN")
    return False


def _future_governed(token: Token) -> bool:
    """'plans to visit', 'is expected to meet', 'is going to sign', 'is to visit'."""
    if token.dep_ != "xcomp":
        return False
    head = token.head
    if lemma(head) in _FUTURE_GOVERNORS or head.lower_ in _FUTURE_GOVERNORS:
        return lemma(head) != "go" or head.tag_ == "VBG"
    return lemma(head) == "be"


def conditional(tokens: Sequence[Token]) -> bool:
    """Whether an 'if'/'unless' clause conditions any of the tokens ('will boycott unless ...')."""
    return any(_conditional(t) for t in tokens)


def _conditional(token: Token) -> bool:
    for clause in children(token, "advcl"):
        if any(m.lower_ in _CONDITION_MARKS for m in children(clause, "mark")):
            return True
    if token.dep_ == "advcl":
        return any(m.lower_ in _CONDITION_MARKS for m in children(token, "mark"))
    return False


def attribution(token: Token, actor_of: ActorOf) -> Attribution | None:
    """Who reports the event: a governing reporting verb, 'according to X', or 'reportedly'."""
    current = token
    while current.head != current:
        parent = current.head
        if lemma(parent) in REPORTING_VERBS and current.dep_ in ("ccomp", "parataxis", "xcomp"):
            return Attribution(speaker=_subject(parent, actor_of), cue=parent.text)
        current = parent
    sentence = token.sent
    for other in sentence:
        if other != token and other.dep_ == "parataxis" and lemma(other) in REPORTING_VERBS:
            return Attribution(speaker=_subject(other, actor_of), cue=other.text)
    for other in sentence:
        if other.lower_ == "according":
            for obj in (o for prep in children(other, "prep") for o in children(prep, "pobj")):
                return Attribution(speaker=speaker_actor(obj, actor_of), cue="according to")
    for other in sentence:
        if other.lower_ in ADVERB_CUES:
            return Attribution(speaker=None, cue=other.text)
    return None


def _subject(verb: Token, actor_of: ActorOf) -> Actor | None:
    for subject in children(verb, "nsubj", "nsubjpass"):
        return speaker_actor(subject, actor_of)
    return None


def speaker_actor(head: Token, actor_of: ActorOf) -> Actor:
    """The actor for a speaker phrase; unknown speakers ('witnesses') keep their words."""
    actor = actor_of(head)
    if actor is not None:
        return actor
    start, end = phrase_bounds(head)
    span = head.doc[start:end]
    return Actor(text=span.text, name=span.text, start=span.start_char, end=span.end_char)
