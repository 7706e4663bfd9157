"""Acceptance: a synthetic report of prisoner-and-children talks yields the expected events."""

from __future__ import annotations

import pytest

from newswire_contracts import Event
from newswire_extractor import Extraction, RulesExtractor

from .conftest import PUBLISHED

# Written for this test, modelled on wire reports of the June 2025 Istanbul talks.
ARTICLE = """Ukrainian and Russian delegations held talks in Istanbul on Monday, their second \
round of direct negotiations this year. The meeting lasted just over an hour, officials said.

Russia acknowledged that it had deported Ukrainian children from occupied areas. Ukraine handed \
over a list of nearly 400 children and demanded their return. Russia offered to return about 10 \
children, according to a Ukrainian official.

Ukraine said twenty thousand children had been taken to Russia since the start of the war. \
A Russian negotiator dismissed the demand: “These children were evacuated from a war zone for \
their own safety. Nobody is holding them against their will,” he told reporters.
"""


@pytest.fixture(scope="module")
def result(extractor: RulesExtractor) -> Extraction:
    return extractor.extract(
        ARTICLE, article_id="istanbul-1", published_at=PUBLISHED, title="Talks in Istanbul"
    )


def _of_type(result: Extraction, event_type: str) -> list[Event]:
    return [e for e in result.events if e.event_type == event_type]


def _countries(event: Event) -> set[str | None]:
    return {a.country for a in [*event.actors, *event.targets]}


def test_talks_are_a_consult_between_ukraine_and_russia_in_istanbul_on_monday(
    result: Extraction,
) -> None:
    consults = [e for e in _of_type(result, "CONSULT") if {"UKR", "RUS"} <= _countries(e)]
    assert consults, [e.event_type for e in result.events]
    consult = consults[0]
    assert consult.location is not None
    assert consult.location.name == "Istanbul"
    assert consult.location.country == "TUR"
    assert consult.location.lat == pytest.approx(41.0, abs=0.2)
    assert consult.location.lon == pytest.approx(28.95, abs=0.2)
    assert consult.location.basis == "clause"
    assert consult.occurred.date is not None
    assert consult.occurred.date.isoformat() == "2025-06-02"
    assert consult.occurred.precision == "day"


def test_quantities_are_found_with_units_and_approximation(result: Extraction) -> None:
    quantities = [q for e in result.events for q in e.quantities]
    by_value = {q.value: q for q in quantities}
    assert by_value[400].approximate
    assert by_value[400].unit == "children"
    assert by_value[10].approximate
    assert by_value[20000].unit == "children"
    assert by_value[20000].category == "deported"
    assert not by_value[20000].approximate
    (taken,) = [e for e in result.events if by_value[20000] in e.quantities]
    assert (taken.event_type, taken.mode) == ("COERCE", "deport")
    assert taken.attribution is not None
    assert taken.attribution.speaker is not None
    assert taken.attribution.speaker.country == "UKR"


def test_russian_rejection_and_concession(result: Extraction) -> None:
    rejects = [e for e in _of_type(result, "REJECT") if "RUS" in {a.country for a in e.actors}]
    assert rejects
    assert rejects[0].evidence.trigger == "dismissed"
    concessions = [e for e in _of_type(result, "CONCEDE") if "RUS" in {a.country for a in e.actors}]
    assert {e.evidence.trigger for e in concessions} >= {"acknowledged"}
    offers = [e for e in _of_type(result, "AGREE") if "RUS" in {a.country for a in e.actors}]
    assert {e.evidence.trigger for e in offers} >= {"offered to return"}  # an offer is AGREE


def test_quote_is_attributed_to_the_russian_negotiator(result: Extraction) -> None:
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.text.startswith("These children were evacuated")
    assert ARTICLE[quote.start : quote.end] == quote.text
    assert quote.speaker is not None
    assert quote.speaker.country == "RUS"
    assert quote.cue == "told"


def test_every_offset_points_into_the_article(result: Extraction) -> None:
    for event in result.events:
        evidence = event.evidence
        assert ARTICLE[evidence.start : evidence.end] == evidence.text
        assert evidence.trigger_start is not None
        assert ARTICLE[evidence.trigger_start : evidence.trigger_end] == evidence.trigger
        assert evidence.text.strip() == evidence.text
        for actor in [*event.actors, *event.targets]:
            assert ARTICLE[actor.start : actor.end] == actor.text
        for quantity in event.quantities:
            assert ARTICLE[quantity.start : quantity.end] == quantity.text
    for entity in result.entities:
        assert ARTICLE[entity.start : entity.end] == entity.text


def test_event_ids_are_stable_across_runs(extractor: RulesExtractor, result: Extraction) -> None:
    again = extractor.extract(ARTICLE, article_id="istanbul-1", published_at=PUBLISHED)
    assert {e.event_id for e in again.events} == {e.event_id for e in result.events}
