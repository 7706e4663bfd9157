"""The offline knowledge base: countries, organisations, roles and the gazetteer."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.kb import KnowledgeBase, load_knowledge_base
from newswire_extractor.kb.data import load_toml
from newswire_extractor.kb.text import fold

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
    ("text", "name", "country", "sector"),
    [
        # Westminster 2001-2020: offices changed, so country only; standing roles keep a sector
        ("Mr Mandelson", "Peter Mandelson", "GBR", None),
        ("Lord Falconer", "Charlie Falconer", "GBR", None),
        ("Nicola Sturgeon", "Nicola Sturgeon", "GBR", None),
        ("Martin McGuinness", "Martin McGuinness", "GBR", None),
        ("Lady Hale", "Brenda Hale", "GBR", "JUD"),
        ("Speaker John Bercow", "John Bercow", "GBR", "LEG"),
        ("Sir Ian Blair", "Ian Blair", "GBR", "COP"),
        ("Len McCluskey", "Len McCluskey", "GBR", "LAB"),
        ("Bertie Ahern", "Bertie Ahern", "IRL", "GOV"),
        # the Middle East 2011-2020
        ("Hoshyar Zebari", "Hoshyar Zebari", "IRQ", "GOV"),
        ("Grand Ayatollah Ali al-Sistani", "Ali al-Sistani", "IRQ", "REL"),
        ("Abu Musab al-Zarqawi", "Abu Musab al-Zarqawi", "JOR", "REB"),
        ("Davutoglu", "Ahmet Davutoğlu", "TUR", None),
        ("Murat Karayilan", "Murat Karayılan", "TUR", "REB"),
        ("Nabih Berri", "Nabih Berri", "LBN", "LEG"),
        ("Hamid Karzai", "Hamid Karzai", "AFG", None),
        ("Turki al-Maliki", "Turki al-Maliki", "SAU", "MIL"),
        # elsewhere, and officials of international bodies
        ("George W. Bush", "George W. Bush", "USA", "GOV"),
        ("Donald Rumsfeld", "Donald Rumsfeld", "USA", "MIL"),
        ("Yanukovych", "Viktor Yanukovych", "UKR", None),
        ("Chirac", "Jacques Chirac", "FRA", "GOV"),
        ("Kofi Annan", "Kofi Annan", None, "IGO"),
    ],
)
def test_more_political_people_resolve(
    kb: KnowledgeBase, text: str, name: str, country: str | None, sector: str | None
) -> None:
    person = kb.people.find(text)
    assert person is not None
    assert (person.name, person.country, person.sector) == (name, country, sector)


@pytest.mark.parametrize(
    "text",
    # common words and surnames shared by several public figures are not bare aliases
    [
        *("Brown", "Straw", "Hunt", "Fox", "Clarke", "Howard", "Miliband", "Galloway"),
        *("al-Maliki", "Cheney", "Freeland", "Negroponte", "McGuinness", "Koizumi"),
    ],
)
def test_common_or_shared_surnames_stay_unknown(kb: KnowledgeBase, text: str) -> None:
    assert kb.people.find(text) is None


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Sinn Fein", "GBR", "PTY"),
        ("TUC", "GBR", "LAB"),
        ("Scotland Yard", "GBR", "COP"),
        ("MI5", "GBR", "SPY"),
        ("KDP", "IRQ", "PTY"),
        ("AKP", "TUR", "PTY"),
        ("Asa'ib Ahl al-Haq", "IRQ", "REB"),
        ("Shin Bet", "ISR", "SPY"),
        ("AQAP", "YEM", "REB"),
    ],
)
def test_more_parties_unions_and_armed_groups(
    kb: KnowledgeBase, text: str, country: str, sector: str
) -> None:
    org = kb.organizations.find(text)
    assert org is not None
    assert (org.country, org.sector) == (country, sector)


def test_no_spelling_names_two_people() -> None:
    people = load_toml("newswire_extractor.kb", "people.toml")["people"]
    owners: dict[str, set[str]] = {}
    for name, spec in people.items():
        for spelling in (name, *spec.get("aliases", [])):
            owners.setdefault(fold(spelling), set()).add(name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_people_of_iraq_turkey_and_westminster_get_their_country(
    extractor: RulesExtractor,
) -> None:
    result = extractor.extract(
        "Hoshyar Zebari criticised Ahmet Davutoglu on Monday.\n\n"
        "Lady Hale rejected the appeal brought by Jacob Rees-Mogg.",
        article_id="kb-people",
        published_at=PUBLISHED,
    )
    parties = {(a.name, a.country) for e in result.events for a in [*e.actors, *e.targets]}
    assert ("Hoshyar Zebari", "IRQ") in parties
    assert ("Ahmet Davutoğlu", "TUR") in parties
    assert ("Brenda Hale", "GBR") in parties


def test_people_of_a_lower_case_text_get_their_country(extractor: RulesExtractor) -> None:
    result = extractor.extract(
        "tony blair congratulated george bush on his victory."
        " snp leader alex salmond criticised the chancellor.",
        article_id="kb-lower-case",
        published_at=PUBLISHED,
    )
    parties = {(a.name, a.country) for e in result.events for a in [*e.actors, *e.targets]}
    assert ("George W. Bush", "USA") in parties
    assert ("Alex Salmond", "GBR") in parties


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
