"""Edge cases: empty text, no publication date, paragraphs without full stops, datelines."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.rules import extractor as extractor_module

from .conftest import PUBLISHED


def test_empty_and_blank_text_give_nothing(extractor: RulesExtractor) -> None:
    for text in ("", "   \n\n  "):
        result = extractor.extract(text, article_id="e", published_at=PUBLISHED)
        assert (result.events, result.quotes, result.entities) == ([], [], [])


def test_name_and_model_are_exposed() -> None:
    assert RulesExtractor.name.startswith("rules/")
    assert RulesExtractor(model="some_other_model").model == "some_other_model"


def test_without_publication_date_relative_dates_stay_open(extractor: RulesExtractor) -> None:
    result = extractor.extract(
        "Armenia and Azerbaijan held talks in Abu Dhabi on Monday.",
        article_id="n",
        published_at=None,
    )
    (event,) = result.events
    assert event.event_type == "CONSULT"
    assert event.occurred.date is None
    assert event.occurred.text == "Monday"


def test_titles_and_paragraphs_without_full_stops_are_their_own_sentences(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Ghana expels two diplomats\r\n\r\nACCRA, June 2 (Wire) - Ghana expelled two Russian "
        "diplomats on Monday.\nThe foreign ministry gave no reason\nOfficials declined to comment."
    )
    result = extractor.extract(text, article_id="p", published_at=PUBLISHED)
    expulsions = [e for e in result.events if e.event_type == "SANCTION"]
    assert {e.evidence.text for e in expulsions} >= {
        "ACCRA, June 2 (Wire) - Ghana expelled two Russian diplomats on Monday."
    }
    for event in result.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert "\n" not in event.evidence.text


def test_dateline_places_events_without_a_place_in_their_sentence(
    extractor: RulesExtractor,
) -> None:
    text = (
        "NAIROBI, June 2 (Wire) - Kenya recalled its ambassador on Monday. "
        "The government also suspended flights."
    )
    result = extractor.extract(text, article_id="d", published_at=PUBLISHED)
    suspended = next(e for e in result.events if e.evidence.trigger == "suspended")
    assert suspended.location is not None
    assert (suspended.location.name, suspended.location.basis) == ("Nairobi", "dateline")
    # Same paragraph, no date of its own: the date named earlier in the paragraph.
    assert suspended.occurred.date is not None
    assert suspended.occurred.date.isoformat() == "2025-06-02"


def test_undated_events_fall_back_to_the_publication_date(extractor: RulesExtractor) -> None:
    result = extractor.extract(
        "Chad closed its border with Sudan.", article_id="u", published_at=PUBLISHED
    )
    (event,) = result.events
    assert event.occurred.date == PUBLISHED.date()
    assert event.occurred.precision == "unknown"
    assert event.occurred.text is None


def test_very_long_texts_are_cut_but_offsets_stay_valid(
    extractor: RulesExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extractor_module, "MAX_CHARS", 60)
    text = "Peru recalled its ambassador from Mexico. " * 5
    result = extractor.extract(text, article_id="l", published_at=PUBLISHED)
    assert result.events
    assert all(e.evidence.end <= 60 for e in result.events)
    for event in result.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
