"""Actors and targets as the blind judges of the train half expect them (issue 8, field fixes):
a meeting's dyad is directed when one side is the subject and the other its object ('X met Y':
Y is the target, as PLOVER codes it), and reciprocal only when the sides are coordinated ('X and
Y met', 'talks between X and Y'). Team-written sentences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswire_contracts import Actor, Event
from newswire_extractor import Extraction, RulesExtractor

PUBLISHED = datetime(2025, 6, 20, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def extractor(unfiltered: RulesExtractor) -> RulesExtractor:
    """Without the event filter (conftest.unfiltered): these tests are about the fields."""
    return unfiltered


def _run(extractor: RulesExtractor, text: str) -> Extraction:
    return extractor.extract(text, article_id="ff", published_at=PUBLISHED)


def _event(result: Extraction, trigger: str) -> Event:
    found = [e for e in result.events if trigger in e.evidence.trigger]
    assert found, [(e.event_type, e.evidence.trigger) for e in result.events]
    return found[0]


def _countries(actors: list[Actor]) -> list[str | None]:
    return sorted((a.country for a in actors), key=lambda c: c or "")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Dutch trade minister met her Peruvian counterpart in Lima on Monday.", "met"),
        ("Dutch diplomats held a meeting with Peruvian officials on Monday.", "meeting"),
        ("The Dutch premier talked with the Peruvian president on Monday.", "talked"),
        ("The Dutch premier telephoned the Peruvian president on Monday.", "telephoned"),
    ],
)
def test_the_one_met_is_the_target(extractor: RulesExtractor, text: str, trigger: str) -> None:
    event = _event(_run(extractor, text), trigger)
    assert event.event_type == "CONSULT"
    assert (_countries(event.actors), _countries(event.targets)) == (["NLD"], ["PER"])


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Dutch and Peruvian negotiators met in Geneva on Monday.", "met"),
        ("Talks between the Netherlands and Peru opened in Geneva on Monday.", "Talks"),
    ],
)
def test_coordinated_sides_all_act(extractor: RulesExtractor, text: str, trigger: str) -> None:
    event = _event(_run(extractor, text), trigger)
    assert event.event_type == "CONSULT"
    assert (_countries(event.actors), event.targets) == (["NLD", "PER"], [])
