"""Find trigger words in a parsed sentence and link each to the trigger that governs it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newswire_extractor.rules.lang import load_language
from newswire_extractor.rules.lexicon import Lexicon, TriggerRule
from newswire_extractor.rules.syntax import (
    children,
    direct_objects,
    governing_verb,
    has_xcomp,
    lemma,
    lemma_candidates,
    lemma_in,
    nominal_anchor,
    noun_modifiers,
    object_lemmas,
    particles,
    prep_objects,
    subject_lemmas,
)

_OF_VERBS = frozenset(load_language("en")["taking.of_verbs"])
_RESULTS = frozenset(load_language("en")["senses.resultatives"])
# "Russia said Sudan must return the helicopter" is a demand by Russia on Sudan.
MUST_RULE = TriggerRule(event_type="REQUEST", kind="verb", strength=0.65)
DEMAND_MODALS = frozenset({"must", "should"})
_OWN_SIDE = frozenset({"we", "i", "us"})
DEMAND_REPORTING = frozenset(
    {
        "say",
        "insist",
        "state",
        "declare",
        "tell",
        "stress",
        "warn",
        "conclude",
        "argue",
        "reiterate",
        "repeat",
        "maintain",
    }
)


@dataclass(eq=False)
class Match:
    """A trigger in a sentence: the word, the verb whose arguments it takes, its phrase."""

    rule: TriggerRule
    word: Token
    head: Token
    tokens: list[Token]
    targets_from: list[Token] = field(default_factory=list)
    free: bool = False  # a noun whose own modifiers name the participants ('talks between X, Y')
    governor: Match | None = None
    complement: Match | None = None

    @property
    def event_type(self) -> str:
        return self.rule.event_type

    @property
    def is_noun(self) -> bool:
        return self.rule.kind == "noun"


# Words inside a name or a date are not triggers: 'Rapid Support Forces', 'in March 2023'.
_NAME_LABELS = frozenset(
    {"DATE", "TIME", "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "LAW", "WORK_OF_ART", "PRODUCT"}
)

IsActor = Callable[[Token], bool]
Region = Callable[[Token], int]


class TriggerMatcher:
    """Applies the lexicon to one sentence at a time."""

    def __init__(self, lexicon: Lexicon, is_actor: IsActor, region: Region) -> None:
        self._lexicon = lexicon
        self._is_actor = is_actor
        self._region = region

    def matches(self, sentence: Span) -> list[Match]:
        """Triggers in the sentence, linked to governors (complements first absorbed or kept)."""
        verbs = [m for t in sentence if (m := self._verb(t)) is not None]
        verbs += [m for t in sentence if (m := self._must(t)) is not None]
        taken = {m.word.i for m in verbs}
        nouns = [m for t in sentence if t.i not in taken and (m := self._noun(t, taken))]
        found = verbs + nouns
        _link(found, self._region)
        return found

    # ------------------------------------------------------------------ verbs
    def _verb(self, token: Token) -> Match | None:
        if not (token.pos_ == "VERB" or token.tag_.startswith("VB") or token.dep_ == "acomp"):
            return None
        if token.ent_type_ in _NAME_LABELS:
            return None
        if token.dep_ == "amod":
            return None  # 'the detained journalists' describes, it does not report
        rules: Sequence[TriggerRule] = ()
        for candidate in lemma_candidates(token):
            rules = self._lexicon.verb_rules(candidate)
            if rules:
                break
        for rule in rules:
            if token.pos_ == "ADJ" and not rule.needs_xcomp:
                continue
            if self._fits_verb(rule, token):
                phrase = [token] + [
                    c
                    for c in token.children
                    if c.dep_ in ("prt", "prep") and lemma(c) in rule.particles
                ]
                return Match(rule, token, token, sorted(phrase, key=lambda t: t.i))
        return None

    def _fits_verb(self, rule: TriggerRule, token: Token) -> bool:
        predicates = children(token, "oprd")
        if predicates and not rule.objects and not all(lemma(p) in _RESULTS for p in predicates):
            return False  # 'called it a special arrangement' names, it does not act ('shot dead')
        if rule.particles and not _particles(token) & rule.particles:
            return False
        if rule.objects and not _object_lemmas(token) & rule.objects:
            return False
        if rule.subjects and not subject_lemmas(token) & rule.subjects:
            return False
        if rule.needs_xcomp and not has_xcomp(token):
            return False
        if rule.object_actor is not None:
            actors = [o for o in direct_objects(token) if self._is_actor(o)]
            return bool(actors) == rule.object_actor
        return True

    def _must(self, token: Token) -> Match | None:
        if lemma(token) not in DEMAND_REPORTING or token.pos_ != "VERB":
            return None
        for clause in children(token, "ccomp"):
            modal = [a for a in children(clause, "aux") if a.lower_ in DEMAND_MODALS]
            # 'X should be strong enough' judges; a demand asks for an act.
            if modal and not children(clause, "neg") and lemma(clause) != "be":
                targets = children(clause, "nsubj", "nsubjpass")
                if any(t.lower_ in _OWN_SIDE for t in targets):
                    continue  # 'we must learn from this case' obliges the speaker's own side
                return Match(MUST_RULE, token, token, [token], targets_from=targets)
        return None

    # ------------------------------------------------------------------ nouns
    def _noun(self, token: Token, verb_words: set[int]) -> Match | None:
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in _NAME_LABELS:
            return None
        if token.dep_ == "compound":
            return None  # 'attack drones', 'aid workers': a noun that classifies another
        rules = self._lexicon.noun_rules(lemma(token)) or self._lexicon.noun_rules(token.lower_)
        if not rules or _under_trigger(token, verb_words):
            return None
        governor = governing_verb(token)
        anchor = nominal_anchor(token)
        for rule in rules:
            if rule.modifiers and not noun_modifiers(token) & rule.modifiers:
                continue
            # 'the activation of a standby force': a noun's of-phrase picks its sense
            if rule.objects and not {lemma(o) for o in prep_objects(token, {"of"})} & rule.objects:
                continue
            # 'warplanes carried out raids': the support verb's subject picks the sense
            if rule.subjects and (governor is None or not subject_lemmas(governor) & rule.subjects):
                continue
            support = rule.support if rule.support is not None else self._lexicon.support_verbs
            if governor is not None and lemma_in(governor, support) and anchor.dep_ != "nsubj":
                return Match(rule, token, governor, _span_tokens(governor, token))
            subject = anchor.dep_ in ("nsubj", "nsubjpass")
            if governor is not None and subject and lemma_in(governor, self._lexicon.occur_verbs):
                return Match(rule, token, governor, [token], free=True)
            if rule.anywhere or (rule.modifiers and governor is None):
                return Match(rule, token, token, [token], free=True)
        return None


def _particles(verb: Token) -> set[str]:
    """The verb's particles, and a 'for' that opens the clause right after it: 'appealed for
    her to be allowed home', 'called for the minister to resign' (parsed as the clause's mark)."""
    found = particles(verb)
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        following is not None
        and following.dep_ == "mark"
        and following.head.head == verb
        and following.head.dep_ in ("advcl", "ccomp")
    ):
        found.add(lemma(following))
    return found


def _object_lemmas(verb: Token) -> set[str]:
    """What the verb acts on, and for a passive infinitive without its own subject the object
    of the verb above ('ordered her citizenship to be revoked': the citizenship is revoked)."""
    found = object_lemmas(verb)
    if lemma(verb) in _OF_VERBS:
        found.update(lemma(o) for d in children(verb, "dobj") for o in prep_objects(d, {"of"}))
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "xcomp" and passive and not children(verb, "nsubjpass"):
        for obj in children(verb.head, "dobj"):
            found.add(lemma(obj))
    return found


def _under_trigger(token: Token, verb_words: set[int]) -> bool:
    """A noun that is an argument of a verb trigger belongs to that event ('rejected the talks');
    under a support verb it is its own event, even if a trigger governs that verb in turn."""
    current = token
    while current.head != current:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return bool(current.i in verb_words)
    return False


def _span_tokens(verb: Token, noun: Token) -> list[Token]:
    return [verb, noun] if verb.i < noun.i else [noun, verb]


def _link(found: list[Match], region: Region) -> None:
    """Attach each trigger to the trigger whose complement it is ('refused to meet').

    The parser sometimes hangs a sentence under a quote next to it; a quote and the words
    around it are separate statements, so links never cross a quote boundary.
    """
    by_token = {m.head.i: m for m in found}
    by_token.update({m.word.i: m for m in found if m.word.i not in by_token})
    for match in found:
        owner = _owner(match, by_token, found)
        if owner is None or region(owner.head) != region(match.head):
            continue
        if owner is not match and owner.complement is None:
            match.governor = owner
            owner.complement = match


def _owner(match: Match, by_token: dict[int, Match], found: list[Match]) -> Match | None:
    governor = _governor_token(match.head)
    owner = by_token.get(governor.i) if governor is not None else None
    if owner is not None:
        return owner
    for candidate in found:
        if candidate is match:
            continue
        # 'X said Y must be ready to mediate': what Y must do is part of X's demand.
        if candidate.rule is MUST_RULE and any(
            _within(match.head, clause) for clause in children(candidate.head, "ccomp")
        ):
            return candidate
        # PLOVER: the demands of a protest are not separate events ('marched to demand').
        if (
            candidate.event_type == "PROTEST"
            and match.event_type in ("REQUEST", "ACCUSE", "PROTEST")
            and match.head.dep_ in ("advcl", "xcomp", "acl", "pcomp", "conj")
            and _within(match.head, candidate.head, limit=2)
        ):
            return candidate
    return None


def _within(token: Token, ancestor: Token, limit: int = 3) -> bool:
    current = token
    for _ in range(limit + 1):
        if current == ancestor:
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _governor_token(head: Token) -> Token | None:
    if head.dep_ in ("xcomp", "ccomp"):
        return head.head
    if head.dep_ == "pcomp" and head.head.dep_ == "prep":
        return head.head.head
    if head.dep_ in ("dobj", "pobj") and head.pos_ == "NOUN":
        return None
    return None
