"""Shared fixtures: one loaded spaCy pipeline and one extractor (and one without the event filter)
for all extractor unit tests, and the helpers that list a text's event types and drop reasons and
pick an extraction's event by its trigger."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from newswire_contracts import Event
from newswire_extractor import Extraction, RulesExtractor
from newswire_extractor.eventness import EventFilter
from newswire_extractor.rules.extractor import DEFAULT_MODEL
from newswire_extractor.rules.nlp import load_pipeline
from newswire_extractor.rules.trace import recording

PUBLISHED = datetime(2025, 6, 3, 10, 0, tzinfo=UTC)  # a Tuesday


@pytest.fixture(scope="session")
def extractor() -> RulesExtractor:
    loaded = RulesExtractor()
    loaded.load()
    return loaded


@pytest.fixture(scope="session")
def unfiltered() -> RulesExtractor:
    """The extractor without the event filter, for tests of how the rules resolve actors, targets,
    dates, places and quotes: the filter (tested in test_event_filter.py) drops some of their
    one-sentence events (an ongoing 'have been fighting', a plan to 'meet again') as not news."""
    loaded = RulesExtractor(event_filter=EventFilter(enabled=False))
    loaded.load()
    return loaded


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_pipeline(DEFAULT_MODEL)


def event_types(extractor: RulesExtractor, text: str) -> list[str]:
    """The types of the events the extractor emits on one text."""
    return [
        e.event_type for e in extractor.extract(text, article_id="a", published_at=PUBLISHED).events
    ]


def drop_reasons(extractor: RulesExtractor, text: str) -> set[str]:
    """The reasons the rules gave for the candidates they dropped on one text."""
    with recording() as drops:
        extractor.extract(text, article_id="a", published_at=PUBLISHED)
    return {d.reason for d in drops}


def trigger_event(result: Extraction, trigger: str) -> Event:
    """The first event whose trigger contains ``trigger`` (fails listing the events found)."""
    found = [e for e in result.events if trigger in e.evidence.trigger]
    assert found, [(e.event_type, e.evidence.trigger) for e in result.events]
    return found[0]
