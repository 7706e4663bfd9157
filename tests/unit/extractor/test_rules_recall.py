"""Narrowed drops (issue 8 recall): events the no-event-by-default rules dropped although their
clause asserts them. Each test pairs a kept case with the dropped class it must not re-admit."""

from __future__ import annotations

import pytest

from newswire_contracts import Event
from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _events(extractor: RulesExtractor, text: str) -> list[Event]:
    return extractor.extract(text, article_id="a", published_at=PUBLISHED).events


def _typed(extractor: RulesExtractor, text: str, event_type: str) -> list[Event]:
    return [e for e in _events(extractor, text) if e.event_type == event_type]


@pytest.mark.parametrize(
    "text",
    [
        "The French president used a televised address to castigate Russia.",
        "The Serbian foreign minister took to Twitter on Monday to denounce Kosovo.",
        "The British prime minister went on television to condemn Iran.",
    ],
)
def test_what_a_medium_was_used_for_was_done(extractor: RulesExtractor, text: str) -> None:
    found = _typed(extractor, text, "ACCUSE")
    assert found, _events(extractor, text)
    assert found[0].actors and found[0].actors[0].country is not None
    assert not found[0].modality.future


@pytest.mark.parametrize(
    "text",
    [
        "The British prime minister went to Paris to condemn Iran.",  # a trip's purpose
        "The French president uses his addresses to castigate Russia.",  # a habit
        "The French president will use a televised address to castigate Russia.",  # a plan
        "The French president wants to use an address to castigate Russia.",  # a wish
    ],
)
def test_a_purpose_without_a_medium_used_stays_unasserted(
    extractor: RulesExtractor, text: str
) -> None:
    assert not _typed(extractor, text, "ACCUSE")


def test_an_announced_boycott_of_a_meeting_is_a_refusal(extractor: RulesExtractor) -> None:
    found = _typed(extractor, "Germany will boycott the event in Warsaw.", "REJECT")
    assert [a.country for e in found for a in e.actors] == ["DEU"]
    assert found[0].mode == "meet"
    assert not found[0].modality.future


@pytest.mark.parametrize(
    "text",
    [
        "Germany is expected to boycott the summit in Warsaw.",
        "Germany may boycott the summit in Warsaw.",
        "Germany will not boycott the summit in Warsaw.",
        "If the talks fail, Germany will boycott the summit in Warsaw.",
    ],
)
def test_an_expected_possible_or_denied_boycott_is_no_refusal(
    extractor: RulesExtractor, text: str
) -> None:
    assert not _typed(extractor, text, "REJECT")


def test_the_us_is_the_country_a_later_it_refers_to(extractor: RulesExtractor) -> None:
    text = (
        "Absent were Qatar and the Palestinian Authority. "
        "The US said it will impose sanctions on Iranian oil exports."
    )
    found = _typed(extractor, text, "THREATEN")
    assert [a.country for e in found for a in e.actors] == ["USA"]
    troops = _events(extractor, "US troops attacked the village on Monday.")
    assert [a.kind for e in troops for a in e.actors] != ["GPE"]


def test_a_signal_reports_an_announced_withdrawal(extractor: RulesExtractor) -> None:
    found = _typed(
        extractor, "France has signalled it would withdraw its troops from Mali.", "AGREE"
    )
    assert [a.country for e in found for a in e.actors] == ["FRA"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Thousands have fled a government assault on Idlib, the UN said on Monday.", "ASSAULT"),
        ("A police crackdown on the protesters began on Monday.", "COERCE"),
        ("Regime airstrikes hit the hospital on Monday.", "ASSAULT"),
    ],
)
def test_a_state_body_before_the_event_noun_is_its_doer(
    extractor: RulesExtractor, text: str, event_type: str
) -> None:
    found = _typed(extractor, text, event_type)
    assert found and found[0].actors[0].sector in ("GOV", "MIL", "COP"), _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The prisoner release took place on Monday.",  # the prisoners are freed, not freeing
        "The hostage release was agreed in Doha on Monday.",
    ],
)
def test_a_patient_before_the_event_noun_is_no_doer(extractor: RulesExtractor, text: str) -> None:
    assert not _typed(extractor, text, "RETREAT")
