"""When an extracted actor, quote or quantity counts as the gold one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newswire.measure.extract_eval.gold import GoldActor
from newswire_contracts import Actor, Quantity

G = TypeVar("G")
P = TypeVar("P")

_STOP = frozenset({"the", "a", "an", "of", "s", "and", "its", "their", "his", "her"})
_GROUP_SECTORS = {"IGO": {"IGO"}, "NGO": {"NGO", "HRI"}, "IMG": {"REB"}, "MNC": {"BUS"}}


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0


def words(text: str, *, proper: bool = False) -> list[str]:
    """Lower-case, accent-free content words ('the U.N.' -> ['un']); ``proper``: names only."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'").replace(".", ""))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    found = re.findall(r"[^\W_]+", folded)
    if proper:
        found = [w for w in found if w[:1].isupper()]
    return [w.casefold() for w in found if w.casefold() not in _STOP]


def same_name(first: str, second: str) -> bool:
    """Same content words, or one's proper-name words inside the other's ('Voronin' and 'Arkady
    Voronin', 'U.N.' and 'UN'); 'negotiators' is not 'Russian negotiators'."""
    a, b = set(words(first)), set(words(second))
    if not (a and b):
        return False
    if a == b:
        return True
    small, large = (first, b) if len(a) < len(b) else (second, a)
    names = set(words(small, proper=True))
    return bool(names) and set(words(small)) <= large


def actor_matches(gold: GoldActor, actor: Actor) -> bool:
    """By country code (or kind of international actor), else by normalized name."""
    code = gold.country
    if code in _GROUP_SECTORS:
        if actor.country is None and (
            actor.sector in _GROUP_SECTORS[code] or (code == "IGO" and actor.kind == "IGO")
        ):
            return True
    elif code and actor.country == code:
        return True
    elif code and actor.country and actor.country != code:
        return False  # a named actor of another country is someone else
    return same_name(gold.name, actor.name) or same_name(gold.name, actor.text)


def match_sets(
    gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool]
) -> tuple[Counts, list[tuple[G, P]]]:
    """Greedy one-to-one matching of two sets; counts and the matched pairs."""
    free = list(predicted)
    pairs: list[tuple[G, P]] = []
    for item in gold:
        for candidate in free:
            if matches(item, candidate):
                pairs.append((item, candidate))
                free.remove(candidate)
                break
    return Counts(tp=len(pairs), fp=len(free), fn=len(gold) - len(pairs)), pairs


def actor_counts(gold: Sequence[GoldActor], predicted: Sequence[Actor]) -> Counts:
    return match_sets(gold, predicted, actor_matches)[0]


def quantity_found(value: float, found: Sequence[Quantity]) -> bool:
    """A gold number is found when a quantity has it as its value or its range's upper end."""
    return any(abs(q.value - value) < 1e-6 or (q.value_max == value) for q in found)
