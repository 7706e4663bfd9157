"""Well-known political people (data/people.toml): a name, its country and, where stable, sector."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newswire_extractor.kb.text import fold


@dataclass(frozen=True, slots=True)
class Person:
    """A person the knowledge base knows: canonical name, country (ISO alpha-3) and sector."""

    name: str
    country: str | None = None
    sector: str | None = None


class PersonIndex:
    """Find people by name or alias ('Erdogan', 'President Trump', 'Mr Putin's')."""

    def __init__(self, people: Iterable[tuple[Person, Iterable[str]]], titles: Iterable[str]):
        self._by_name: dict[str, Person] = {}
        self._spellings: list[str] = []
        for person, aliases in people:
            for spelling in (person.name, *aliases):
                self._spellings.append(spelling)
                self._by_name.setdefault(fold(spelling), person)
        self._titles = frozenset(fold(t) for t in titles)

    def names(self) -> list[str]:
        """Every name and alias as written (for the name finder)."""
        return list(self._spellings)

    def is_title(self, word: str) -> bool:
        """'Mr', 'President', 'Lord': words before a name that are not part of it."""
        return fold(word) in self._titles

    def find(self, text: str) -> Person | None:
        """The person a name refers to, titles and a possessive 's ignored; None if unknown."""
        words = text.strip().replace("’", "'").removesuffix("'s").split()
        while words:
            found = self._by_name.get(fold(" ".join(words)))
            if found is not None:
                return found
            if fold(words[0]) not in self._titles:
                return None
            words = words[1:]
        return None

    def __len__(self) -> int:
        return len({id(p) for p in self._by_name.values()})


def build_people(data: Mapping[str, Mapping[str, Any]], titles: Iterable[str]) -> PersonIndex:
    """The person index from the [people] table of people.toml."""
    rows = []
    for name, spec in data.items():
        person = Person(name=name, country=spec.get("country"), sector=spec.get("sector"))
        rows.append((person, [str(a) for a in spec.get("aliases", [])]))
    return PersonIndex(rows, titles)
