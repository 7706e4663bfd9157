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
        ("Three years ago", "2022-01-01", "year"),
        ("Last week", "2025-05-26", "year"),
        ("Last April", "2025-04-01", "month"),
        ("last June", "2024-06-01", "month"),
        ("over the weekend", "2025-05-31", "year"),
        ("the past two days", "2025-06-01", "month"),
        ("the last month", "2025-05-03", "year"),
        ("the past 48 hours", "2025-06-01", "month"),
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


def test_a_weekday_of_next_week_lies_after_publication() -> None:
    found = resolve_date("Thursday next week", PUBLISHED)
    assert found is not None
    assert (found.date, found.precision) == (date(2025, 6, 12), "day")
    monday = resolve_date("Monday next week", PUBLISHED)
    assert monday is not None
    assert monday.date == date(2025, 6, 9)


def test_a_span_of_years_up_to_publication_is_no_date() -> None:
    # 'over the past year' is a duration; it is not the calendar year before ('past year').
    assert resolve_date("the past year", PUBLISHED) is None
    assert resolve_date("the last three months", date(2025, 1, 10)) is None  # spans two years


def test_date_patterns_find_capitalised_and_spanning_expressions() -> None:
    from newswire_extractor.rules.analysis import DATE_PATTERN

    def found(text: str) -> list[str]:
        return [m[0] for m in DATE_PATTERN.finditer(text)]

    assert found("Last week the minister resigned.") == ["Last week"]
    assert found("Three years ago the town fell.") == ["Three years ago"]
    assert found("Today the town is quiet.") == ["Today"]
    assert found("she told the Today programme") == []
    assert found("aid was delivered over the weekend") == ["the weekend"]
    assert found("it killed 80 people in the past two days") == ["the past two days"]
    assert found("talks on Thursday and Friday next week") == ["Thursday", "Friday next week"]


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


def test_a_month_after_an_explicit_year_is_in_that_year(unfiltered: RulesExtractor) -> None:
    events = _events(
        unfiltered,
        "In 2014, Isis seized Mosul. In June, the group's leader declared a caliphate and "
        "attacked Yazidis.",
        # published soon after: a retold event dated long before publication is background
        datetime(2014, 7, 10, 9, 0, tzinfo=UTC),
    )
    attacked = next(e for e in events if e.evidence.trigger == "attacked").occurred
    assert (attacked.date, attacked.precision) == (date(2014, 6, 1), "month")


def test_current_events_are_dated_to_publication_and_background_is_not(
    unfiltered: RulesExtractor,
) -> None:
    text = (
        "Turkish troops have been fighting Kurdish militias near the border for a week. "
        "The families of civilians who were kidnapped by the militia urged the army to find them."
    )
    events = _events(unfiltered, text)
    fighting = next(e for e in events if e.evidence.trigger == "fighting")
    # A perfect: the week before publication, at the precision that holds it (here May).
    assert (fighting.occurred.date, fighting.occurred.precision) == (date(2025, 5, 24), "month")
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


def test_an_announced_future_step_is_dated_to_its_announcement(
    unfiltered: RulesExtractor,
) -> None:
    events = _events(  # the filter scores the announced step near its threshold: dates only
        unfiltered,
        "CBS said McGurk had planned to leave in February. McGurk will quit at the end of this "
        "month.",
        datetime(2018, 12, 22, 9, 0, tzinfo=UTC),
    )
    quit_ = next(e for e in events if e.evidence.trigger == "quit")
    # Announced in the week before publication (December), not necessarily on the day.
    assert (quit_.occurred.date, quit_.occurred.precision) == (date(2018, 12, 15), "month")


# ------------------------------------------------------- which words date which happening
JUNE_18 = datetime(2025, 6, 18, 9, 0, tzinfo=UTC)  # a Wednesday


def _trigger(events: list[Event], trigger: str) -> Event:
    (found,) = [e for e in events if e.evidence.trigger == trigger]
    return found


def test_may_after_to_is_a_person_not_the_month(extractor: RulesExtractor) -> None:
    text = (
        "The opposition called a strike over fuel prices. The parliament debated the budget "
        "for six hours. Relatives of the detained activist have written a letter to May "
        "demanding his release."
    )
    demand = _one(_events(extractor, text, JUNE_18), "REQUEST").occurred
    assert demand.text is None  # not 'May' (1 May 2025)
    assert (demand.date, demand.precision) == (date(2025, 6, 11), "month")


def test_capitalised_and_spanning_expressions_date_their_clause(unfiltered: RulesExtractor) -> None:
    text = (
        "Last week the Turkish foreign minister accused Russia of shelling Kharkiv. "
        "The World Health Organization said it had delivered medical supplies to 2,000 families "
        "in Gaza over the weekend. In the past two days, Turkish jets struck villages near Afrin."
    )
    events = _events(unfiltered, text, JUNE_18)
    accused = _one(events, "ACCUSE").occurred
    assert (accused.date, accused.precision) == (date(2025, 6, 9), "month")
    assert accused.text == "Last week"
    aid = _one(events, "AID").occurred
    assert (aid.date, aid.precision) == (date(2025, 6, 14), "month")
    struck = _one(events, "ASSAULT").occurred
    assert (struck.date, struck.precision) == (date(2025, 6, 16), "month")


