"""Who an act is done to: the addressee of a message a demand or accusation follows, a country
named in an all-lower-case text, and no visitor's own country as the one visited.
Team-written sentences."""

from __future__ import annotations

from datetime import UTC, datetime

from newswire_extractor import Extraction, RulesExtractor

from .conftest import trigger_event

PUBLISHED = datetime(2025, 6, 20, 18, 0, tzinfo=UTC)


def _run(extractor: RulesExtractor, text: str, **source: str) -> Extraction:
    return extractor.extract(text, article_id="t", published_at=PUBLISHED, **source)


def test_a_demand_after_a_letter_is_made_of_its_addressee(extractor: RulesExtractor) -> None:
    text = "Her parents have written a letter to the prime minister demanding action."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "demanding")
    assert [(t.name, t.sector) for t in event.targets] == [("prime minister", "GOV")]
    assert [a.name for a in event.actors] == ["parents"]


def test_a_demand_after_writing_to_someone_is_made_of_them(extractor: RulesExtractor) -> None:
    text = "The families wrote to the foreign secretary on Monday demanding an inquiry."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "demanding")
    assert [(t.name, t.sector) for t in event.targets] == [("foreign secretary", "GOV")]


def test_an_accusation_by_pronoun_after_writing_is_of_the_addressee(
    extractor: RulesExtractor,
) -> None:
    text = "mr hale wrote to mr mcbride on tuesday accusing him of an error of judgement."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "accusing")
    assert [t.name for t in event.targets] == ["Mcbride"]


def test_a_named_accused_wins_over_the_addressee(extractor: RulesExtractor) -> None:
    text = "The residents wrote to the ombudsman on Monday accusing the council of neglect."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accusing")
    assert "ombudsman" not in [t.name for t in event.targets]


def test_a_demand_after_travelling_somewhere_has_no_addressee(extractor: RulesExtractor) -> None:
    text = "The farmers drove to the capital on Monday demanding lower fuel prices."
    result = _run(extractor, text, site_name="The Guardian")
    assert all(not e.targets for e in result.events if "demanding" in e.evidence.trigger)


def test_a_lower_case_country_possessor_is_the_target(extractor: RulesExtractor) -> None:
    text = "the israeli government rejected syria s denials on monday."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "rejected")
    assert [t.country for t in event.targets] == ["SYR"]


def test_lower_case_countries_visited_are_the_targets(extractor: RulesExtractor) -> None:
    text = "the minister is visiting kenya and tanzania this week."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "visiting")
    assert [t.country for t in event.targets] == ["KEN", "TZA"]


def test_a_lower_case_capital_in_a_name_is_no_country(extractor: RulesExtractor) -> None:
    text = "two motions were passed by the london assembly on monday asking him to apologise."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "asking")
    assert [a.name for a in event.actors] == ["london assembly"]


def test_a_lower_case_word_that_is_mostly_a_name_is_no_country(
    extractor: RulesExtractor,
) -> None:
    text = "the party leader accused jordan of lying about the budget on monday."
    result = _run(extractor, text, site_name="BBC News")
    assert all(
        "JOR" not in [t.country for t in e.targets]
        for e in result.events
        if "accused" in e.evidence.trigger
    )


def test_a_visitors_own_country_is_not_the_host(extractor: RulesExtractor) -> None:
    text = "meanwhile the chancellor is leaving britain on a high-profile tour of africa."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "tour")
    assert "GBR" not in [t.country for t in event.targets]


def test_a_lower_case_party_the_tagger_takes_for_a_noun_is_the_target(
    extractor: RulesExtractor,
) -> None:
    text = "campaign chief john smith accused the tories of lying on monday."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "accused")
    assert [(t.country, t.sector) for t in event.targets] == [("GBR", "PTY")]


def test_accepting_a_resignation_is_done_to_who_resigned(extractor: RulesExtractor) -> None:
    text = (
        "The interior minister resigned on Monday. "
        "The prime minister accepted his resignation on Tuesday."
    )
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accepted")
    assert [t.name for t in event.targets] == ["interior minister"]


def test_accepting_an_offer_is_done_to_who_offered(extractor: RulesExtractor) -> None:
    text = (
        "The prime minister offered a pay deal to the unions on Monday. "
        "The union leader accepted the offer on Tuesday."
    )
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accepted")
    assert [t.name for t in event.targets] == ["prime minister"]


def test_recalling_an_envoy_is_aimed_at_the_country_left(extractor: RulesExtractor) -> None:
    text = "France recalled its ambassador from Ottawa on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "recalled")
    assert [t.country for t in event.targets] == ["CAN"]
