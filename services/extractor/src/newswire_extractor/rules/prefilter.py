"""A cheap lexicon pass over a sentence's words that says whether it may hold an event.

It runs before any tagging or parsing, so it works on surface forms: every inflection of every
trigger lemma, with each entry's constraints checked as "one of these words occurs in the
sentence" (particles, objects, modifiers, support verbs). It may say yes too often, never no to
a sentence the trigger matcher could fire on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newswire_extractor.rules.lexicon import Lexicon, TriggerRule

# 'X said Y must …' is a demand (triggers.py); the prefilter keeps such sentences.
from newswire_extractor.rules.triggers import DEMAND_MODALS, DEMAND_REPORTING

Requirement = tuple[frozenset[str], ...]  # every set must share a word with the sentence


@dataclass(frozen=True)
class Inflections:
    """Surface forms of lemmas: regular English morphology plus irregular forms."""

    irregular: Mapping[str, frozenset[str]]

    def verb(self, lemma: str) -> set[str]:
        forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
        if lemma.endswith("e"):
            forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
        if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # 'stopped'
        return forms | self.irregular.get(lemma, frozenset())

    def noun(self, lemma: str) -> set[str]:
        forms = {lemma, lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
        return forms | self.irregular.get(lemma, frozenset())

    def any(self, lemma: str) -> set[str]:
        return self.verb(lemma) | self.noun(lemma)


def invert_exceptions(tables: Iterable[Mapping[str, Iterable[str]]]) -> dict[str, frozenset[str]]:
    """Irregular forms by lemma from spaCy-style exception tables (form -> lemmas)."""
    found: dict[str, set[str]] = defaultdict(set)
    for table in tables:
        for form, lemmas in table.items():
            for lemma in lemmas:
                found[lemma].add(form)
    return {lemma: frozenset(forms) for lemma, forms in found.items()}


class Prefilter:
    """Says, from a sentence's lower-cased words, whether a trigger could fire in it."""

    def __init__(self, lexicon: Lexicon, inflections: Inflections) -> None:
        self._needs: dict[str, list[Requirement]] = defaultdict(list)
        self._inflect = inflections
        for lemma, rules in lexicon.verbs.items():
            for rule in rules:
                self._add(inflections.verb(lemma), self._verb_requirement(rule))
        occur = frozenset(lexicon.occur_verbs)
        for lemma, rules in lexicon.nouns.items():
            for rule in rules:
                self._add(inflections.noun(lemma), self._noun_requirement(rule, lexicon, occur))
        reporting = frozenset(f for verb in DEMAND_REPORTING for f in inflections.verb(verb))
        for form in reporting:
            self._needs[form].append((DEMAND_MODALS,))

    def _add(self, forms: Iterable[str], requirement: Requirement) -> None:
        for form in forms:
            self._needs[form].append(requirement)

    def _words(self, lemmas: Iterable[str]) -> frozenset[str]:
        return frozenset(f for lemma in lemmas for f in self._inflect.any(lemma))

    def _verb_requirement(self, rule: TriggerRule) -> Requirement:
        needs = []
        if rule.particles:
            needs.append(frozenset(rule.particles))
        if rule.objects:
            needs.append(self._words(rule.objects))
        if rule.subjects:
            needs.append(self._words(rule.subjects))
        if rule.needs_xcomp:
            needs.append(frozenset({"to"}))
        return tuple(needs)

    def _noun_requirement(
        self, rule: TriggerRule, lexicon: Lexicon, occur: frozenset[str]
    ) -> Requirement:
        if rule.modifiers:
            return (self._words(rule.modifiers),)
        if rule.anywhere:
            return ()
        support = rule.support if rule.support is not None else lexicon.support_verbs
        return (self._words(support | occur),)

    def may_have_event(self, words: set[str]) -> bool:
        """Whether some trigger entry's word and all its constraints occur among ``words``."""
        for word in words:
            for requirement in self._needs.get(word, ()):
                if all(not needed.isdisjoint(words) for needed in requirement):
                    return True
        return False


def sentence_words(tokens: Iterable[str]) -> set[str]:
    """Lower-cased words, with hyphenated words also split ('hunger-strike' -> hunger, strike)."""
    words: set[str] = set()
    for token in tokens:
        lower = token.casefold()
        words.add(lower)
        if "-" in lower:
            words.update(part for part in lower.split("-") if part)
    return words
