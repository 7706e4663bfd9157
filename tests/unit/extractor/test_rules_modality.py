"""Negation, future and hypothetical flags, and who the event is attributed to."""

from __future__ import annotations

from newswire_contracts import Event
from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _top(extractor: RulesExtractor, text: str) -> Event:
    events = extractor.extract(text, article_id="m", published_at=PUBLISHED).events
    assert events, text
    return max(events, key=lambda e: e.confidence)


def test_a_negated_event_is_not_asserted(extractor: RulesExtractor) -> None:
    # Precision first: a record that looks like a fact must be one, so no negated event.
    assert not extractor.extract(
        "Police did not arrest the organisers.", article_id="m", published_at=PUBLISHED
    ).events


def test_an_expected_attack_is_not_an_event(extractor: RulesExtractor) -> None:
    assert not extractor.extract(
        "The army is expected to attack the town.", article_id="m", published_at=PUBLISHED
    ).events


def test_a_hypothetical_event_is_not_asserted(extractor: RulesExtractor) -> None:
    assert not extractor.extract(
        "The rebels might attack the convoy.", article_id="m", published_at=PUBLISHED
    ).events


def test_reported_would_is_a_future(extractor: RulesExtractor) -> None:
    event = _top(extractor, "Officials said troops would withdraw from the border.")
    # An announced future retreat: AGREE, as the PLOVER gold standard records code it.
    assert event.event_type == "AGREE"
    assert not event.modality.hypothetical


def test_attribution_by_reporting_verb(extractor: RulesExtractor) -> None:
    event = _top(extractor, "Israeli soldiers arrested 12 Palestinians, the army said.")
    assert event.attribution is not None
    assert event.attribution.cue == "said"
    assert event.attribution.speaker is not None
    assert event.attribution.speaker.sector == "MIL"


def test_attribution_according_to(extractor: RulesExtractor) -> None:
    event = _top(extractor, "Gunmen abducted 20 pupils, according to local police.")
    assert (event.event_type, event.mode) == ("ASSAULT", "abduct")
    assert event.attribution is not None
    assert event.attribution.cue == "according to"
    assert event.attribution.speaker is not None
    assert event.attribution.speaker.sector == "COP"


def test_attribution_by_adverb(extractor: RulesExtractor) -> None:
    event = _top(extractor, "China reportedly threatened to impose tariffs on Australian wine.")
    assert event.event_type == "THREATEN"
    assert event.attribution is not None
    assert event.attribution.cue == "reportedly"
    assert event.attribution.speaker is None


def test_no_attribution_for_plain_statements(extractor: RulesExtractor) -> None:
    assert _top(extractor, "Ghana expelled two Russian diplomats.").attribution is None
