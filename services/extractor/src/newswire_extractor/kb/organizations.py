"""Named organisations (IGOs, NGOs, metonyms like 'Kremlin') and role nouns with their sectors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newswire_extractor.kb.text import fold, is_abbreviation, strip_article


@dataclass(frozen=True, slots=True)
class Organization:
    """An organisation with a canonical name, a sector and, for state bodies, a country."""

    name: str
    sector: str
    country: str | None = None

    @property
    def kind(self) -> str:
        return "IGO" if self.sector == "IGO" else "ORG"


class OrganizationIndex:
    """Find organisations by name or alias; abbreviations match only with their exact case."""

    def __init__(self, organizations: Iterable[tuple[Organization, Sequence[str]]]) -> None:
        self._exact: dict[str, Organization] = {}
        self._folded: dict[str, Organization] = {}
        for org, aliases in organizations:
            for alias in (org.name, *aliases):
                self._exact.setdefault(alias, org)
                if not is_abbreviation(alias):
                    self._folded.setdefault(fold(alias), org)

    def names(self) -> list[str]:
        """Every name and alias as written."""
        return list(self._exact)

    def find(self, text: str) -> Organization | None:
        """The organisation this text names ('the U.N.', 'Amnesty International'), or None."""
        text = strip_article(text.strip().strip(",;:"))
        found = self._exact.get(text) or self._exact.get(text.rstrip("."))
        if found is None and not text.islower() and not is_abbreviation(text):
            found = self._folded.get(fold(text))
        if found is None and text.endswith("'s"):
            return self.find(text[:-2])
        return found


@dataclass(frozen=True, slots=True)
class Role:
    """What a role noun says about its holder: sector and whether it is one person."""

    sector: str
    kind: str  # PERSON or GROUP


class RoleIndex:
    """Role nouns ('foreign minister', 'troops') keyed by lemma phrases."""

    def __init__(self, roles: Mapping[str, Role]) -> None:
        self._roles = {fold(k): v for k, v in roles.items()}
        self._longest = max((len(k.split()) for k in self._roles), default=1)

    def find(self, lemmas: Sequence[str]) -> Role | None:
        """The role named by the end of a phrase: ['Russian', 'foreign', 'minister'] -> GOV."""
        words = [fold(w) for w in lemmas]
        for size in range(min(self._longest, len(words)), 0, -1):
            role = self._roles.get(" ".join(words[-size:]))
            if role is not None:
                return role
        return None

    def __contains__(self, lemma: str) -> bool:
        return fold(lemma) in self._roles

    def words(self) -> set[str]:
        """The single-word roles ('president', 'minister')."""
        return {k for k in self._roles if " " not in k}


def build_organizations(data: Mapping[str, Mapping[str, Any]]) -> OrganizationIndex:
    """The organisation index from the [organizations] table of actors.toml."""
    rows = []
    for name, spec in data.items():
        org = Organization(name=name, sector=str(spec["sector"]), country=spec.get("country"))
        rows.append((org, [str(a) for a in spec.get("aliases", [])]))
    return OrganizationIndex(rows)


def build_roles(data: Mapping[str, Mapping[str, Any]]) -> RoleIndex:
    """The role index from the [roles] table of actors.toml."""
    return RoleIndex(
        {k: Role(sector=str(v["sector"]), kind=str(v["kind"])) for k, v in data.items()}
    )
