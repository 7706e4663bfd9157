"""The trigger lexicon: PLOVER types keyed by verb and noun lemmas, loaded from triggers.toml."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from newswire_extractor.kb.data import load_toml

TriggerKind = Literal["verb", "noun"]
_PACKAGE = "newswire_extractor.rules"
_DEFAULT_STRENGTH = 0.7


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One lexicon entry: a word's event type plus the constraints under which it applies."""

    event_type: str
    kind: TriggerKind
    mode: str | None = None
    particles: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    object_actor: bool | None = None
    modifiers: frozenset[str] = frozenset()
    support: frozenset[str] | None = None
    anywhere: bool = False
    needs_xcomp: bool = False
    strength: float = _DEFAULT_STRENGTH
    reciprocal: bool = False
    swap: bool = False
    commit: bool = False
    keep_complement: bool = False
    state_type: str | None = None
    threat_mode: str | None = None
    directive: bool = False
    instrument: bool = False

    @property
    def specificity(self) -> int:
        """How constrained the entry is; the most specific fitting entry wins."""
        return (
            3 * bool(self.objects)
            + 2 * bool(self.subjects)
            + 2 * bool(self.particles)
            + 2 * bool(self.modifiers)
            + bool(self.support)
            + (self.object_actor is not None)
            + self.needs_xcomp
        )


@dataclass(frozen=True)
class Lexicon:
    """Trigger rules by lemma plus the tables that compose events."""

    verbs: Mapping[str, Sequence[TriggerRule]]
    nouns: Mapping[str, Sequence[TriggerRule]]
    support_verbs: frozenset[str]
    occur_verbs: frozenset[str]
    future: Mapping[str, str]
    request_modes: Mapping[str, str]
    threat_modes: Mapping[str, str]
    mode_cues: Mapping[str, Sequence[tuple[str, frozenset[str]]]] = field(default_factory=dict)

    def verb_rules(self, lemma: str) -> Sequence[TriggerRule]:
        return self.verbs.get(lemma, ())

    def noun_rules(self, lemma: str) -> Sequence[TriggerRule]:
        return self.nouns.get(lemma, ())

    @property
    def lemmas(self) -> frozenset[str]:
        """Every lemma that can start a trigger (for a cheap pre-filter)."""
        return frozenset(self.verbs) | frozenset(self.nouns)


def parse_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """Build a lexicon from the parsed triggers.toml structure."""
    verbs: dict[str, list[TriggerRule]] = defaultdict(list)
    nouns: dict[str, list[TriggerRule]] = defaultdict(list)
    for kind, table in (("verb", verbs), ("noun", nouns)):
        for entry in data.get(kind, []):
            rule = _rule(entry, kind)
            for lemma in entry["lemmas"]:
                table[str(lemma).casefold()].append(rule)
    for table in (verbs, nouns):
        for rules in table.values():
            rules.sort(key=lambda r: -r.specificity)
    support = data.get("support", {})
    cues = {
        event_type: [(mode, frozenset(words)) for mode, words in modes.items()]
        for event_type, modes in data.get("mode_cues", {}).items()
    }
    return Lexicon(
        verbs=dict(verbs),
        nouns=dict(nouns),
        support_verbs=frozenset(support.get("verbs", [])),
        occur_verbs=frozenset(support.get("occur", [])),
        future=dict(data.get("future", {})),
        request_modes=dict(data.get("request_modes", {})),
        threat_modes=dict(data.get("threat_modes", {})),
        mode_cues=cues,
    )


def _rule(entry: Mapping[str, Any], kind: str) -> TriggerRule:
    support = entry.get("support")
    return TriggerRule(
        event_type=str(entry["type"]),
        kind="verb" if kind == "verb" else "noun",
        mode=entry.get("mode"),
        particles=frozenset(entry.get("particles", ())),
        objects=frozenset(entry.get("objects", ())),
        subjects=frozenset(entry.get("subjects", ())),
        object_actor=entry.get("object_actor"),
        modifiers=frozenset(entry.get("modifiers", ())),
        support=frozenset(support) if support is not None else None,
        anywhere=bool(entry.get("anywhere", False)),
        needs_xcomp=bool(entry.get("needs_xcomp", False)),
        strength=float(entry.get("strength", _DEFAULT_STRENGTH)),
        reciprocal=bool(entry.get("reciprocal", False)),
        swap=bool(entry.get("swap", False)),
        commit=bool(entry.get("commit", False)),
        keep_complement=entry.get("complement", "absorb") == "keep",
        state_type=entry.get("state_type"),
        threat_mode=entry.get("threat_mode"),
        directive=bool(entry.get("directive", False)),
        instrument=bool(entry.get("instrument", False)),
    )


@functools.cache
def load_lexicon(name: str = "triggers.toml") -> Lexicon:
    """The packaged lexicon (parsed once per process)."""
    return parse_lexicon(load_toml(_PACKAGE, name))
