"""Which event a date or place phrase belongs to, and the tense an event is told in.

A date or place belongs to a trigger when it hangs off it inside the trigger's own clause and not
inside the phrase of another happening: in 'Putin rejected Erdoğan's calls for a ceasefire in
Idlib' the place belongs to the ceasefire (a noun of another event type), not to the rejection;
in 'an airstrike on a market in Idlib killed 12' the airstrike is the killing itself (same type)
and Idlib stays its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newswire_extractor.rules.lexicon import Lexicon, load_lexicon
from newswire_extractor.rules.syntax import CLAUSE_DEPS, lemma

Token = Any  # spacy.tokens.Token

_NOMINAL = frozenset({"NOUN", "PROPN"})
_SIMULTANEOUS = frozenset({"when", "as", "while"})
_WILL = frozenset({"will", "shall", "'ll", "wo"})
_VERBAL = frozenset({"VERB", "AUX"})


class Attachment:
    """Answers 'does this phrase belong to this trigger?' with the lexicon's event nouns."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon or load_lexicon()

    def types_of(self, token: Token) -> frozenset[str]:
        """The event types a word can evoke (empty: not a trigger word)."""
        word = lemma(token)
        if token.pos_ in _NOMINAL:  # 'a pro-regime force' is no coercion
            rules = list(self._lexicon.noun_rules(word))
        else:
            rules = [*self._lexicon.verb_rules(word), *self._lexicon.noun_rules(word)]
        return frozenset(r.event_type for r in rules)

    def attached(
        self, token: Token, head: Token, own: frozenset[str], *, through_nouns: bool = True
    ) -> bool:
        """Whether ``token`` hangs off ``head`` in its clause, passing no noun that names a
        happening of a type other than ``own`` (the trigger's types), nor, unless
        ``through_nouns``, any noun at all ('sanctions on firms in Iran': Iran places the firms,
        not the sanctions)."""
        current = token
        own_phrase = token.dep_ in ("compound", "appos", "nmod")  # 'at the Istanbul talks'
        while current != head:
            if current.head == current or (
                current.dep_ in CLAUSE_DEPS and not _simultaneous(current)
            ):
                return False
            current = current.head
            if own_phrase:
                own_phrase = False  # the noun the name is part of is the phrase itself
                continue
            if current != head and current.pos_ in _NOMINAL:
                if not through_nouns and not self.types_of(current) & own:
                    return False
                found = self.types_of(current)
                if found and not found & own:
                    return False
        return True

    def own_types(self, heads: Sequence[Token]) -> frozenset[str]:
        """The types a trigger can have, with its support verb's object ('held talks')."""
        found: set[str] = set()
        for head in heads:
            found |= self.types_of(head)
            for child in head.children:
                if child.dep_ in ("dobj", "nsubjpass", "attr"):
                    found |= self.types_of(child)
        return frozenset(found)

    def governing(self, head: Token) -> list[Token]:
        """The verbs above a trigger, nearest first ('said on Monday that … attacked')."""
        found = []
        current = head
        while current.head != current:
            current = current.head
            if current.pos_ in _VERBAL:
                found.append(current)
        return found


def _simultaneous(clause: Token) -> bool:
    """'killed when US forces carried out air strikes in eastern Syria last week': a 'when'
    clause tells the same happening, so its time and place are the event's."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in _SIMULTANEOUS for c in clause.children
    )


def clause_head(token: Token) -> Token:
    """The verb of the clause a phrase is in (itself when the sentence was not parsed)."""
    current = token
    while current.head != current and current.pos_ not in _VERBAL:
        if current.dep_ in CLAUSE_DEPS:
            return current
        current = current.head
    return current


def tense(head: Token) -> str:
    """How an event is told: 'present' ('says', 'are fighting'), 'perfect' ('has said'),
    'pluperfect' ('had said'), 'past' ('said', 'was killed'), 'future' ('will quit') or
    'unknown' (no verb)."""
    verb = head
    while verb.pos_ not in _VERBAL and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in _VERBAL:
        return "unknown"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _WILL for a in auxes):
        return "future"
    haves = [a for a in auxes if lemma(a) == "have"]
    if haves:
        return "pluperfect" if haves[0].tag_ == "VBD" else "perfect"
    tags = {a.tag_ for a in auxes} | {verb.tag_}
    if "VBD" in tags:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    if verb.dep_ in CLAUSE_DEPS | {"conj"} and verb.head != verb:
        return tense(verb.head)  # 'said, adding …', 'killing 12': the tense of the clause above
    return "unknown"
