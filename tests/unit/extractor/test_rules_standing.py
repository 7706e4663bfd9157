"""Standing states are not events (rules/standing.py): a stance or readiness, an ongoing
activity, a standing relation, or many happenings summed up. Each pair is the team's own: the
standing reading gives no event, a near-identical single happening keeps its event."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor

from .conftest import drop_reasons as _drops
from .conftest import event_types as _types


@pytest.mark.parametrize(
    ("standing", "happening", "event_type", "reason"),
    [
        (
            "The opposition coalition is opposed to the new election timetable.",
            "The opposition coalition rejected the new election timetable on Monday.",
            "REJECT",
            "stance",
        ),
        (
            "Greece is prepared to send two frigates to the Aegean.",
            "Greece sent two frigates to the Aegean on Monday.",
            "MOBILIZE",
            "stance",
        ),
        (
            "The two governments are close to agreeing a ceasefire.",
            "The two governments agreed a ceasefire on Sunday.",
            "AGREE",
            "stance",
        ),
        (
            "Russian jets continue to bomb markets in Idlib.",
            "Russian jets bombed a market in Idlib on Monday.",
            "ASSAULT",
            "ongoing",
        ),
        (
            "Russian jets kept bombing markets in Idlib.",
            "Russian jets hit a market in Idlib on Monday.",
            "ASSAULT",
            "ongoing",
        ),
        (
            "Ukraine is ready to send aid to Moldova.",
            "Ukraine sent aid to Moldova on Monday.",
            "AID",
            "stance",
        ),
        (
            "Militants have staged several attacks on army posts in the north.",
            "Militants attacked an army post in the north on Sunday.",
            "ASSAULT",
            "aggregate",
        ),
        (
            "A series of clashes between the army and the rebels left dozens dead.",
            "Clashes between the army and the rebels left dozens dead in Goma on Sunday.",
            "ASSAULT",
            "aggregate",
        ),
        (
            "Government shelling has displaced 200,000 people since January.",
            "Government shelling displaced 2,000 people on Monday.",
            "COERCE",
            "running total",
        ),
    ],
)
def test_a_standing_state_gives_no_event_but_the_single_happening_does(
    extractor: RulesExtractor, standing: str, happening: str, event_type: str, reason: str
) -> None:
    assert event_type not in _types(extractor, standing)
    assert reason in _drops(extractor, standing)
    assert event_type in _types(extractor, happening)


def test_a_relation_described_by_a_participle_is_no_support(extractor: RulesExtractor) -> None:
    text = "The regime, backed by Moscow and Tehran, retains the military momentum."
    assert _types(extractor, text) == []
    assert "standing relation" in _drops(extractor, text)
    assert _types(extractor, "Moscow backed the regime's offensive on Monday.") == ["SUPPORT"]


def test_there_have_been_clashes_sums_up_a_week(extractor: RulesExtractor) -> None:
    text = "There have been almost daily clashes between the army and the rebels this week."
    assert "ASSAULT" not in _types(extractor, text)


def test_quantified_people_are_still_one_arrest(extractor: RulesExtractor) -> None:
    text = "Police arrested several protesters outside parliament on Monday."
    assert _types(extractor, text) == ["COERCE"]


def test_a_present_perfect_progressive_alone_stays(extractor: RulesExtractor) -> None:
    # PLOVER codes 'has been sharing expertise with' as an event: the tense alone is no cue.
    text = "Students have been protesting outside parliament since Saturday."
    assert _types(extractor, text) == ["PROTEST"]


def test_readiness_announced_by_a_side_is_an_offer(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Iran is eager to exploit the chaos in Syria.") == []
    text = "The negotiator told reporters that Moscow was ready to carry out a further exchange."
    assert _types(extractor, text) == ["AGREE"]


def test_continuing_with_its_own_date_or_announced_stays(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Russian jets continued to bomb the market in Idlib on Monday.")
    text = "The United States said it would continue to support Guyana's sovereignty."
    assert _types(extractor, text) == ["SUPPORT"]


def test_a_stance_in_a_clause_under_a_fresh_act_leaves_the_act(
    extractor: RulesExtractor,
) -> None:
    text = (
        "North Korea is poised to walk away from the talks after the United States "
        "threatened to punish it."
    )
    assert "THREATEN" in _types(extractor, text)


def test_committing_troops_is_an_act_being_committed_to_a_policy_is_not(
    extractor: RulesExtractor,
) -> None:
    assert _types(extractor, "The party is committed to cutting taxes.") == []
    assert _types(extractor, "The government committed 500 troops to the mission on Monday.")


def test_prices_hitting_the_market_is_no_assault(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Rising oil prices hit the market on Monday.") == []


def test_a_relative_clause_in_the_present_describes_its_noun(extractor: RulesExtractor) -> None:
    text = "Syria, which is fighting Islamic State militants, dismissed the report on Monday."
    assert "ASSAULT" not in _types(extractor, text)
    assert "description" in _drops(extractor, text)
    text = "Police detained the activists, who are protesting against the new law, on Monday."
    assert _types(extractor, text) == ["COERCE"]
    assert _types(extractor, "Syrian troops fought Islamic State militants on Monday.")
