"""Offline knowledge for normalizing actors and places: countries, organisations, places."""

from newswire_extractor.kb.base import KnowledgeBase, load_knowledge_base
from newswire_extractor.kb.countries import Country, CountryIndex
from newswire_extractor.kb.organizations import Organization, OrganizationIndex, Role, RoleIndex
from newswire_extractor.kb.people import Person, PersonIndex
from newswire_extractor.kb.places import Gazetteer, Place

__all__ = [
    "Country",
    "CountryIndex",
    "Gazetteer",
    "KnowledgeBase",
    "Organization",
    "OrganizationIndex",
    "Person",
    "PersonIndex",
    "Place",
    "Role",
    "RoleIndex",
    "load_knowledge_base",
]
