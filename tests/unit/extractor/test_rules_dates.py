"""Date expressions resolve against the publication date (Tuesday 2025-06-03)."""

from __future__ import annotations

from datetime import date

import pytest

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
