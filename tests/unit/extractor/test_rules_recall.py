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


def test_the_ledes_after_clause_is_the_news_trigger(extractor: RulesExtractor) -> None:
    text = (
        "Kurdish militants have vowed to wage a guerrilla war against the Turkish military "
        "after Turkish troops seized the northern Syrian city of Afrin."
    )
    found = _typed(extractor, text, "ASSAULT")
    assert [a.country for e in found for a in e.actors] == ["TUR"]
    text = "Scores were killed when US forces carried out air strikes in eastern Syria."
    assert [a.country for e in _typed(extractor, text, "ASSAULT") for a in e.actors] == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        # not the lede
        "The rebels vowed revenge. They spoke after Turkish troops seized the city of Afrin.",
        # a pluperfect, an old date, a gerund, a description inside the clause
        "The rebels vowed revenge after Turkish troops had seized the city of Afrin.",
        "The rebels vowed revenge after Turkish troops seized the city of Afrin in 2016.",
        "The rebels vowed revenge after being attacked by Turkish troops in Afrin.",
    ],
)
def test_history_in_a_temporal_clause_stays_background(
    extractor: RulesExtractor, text: str
) -> None:
    assert not _typed(extractor, text, "ASSAULT")


def test_a_participle_inside_the_ledes_temporal_clause_stays_background(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Bolton held talks in Ankara on Tuesday, after he placed conditions on a troop "
        "withdrawal promised by Donald Trump."
    )
    assert not _typed(extractor, text, "AGREE")


def test_an_apposition_names_the_subjects_it_describes(extractor: RulesExtractor) -> None:
    text = "The three key regional powers – Russia, Iran and Turkey – met in Sochi on Monday."
    found = _typed(extractor, text, "CONSULT")
    assert {a.country for e in found for a in e.actors} == {"RUS", "IRN", "TUR"}


def test_a_quoted_question_and_its_asking_are_no_events(extractor: RulesExtractor) -> None:
    text = "“Why are we fighting for our enemy, Syria, by staying here?,” the president asked."
    assert not [e for e in _events(extractor, text) if e.event_type in ("ASSAULT", "REQUEST")]
    text = "The Syrian army attacked the base (was it a mistake?) on Monday."
    assert _typed(extractor, text, "ASSAULT")  # the question is the writer's aside


def test_seizing_control_of_territory_is_an_assault(extractor: RulesExtractor) -> None:
    found = _typed(extractor, "Turkish troops seized control of the town on Monday.", "ASSAULT")
    assert [a.country for e in found for a in e.actors] == ["TUR"]
    assert _typed(extractor, "Syrian police seized weapons in a raid on Monday.", "COERCE")


def test_a_past_tense_tagged_as_participle_in_the_lede_clause_is_fresh(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Kurdish militants have vowed a guerrilla war against the Turkish military after "
        "Turkish troops swept into the city of Afrin, seizing control from Kurdish forces."
    )
    assert _typed(extractor, text, "ASSAULT")


def test_a_vow_of_revenge_is_a_threat(extractor: RulesExtractor) -> None:
    text = "The Iranian army vowed revenge for the killing of its general on Monday."
    assert [e.event_type for e in _events(extractor, text)] == ["THREATEN"]
    text = "The Iranian government promised aid to the flood victims on Monday."
    assert [e.event_type for e in _events(extractor, text)] == ["AGREE"]


def test_insisting_on_an_act_is_a_demand(extractor: RulesExtractor) -> None:
    text = "Russia insisted on the withdrawal of Ukrainian troops from the four regions."
    found = _typed(extractor, text, "REQUEST")
    assert [(a.country, t.country) for e in found for a in e.actors for t in e.targets] == [
        ("RUS", "UKR")
    ]
    assert not _events(extractor, "The Russian minister insisted on his innocence on Monday.")
