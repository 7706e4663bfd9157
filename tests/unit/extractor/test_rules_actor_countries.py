"""Unnamed state bodies ('the prime minister', 'MPs', 'police') get the story's country; a
national outlet's country stands in when the text names no other country more often."""

from __future__ import annotations

from datetime import UTC, datetime

from newswire_extractor import Extraction, RulesExtractor
from newswire_extractor.rules.publisher import publisher_country

from .conftest import trigger_event

PUBLISHED = datetime(2025, 6, 20, 18, 0, tzinfo=UTC)


def _run(extractor: RulesExtractor, text: str, **source: str) -> Extraction:
    return extractor.extract(text, article_id="c", published_at=PUBLISHED, **source)


def test_publisher_country_from_site_name_or_web_address() -> None:
    assert publisher_country("BBC News", None) == "GBR"
    assert publisher_country(None, "https://www.theguardian.com/politics/2025/jun/20/x") == "GBR"
    assert publisher_country(None, "https://news.bbc.co.uk/1/hi/uk_politics/1.stm") == "GBR"
    assert publisher_country("Some Blog", "https://example.org/a") is None
    assert publisher_country(None, "https://notbbc.co.uk.example.org/a") is None


BODIES = (
    "The prime minister criticised the rebel MPs on Tuesday after the vote on the housing bill. "
    "Ministers said the plan would go ahead."
)


def test_unnamed_state_body_takes_the_outlets_country(extractor: RulesExtractor) -> None:
    event = trigger_event(_run(extractor, BODIES, site_name="The Guardian"), "criticised")
    assert [(a.country, a.sector) for a in event.actors] == [("GBR", "GOV")]


def test_without_an_outlet_an_unnamed_body_has_no_country(extractor: RulesExtractor) -> None:
    event = trigger_event(_run(extractor, BODIES), "criticised")
    assert [a.country for a in event.actors] == [None]


def test_lower_case_text_from_a_known_site_gets_its_country(extractor: RulesExtractor) -> None:
    text = (
        "police arrested three protesters outside the town hall on saturday. "
        "the government said the protest had been peaceful."
    )
    event = trigger_event(_run(extractor, text, url="https://www.bbc.co.uk/news/uk-1"), "arrested")
    assert [a.country for a in event.actors] == ["GBR"]


def test_a_story_about_another_country_keeps_its_own(extractor: RulesExtractor) -> None:
    text = (
        "Kenya's opposition accused the government of rigging the vote. "
        "The Kenyan electoral commission denied it, and Kenyan police dispersed crowds in Kenya. "
        "The prime minister criticised the protesters on Tuesday."
    )
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "criticised")
    assert [a.country for a in event.actors] == ["KEN"]


def test_a_lower_case_demonym_names_its_country(extractor: RulesExtractor) -> None:
    text = (
        "the pakistani president met the prime minister in london on monday. "
        "the two leaders discussed trade."
    )
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "met")
    assert ("PAK", "GOV") in [(a.country, a.sector) for a in event.actors]


def test_a_shadow_minister_is_opposition_not_government(extractor: RulesExtractor) -> None:
    text = "The shadow chancellor criticised the budget on Wednesday. The debate lasted hours."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "criticised")
    assert [(a.country, a.sector) for a in event.actors] == [("GBR", "OPP")]
