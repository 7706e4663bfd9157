"""Date expressions resolve against the publication date (Tuesday 2025-06-03)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from newswire_contracts import Event
from newswire_extractor import RulesExtractor
from newswire_extractor.rules.attach import tense
from newswire_extractor.rules.dates import resolve_date

PUBLISHED = date(2025, 6, 3)


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("Monday", "2025-06-02", "day"),
        ("on Monday", "2025-06-02", "day"),
        ("Monday night", "2025-06-02", "day"),
        ("Tuesday", "2025-06-03", "day"),
        ("last Tuesday", "2025-05-27", "day"),
        ("Sunday", "2025-06-01", "day"),
        ("Wednesday", "2025-05-28", "day"),
        ("June 2", "2025-06-02", "day"),
        ("2 June 2025", "2025-06-02", "day"),
        ("June 2, 2025", "2025-06-02", "day"),
        ("2025-05-30", "2025-05-30", "day"),
        ("Oct. 15", "2024-10-15", "day"),
        ("December 20", "2024-12-20", "day"),
        ("yesterday", "2025-06-02", "day"),
        ("today", "2025-06-03", "day"),
        ("two days ago", "2025-06-01", "day"),
        ("earlier this month", "2025-06-01", "month"),
        ("last month", "2025-05-01", "month"),
        ("in June", "2025-06-01", "month"),
        ("mid-June", "2025-06-01", "month"),
        ("June 2024", "2024-06-01", "month"),
        ("this year", "2025-01-01", "year"),
        ("2024", "2024-01-01", "year"),
        ("three weeks ago", "2025-05-12", "month"),
    ],
)
def test_expressions_resolve_to_a_day_on_or_before_publication(
    expression: str, expected: str, precision: str
) -> None:
    found = resolve_date(expression, PUBLISHED)
    assert found is not None
    assert found.date is not None
    assert found.date.isoformat() == expected
    assert found.precision == precision
    assert found.text == expression
    assert found.date <= PUBLISHED


def test_a_week_that_straddles_two_months_has_year_precision() -> None:
    found = resolve_date("last week", PUBLISHED)
    assert found is not None
    assert found.date == date(2025, 5, 26)  # the Monday of that week
    assert found.precision == "year"


def test_a_week_inside_one_month_has_month_precision() -> None:
    found = resolve_date("last week", date(2025, 6, 18))
    assert found is not None
    assert found.date == date(2025, 6, 9)
    assert found.precision == "month"


def test_future_events_look_forward() -> None:
    found = resolve_date("Monday", PUBLISHED, future=True)
    assert found is not None
    assert found.date == date(2025, 6, 9)
    nxt = resolve_date("next week", PUBLISHED)
    assert nxt is not None
    assert nxt.date == date(2025, 6, 9)


def test_without_publication_date_relative_expressions_stay_unresolved() -> None:
    found = resolve_date("on Monday", None)
    assert found is not None
    assert found.date is None
    assert found.precision == "unknown"
    absolute = resolve_date("2 June 2025", None)
    assert absolute is not None
    assert absolute.date == date(2025, 6, 2)


@pytest.mark.parametrize(
    "expression", ["two days", "fifteen years", "the day", "may", "2025-13-45", "May 35"]
)
def test_durations_and_non_dates_are_not_dates(expression: str) -> None:
    assert resolve_date(expression, PUBLISHED) is None


# ---------------------------------------------------------------- dates of events in articles
SATURDAY = datetime(2025, 5, 31, 9, 0, tzinfo=UTC)


def _events(extractor: RulesExtractor, text: str, published: datetime = SATURDAY) -> list[Event]:
    return extractor.extract(text, article_id="dates", published_at=published).events


def _one(events: list[Event], event_type: str) -> Event:
    (found,) = [e for e in events if e.event_type == event_type]
    return found


def test_a_planned_date_in_another_clause_does_not_date_the_event(
    extractor: RulesExtractor,
) -> None:
    events = _events(
        extractor,
        "Ukraine accused Russia of shelling Kharkiv in a complaint that is due to be discussed "
        "at the security council on Monday.",
    )
    accused = _one(events, "ACCUSE").occurred
    # Not the Monday before publication (26 May): Monday is when the complaint will be discussed.
    assert accused.date == SATURDAY.date()
    assert accused.precision == "unknown"
    assert accused.text is None


def test_a_date_in_a_relative_clause_is_not_the_main_events(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "The army said on Friday that it had arrested a commander who attacked a convoy in 2019.",
    )
    assert _one(events, "COERCE").occurred.date == date(2025, 5, 30)


def test_a_month_after_an_explicit_year_is_in_that_year(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "In 2014, Isis seized Mosul. In June, the group's leader declared a caliphate and "
        "attacked Yazidis.",
    )
    attacked = next(e for e in events if e.evidence.trigger == "attacked").occurred
    assert (attacked.date, attacked.precision) == (date(2014, 6, 1), "month")


def test_current_events_are_dated_to_publication_and_background_is_not(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Turkish troops have been fighting Kurdish militias near the border for a week. "
        "The families of civilians who were kidnapped by the militia urged the army to find them."
    )
    events = _events(extractor, text)
    fighting = next(e for e in events if e.evidence.trigger == "fighting")
    assert (fighting.occurred.date, fighting.occurred.precision) == (SATURDAY.date(), "unknown")
    kidnapped = [e for e in events if e.evidence.trigger == "kidnapped"]
    assert all(e.occurred.date is None for e in kidnapped)


def test_later_past_events_take_the_ledes_day(extractor: RulesExtractor) -> None:
    text = (
        "Ukrainian and Russian delegations held talks in Istanbul on Monday.\n\n"
        "Officials described the meeting as tense. The rooms were small and the coffee was cold. "
        "Ukraine handed over a list of children. Russia rejected the list."
    )
    events = _events(extractor, text, datetime(2025, 6, 3, 8, 0, tzinfo=UTC))
    rejected = _one(events, "REJECT").occurred
    assert (rejected.date, rejected.precision) == (date(2025, 6, 2), "day")


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Moscow rejected the ceasefire.", "past"),
        ("Moscow has rejected the ceasefire.", "perfect"),
        ("Moscow had rejected the ceasefire.", "pluperfect"),
        ("Moscow rejects the ceasefire.", "present"),
        ("Turkish troops are fighting Kurdish militias.", "present"),
        ("Twelve people were killed.", "past"),
    ],
)
def test_the_tense_an_event_is_told_in(nlp: Any, sentence: str, told: str) -> None:
    doc = nlp(sentence)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert tense(root) == told


def test_a_when_clause_dates_and_places_the_same_happening(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "Scores of Russian mercenaries were reportedly killed when US forces carried out air "
        "strikes against a pro-regime force in eastern Syria last week, according to US and "
        "Russian reports.",
        datetime(2018, 2, 13, 9, 0, tzinfo=UTC),
    )
    killed = next(e for e in events if e.evidence.trigger == "killed")
    assert (killed.occurred.date, killed.occurred.precision) == (date(2018, 2, 5), "month")
    assert killed.location is not None
    assert (killed.location.text, killed.location.country) == ("eastern Syria", "SYR")


def test_an_announced_future_step_is_dated_to_its_announcement(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "CBS said McGurk had planned to leave in February. McGurk will quit at the end of this "
        "month.",
        datetime(2018, 12, 22, 9, 0, tzinfo=UTC),
    )
    quit_ = next(e for e in events if e.evidence.trigger == "quit")
    assert (quit_.occurred.date, quit_.occurred.precision) == (date(2018, 12, 22), "unknown")
