"""The offline knowledge base: countries, organisations, roles and the gazetteer."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.kb import KnowledgeBase, load_knowledge_base

from .conftest import PUBLISHED


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the Netherlands", "NLD"),
        ("Britain", "GBR"),
        ("Türkiye", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("Palestinians", "PSE"),
        ("Belgrade", "SRB"),
    ],
)
def test_countries_by_name_alias_capital_and_demonym(
    kb: KnowledgeBase, text: str, code: str
) -> None:
    country = kb.countries.find(text)
    assert country is not None
    assert country.code == code


def test_lowercase_words_and_pronouns_are_not_countries(kb: KnowledgeBase) -> None:
    assert kb.countries.find("us") is None
    assert kb.countries.demonym("russian") is None
    assert kb.countries.find("Istanbul") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("Ukrainian", "UKR"), ("Ukrainians", "UKR"), ("Israelis", "ISR"), ("Chinese", "CHN")],
)
def test_demonyms(kb: KnowledgeBase, text: str, code: str) -> None:
    country = kb.countries.demonym(text)
    assert country is not None
    assert country.code == code


def test_country_names_are_common_english(kb: KnowledgeBase) -> None:
    for code, name in (("RUS", "Russia"), ("TUR", "Turkey"), ("USA", "United States")):
        country = kb.countries.get(code)
        assert country is not None
        assert country.name == name


@pytest.mark.parametrize(
    ("text", "name", "sector", "country"),
    [
        ("U.N.", "United Nations", "IGO", None),
        ("the United Nations", "United Nations", "IGO", None),
        ("NATO", "NATO", "IGO", None),
        ("ICC", "International Criminal Court", "IGO", None),
        ("Amnesty International", "Amnesty International", "NGO", None),
        ("Kremlin", "Kremlin", "GOV", "RUS"),
        ("Pentagon", "Pentagon", "MIL", "USA"),
    ],
)
def test_organizations(
    kb: KnowledgeBase, text: str, name: str, sector: str, country: str | None
) -> None:
    org = kb.organizations.find(text)
    assert org is not None
    assert (org.name, org.sector, org.country) == (name, sector, country)


def test_short_abbreviations_need_their_case(kb: KnowledgeBase) -> None:
    assert kb.organizations.find("IS") is not None
    assert kb.organizations.find("is") is None


@pytest.mark.parametrize(
    ("words", "sector", "kind"),
    [
        (["Russian", "foreign", "minister"], "GOV", "PERSON"),
        (["delegation"], "GOV", "GROUP"),
        (["troop"], "MIL", "GROUP"),
        (["police"], "COP", "GROUP"),
        (["child"], "CVL", "GROUP"),
        (["rebel"], "REB", "GROUP"),
    ],
)
def test_roles_give_sector_and_kind(
    kb: KnowledgeBase, words: list[str], sector: str, kind: str
) -> None:
    role = kb.roles.find(words)
    assert role is not None
    assert (role.sector, role.kind) == (sector, kind)


def test_gazetteer_cities_regions_and_countries(kb: KnowledgeBase) -> None:
    istanbul = kb.gazetteer.geocode("Istanbul")
    assert istanbul is not None
    assert (istanbul.country, istanbul.precision) == ("TUR", "city")
    assert istanbul.lat == pytest.approx(41.01, abs=0.05)
    kiev = kb.gazetteer.geocode("Kiev")
    assert kiev is not None
    assert (kiev.name, kiev.country) == ("Kyiv", "UKR")
    gaza = kb.gazetteer.geocode("West Bank")
    assert gaza is not None
    assert (gaza.country, gaza.precision) == ("PSE", "region")
    ukraine = kb.gazetteer.geocode("Ukraine")
    assert ukraine is not None
    assert ukraine.precision == "country"
    assert ukraine.lat is not None
    assert 44 < ukraine.lat < 53
    assert kb.gazetteer.geocode("Nowhereville Xyz") is None


def test_gazetteer_prefers_the_events_countries(kb: KnowledgeBase) -> None:
    default = kb.gazetteer.geocode("Paris")
    assert default is not None
    assert default.country == "FRA"
    texan = kb.gazetteer.geocode("Paris", prefer=["USA"])
    assert texan is not None
    assert texan.country == "USA"


# ---------------------------------------------------------------- well-known people and groups
@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Trump", "Donald Trump", "USA", "GOV"),
        ("President Trump", "Donald Trump", "USA", "GOV"),
        ("Donald Trump", "Donald Trump", "USA", "GOV"),
        ("Mr Putin's", "Vladimir Putin", "RUS", "GOV"),
        ("Erdogan", "Recep Tayyip Erdoğan", "TUR", "GOV"),
        ("Erdoğan", "Recep Tayyip Erdoğan", "TUR", "GOV"),
        ("Assad", "Bashar al-Assad", "SYR", "GOV"),
        ("President Bashar al-Assad", "Bashar al-Assad", "SYR", "GOV"),
        ("Netanyahu", "Benjamin Netanyahu", "ISR", "GOV"),
        ("Zelenskyy", "Volodymyr Zelensky", "UKR", "GOV"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV"),
        ("Nasrallah", "Hassan Nasrallah", "LBN", "REB"),
        ("Guterres", "António Guterres", None, "IGO"),
        ("al-Jolani", "Ahmed al-Sharaa", "SYR", None),  # rebel leader, then president
    ],
)
def test_well_known_people_have_a_country_and_a_stable_sector(
    kb: KnowledgeBase, text: str, name: str, country: str | None, sector: str | None
) -> None:
    person = kb.people.find(text)
    assert person is not None
    assert (person.name, person.country, person.sector) == (name, country, sector)


@pytest.mark.parametrize("text", ["Johnson", "Sanders", "Smith", "President", "Harris"])
def test_ambiguous_surnames_are_not_people_of_the_knowledge_base(
    kb: KnowledgeBase, text: str
) -> None:
    assert kb.people.find(text) is None


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Isis", None, "REB"),
        ("YPG", "SYR", "REB"),
        ("HTS", "SYR", "REB"),
        ("SDF", "SYR", "REB"),
        ("PKK", "TUR", "REB"),
        ("Houthis", "YEM", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("Wagner", "RUS", "REB"),
        ("IRGC", "IRN", "MIL"),
        ("Peshmerga", "IRQ", "MIL"),
        ("NATO", None, "IGO"),
        ("OPEC", None, "IGO"),
        ("African Union", None, "IGO"),
    ],
)
def test_armed_groups_and_international_bodies(
    kb: KnowledgeBase, text: str, country: str | None, sector: str
) -> None:
    org = kb.organizations.find(text)
    assert org is not None
    assert (org.country, org.sector) == (country, sector)


def test_people_named_in_a_story_become_actors_with_their_country(
    extractor: RulesExtractor,
) -> None:
    result = extractor.extract(
        "Putin rejected Erdoğan's proposal on Monday. Netanyahu threatened Hezbollah.",
        article_id="people",
        published_at=PUBLISHED,
    )
    parties = {(a.name, a.country) for e in result.events for a in [*e.actors, *e.targets]}
    assert ("Vladimir Putin", "RUS") in parties
    assert ("Recep Tayyip Erdoğan", "TUR") in parties
    assert ("Benjamin Netanyahu", "ISR") in parties