def test_talks_set_for_next_week_are_not_last_weeks(extractor: RulesExtractor) -> None:
    text = (
        "Ukraine and Russia held talks in Istanbul on Monday. The UN envoy said he is meeting "
        "the two delegations in Geneva on Thursday and Friday next week."
    )
    meeting = _trigger(_events(extractor, text, JUNE_18), "meeting").occurred
    # Not Thursday 12 June: the meeting is still to come.
    assert (meeting.date, meeting.text) == (None, "Thursday")


def test_a_year_named_before_does_not_move_a_recent_month_day(extractor: RulesExtractor) -> None:
    text = (
        "Russian forces shelled Kharkiv on Monday. Ukraine said Russian forces used cluster "
        "munitions in 2019. Russian forces shelled Odesa on 22 July."
    )
    events = _events(extractor, text, datetime(2025, 8, 10, 9, 0, tzinfo=UTC))
    odesa = next(e for e in events if e.location is not None and e.location.name == "Odesa")
    assert (odesa.occurred.date, odesa.occurred.precision) == (date(2025, 7, 22), "day")


def test_a_later_sentence_does_not_take_the_date_before_it(unfiltered: RulesExtractor) -> None:
    text = (
        "The opposition called a strike over fuel prices. The parliament debated the budget. "
        "Officials said Russian and Ukrainian negotiators held talks on 13 June in Istanbul. "
        "The Russian defence ministry later said its forces had captured two villages."
    )
    captured = _one(_events(unfiltered, text, JUNE_18), "ASSAULT").occurred
    assert captured.date != date(2025, 6, 13)
    assert (captured.date, captured.precision) == (date(2025, 6, 11), "month")


def test_an_undated_past_event_of_a_news_story_is_dated_to_its_month(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The opposition called a strike over fuel prices. The parliament debated the budget "
        "for six hours. The vote, which was held last month, ended the crisis. A spokesman for "
        "the president criticised the opposition leader."
    )
    criticised = _one(_events(extractor, text, JUNE_18), "ACCUSE").occurred
    # Not May ('held last month' describes the vote): the week before publication, in June.
    assert (criticised.date, criticised.precision, criticised.text) == (
        date(2025, 6, 11),
        "month",
        None,
    )


def test_the_news_week_that_spans_two_months_is_the_year(extractor: RulesExtractor) -> None:
    text = (
        "The opposition called a strike over fuel prices. The parliament debated the budget "
        "for six hours. A spokesman for the president criticised the opposition leader."
    )
    criticised = _one(_events(extractor, text, datetime(2025, 6, 3, 9, tzinfo=UTC)), "ACCUSE")
    assert (criticised.occurred.date, criticised.occurred.precision) == (date(2025, 5, 27), "year")


def test_undated_past_events_of_history_stay_undated(extractor: RulesExtractor) -> None:
    obituary = (
        "The politician was born in 1933 in a Kurdish village. He studied law in Baghdad in "
        "1953. Iraqi troops attacked his fighters in 1976. He joined the opposition in 1979. A "
        "spokesman for the party criticised the government."
    )
    # Undated events of a history story are never dated to the news week (rules/events.py
    # drops them as background: they are not the story's news).
    assert all(e.occurred.date is None for e in _events(extractor, obituary, JUNE_18))
    essay = (
        "Three years ago rebels besieged the town for months. The army had few supplies. The "
        "rebels attacked the garrison and the army withdrew from the town. Today the town is "
        "quiet."
    )
    assert all(e.occurred.date is None for e in _events(extractor, essay, JUNE_18))


def test_at_the_time_sets_a_past_of_its_own(extractor: RulesExtractor) -> None:
    text = (
        "The opposition called a strike over fuel prices. The parliament debated the budget "
        "for six hours. The police recognised the protesters' grievances at the time."
    )
    recognised = _trigger(_events(extractor, text, JUNE_18), "recognised").occurred
    assert recognised.date is None


def test_a_perfect_shared_by_two_verbs_dates_both(unfiltered: RulesExtractor) -> None:
    text = (
        "The opposition called a strike over fuel prices. The parliament debated the budget "
        "for six hours. The Senate has withdrawn support for the war and openly accused the "
        "Saudi crown prince of ordering the killing, a claim that seemed unlikely three months "
        "ago."
    )
    events = _events(unfiltered, text, JUNE_18)
    # 'accused' shares 'has' with 'withdrawn'; 'three months ago' describes the claim.
    for event_type in ("SANCTION", "ACCUSE"):
        occurred = _one(events, event_type).occurred
        assert (occurred.date, occurred.precision) == (date(2025, 6, 11), "month")
