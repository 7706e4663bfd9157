"""Who, when and how many across sentences: references, speakers, dates and vague amounts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from newswire_extractor import Extraction, RulesExtractor

from .conftest import trigger_event

PUBLISHED = datetime(2025, 6, 20, 18, 0, tzinfo=UTC)  # a Friday


def _run(extractor: RulesExtractor, text: str) -> Extraction:
    return extractor.extract(text, article_id="r", published_at=PUBLISHED)


def test_planned_events_are_never_dated_after_publication(extractor: RulesExtractor) -> None:
    result = _run(
        extractor,
        "The two governments agreed on Thursday to hold talks next year. "
        "Police are expected to detain the protest leaders on Monday.",
    )
    for event in result.events:
        assert event.occurred.date is None or event.occurred.date <= PUBLISHED.date()
    agreed = trigger_event(result, "agreed")
    assert agreed.occurred.date == date(2025, 6, 19)  # the agreement happened on Thursday
    # An expected detention has not happened: no event (issue 8, precision first).
    assert not [e for e in result.events if "detain" in e.evidence.trigger]


def test_a_few_hundred_is_an_approximate_range(extractor: RulesExtractor) -> None:
    result = _run(extractor, "Police detained a few hundred protesters in Tbilisi on Friday.")
    (quantity,) = trigger_event(result, "detained").quantities
    assert (quantity.value, quantity.value_max, quantity.approximate) == (200, 500, True)
    assert quantity.text == "a few hundred protesters"


def test_a_dateline_is_a_place_and_a_capital_speaks_for_its_government(
    extractor: RulesExtractor,
) -> None:
    result = _run(
        extractor,
        "VILNIUS — Lithuanian and Polish officials met on Friday. Moscow rejected the plan.",
    )
    meeting = trigger_event(result, "met")
    assert {a.country for a in meeting.actors} == {"LTU", "POL"}
    assert meeting.location is not None
    assert (meeting.location.name, meeting.location.basis) == ("Vilnius", "dateline")
    (moscow,) = trigger_event(result, "rejected").actors
    assert (moscow.country, moscow.sector) == ("RUS", "GOV")


def test_definite_descriptions_refer_back(extractor: RulesExtractor) -> None:
    result = _run(
        extractor,
        "President Volodymyr Zelensky said on Friday that the exchange was a success. "
        "Armenia's defence ministry accused Azerbaijan of shelling a village. "
        "Later the Ukrainian leader thanked the Emirati mediators. "
        "The ministry also accused Baku of lying.",
    )
    (leader,) = trigger_event(result, "thanked").actors
    assert (leader.name, leader.country, leader.text) == (
        "Volodymyr Zelensky",
        "UKR",
        "Ukrainian leader",
    )
    ministry = [e for e in result.events if e.event_type == "ACCUSE"][-1]
    assert [(a.country, a.text) for a in ministry.actors] == [("ARM", "ministry")]


def test_the_two_sides_are_the_parties_named_before(extractor: RulesExtractor) -> None:
    result = _run(
        extractor,
        "Armenia and Azerbaijan held talks in Abu Dhabi on Friday. "
        "The two sides agreed to exchange prisoners.",
    )
    agreed = trigger_event(result, "agreed")
    assert {a.country for a in agreed.actors} == {"ARM", "AZE"}


def test_quote_speakers_carry_their_nationality_and_continue(extractor: RulesExtractor) -> None:
    text = (
        "Russian negotiator Arkady Voronin dismissed the demand. “This is a show for the "
        "cameras,” Voronin told reporters. “It is not a negotiation.”\n\n"
        "“We will be back,” said Oksana Melnyk, a Ukrainian deputy minister."
    )
    result = _run(extractor, text)
    speakers = [(q.speaker.name, q.speaker.country) if q.speaker else None for q in result.quotes]
    assert speakers == [
        ("Arkady Voronin", "RUS"),
        ("Arkady Voronin", "RUS"),  # the unattributed quote right after goes on with him
        ("Oksana Melnyk", "UKR"),
    ]


def test_a_date_a_few_weeks_ahead_is_a_plan_not_last_year(extractor: RulesExtractor) -> None:
    result = _run(
        extractor,
        "Seoul said the drills would run from June 26 to June 30. "
        "North Korea's army fired two missiles into the sea on May 26, 2025.",
    )
    for event in result.events:
        assert event.occurred.date != date(2024, 6, 30)
        assert event.occurred.date is None or event.occurred.date <= PUBLISHED.date()
    fired = trigger_event(result, "fired")
    assert fired.occurred.date == date(2025, 5, 26)  # a full date stays as written


def test_month_days_ahead_resolve_to_this_year() -> None:
    from newswire_extractor.rules.dates import resolve_date

    published = date(2025, 6, 12)
    ahead = resolve_date("June 27", published)
    assert ahead is not None and ahead.date == date(2025, 6, 27)  # a plan: never an event date
    behind = resolve_date("December 20", published)
    assert behind is not None and behind.date == date(2024, 12, 20)
