"""Statements and summaries told in the shape of an event give no event (rules/discourse.py):
an opinion of what should happen, a running total since a point in the past, a figure of people
displaced. Each case is the team's own sentence, with a near-identical happening that stays."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.rules.trace import recording

from .conftest import drop_reasons as _drops
from .conftest import event_types as _types


@pytest.mark.parametrize(
    ("statement", "happening", "event_type", "reason"),
    [
        (
            "The senator said the tax rules should be simplified.",
            "The senator said Moldova must return the seized lorries.",
            "REQUEST",
            "opinion",
        ),
        (
            "The mayor told a radio station the new stadium should be built in the north.",
            "The mayor told Finland to return the seized lorries.",
            "REQUEST",
            "opinion",
        ),
        (
            "Nobody should stand in the way of the reform, the minister said on Monday.",
            "The minister said on Monday that Serbia must withdraw its police from the border.",
            "REQUEST",
            "opinion",
        ),
        (
            "The health ministry said 412 people had been killed since the unrest began.",
            "The health ministry said 12 people were killed by soldiers in Ruvo on Monday.",
            "ASSAULT",
            "running total",
        ),
        (
            "The rebels have since seized four districts of the eastern province.",
            "The rebels seized four districts of the eastern province on Sunday.",
            "ASSAULT",
            "running total",
        ),
        (
            "Since then the militia has captured six villages near the lake.",
            "The militia captured six villages near the lake on Monday.",
            "ASSAULT",
            "running total",
        ),
        (
            "The agency said more than two million people had been displaced by the war.",
            "Government troops displaced 3,000 villagers from Kelmo on Monday.",
            "COERCE",
            "displacement figure",
        ),
        (
            "Some 80,000 people have been forced from their homes in the valley.",
            "Soldiers forced 300 families from their homes in Kelmo on Monday.",
            "COERCE",
            "displacement figure",
        ),
        (
            "Under the accord, the rebels are to free 40 soldiers.",
            "Under the accord, the rebels freed 40 soldiers on Monday.",
            "RETREAT",
            "terms of a deal",
        ),
        (
            "Estonia says Latvia should act first. Latvia accuses Estonia of stalling the plan.",
            "Estonia says Latvia should act first. Latvia accused Estonia of stalling the plan on"
            " Monday.",
            "ACCUSE",
            "standing position",
        ),
        (
            "The agency said 91 people had been killed and 300 wounded since May 2.",
            "The agency said 9 people were killed by soldiers in Ruvo on Monday.",
            "ASSAULT",
            "running total",
        ),
        (
            "Trade has been slow since March, when rebels seized the port of Kelmo.",
            "Rebels seized the port of Kelmo on Monday.",
            "ASSAULT",
            "background clause",
        ),
        (
            "The strike ended on Monday. Moldovan soldiers have detained hundreds of unionists.",
            "The strike ended on Monday. Moldovan soldiers detained 40 union members on Monday.",
            "COERCE",
            "summary perfect",
        ),
        (
            "Estonia and Latvia had not yet agreed on a new border, the envoy said.",
            "Estonia and Latvia agreed on a new border on Monday.",
            "AGREE",
            "pending",
        ),
        (
            "Aid workers said 2,000 people left the camp at Kelmo overnight.",
            "Aid workers said Moldovan soldiers left the camp at Kelmo overnight.",
            "RETREAT",
            "civilians moving",
        ),
    ],
)
def test_a_statement_or_a_total_gives_no_event_but_the_happening_does(
    extractor: RulesExtractor, statement: str, happening: str, event_type: str, reason: str
) -> None:
    assert not {event_type, "AGREE"} & set(_types(extractor, statement))
    assert reason in _drops(extractor, statement)
    assert event_type in _types(extractor, happening)


def test_an_ongoing_protest_since_a_day_is_still_one_protest(extractor: RulesExtractor) -> None:
    text = "Dockers have been striking at the port of Varna since Saturday."
    assert "running total" not in _drops(extractor, text)


def test_a_demand_on_a_named_party_stays_a_request(extractor: RulesExtractor) -> None:
    text = "The Syrian government must stop the shelling, the envoy said on Monday."
    assert "REQUEST" in _types(extractor, text)


def test_a_headline_in_the_present_is_the_news(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Latvia accuses Estonia of stalling the border plan.") == ["ACCUSE"]


def test_we_demand_in_the_present_is_a_demand(extractor: RulesExtractor) -> None:
    text = (
        "The talks ended on Monday. "
        '"We demand the release of the fishermen," the Latvian minister said on Monday.'
    )
    assert "standing position" not in _drops(extractor, text)


@pytest.mark.parametrize(
    ("offer", "reason"),
    [
        ("The foreign ministry said Latvia was ready to help its neighbours.", "vague offer"),
        ("Latvia is ready to play any role the two parties ask of it, the minister said.", None),
        (
            "The minister said Latvia was ready to send two frigates if the talks failed.",
            "conditional offer",
        ),
    ],
)
def test_readiness_to_help_or_on_a_condition_is_no_agreement(
    extractor: RulesExtractor, offer: str, reason: str | None
) -> None:
    assert _types(extractor, offer) == []
    if reason is not None:
        assert reason in _drops(extractor, offer)


def test_readiness_to_do_something_in_particular_is_an_offer(extractor: RulesExtractor) -> None:
    text = "The minister said Latvia was ready to release the two fishermen."
    assert _types(extractor, text) == ["AGREE"]


def test_undated_events_of_a_history_story_are_background(extractor: RulesExtractor) -> None:
    profile = (
        "The Estonian diplomat Jaan Tamm was born in 1941 in Tartu. He studied law in Riga in "
        "1962.\n\nSoviet troops arrested his brother in 1968. He negotiated the border treaty "
        "with Latvia in 1994.\n\nTamm criticised the Latvian government over its tax policy."
    )
    assert _types(extractor, profile) == []
    assert "undated in a history story" in _drops(extractor, profile)
    news = (
        "Estonia and Latvia signed a border treaty in Tartu on Monday.\n\nThe Latvian minister "
        "praised the negotiators. Protesters marched outside the hall."
    )
    assert "undated in a history story" not in _drops(extractor, news)


def test_an_event_taking_an_old_date_from_the_sentence_before_is_background(
    extractor: RulesExtractor,
) -> None:
    text = (
        "In 1994 Estonian troops seized a Latvian border post. The Estonian government then "
        "accused Latvia of provoking the clash."
    )
    assert "ACCUSE" not in _types(extractor, text)
    assert "takes an old date" in _drops(extractor, text)


def test_a_present_perfect_attack_in_the_lede_is_the_news(extractor: RulesExtractor) -> None:
    text = "Rebels have shelled the port of Kelmo, killing four dockers, officials said."
    assert "summary perfect" not in _drops(extractor, text)


def test_not_yet_agreed_is_no_refusal(extractor: RulesExtractor) -> None:
    text = "Estonia and Latvia had not yet agreed on a new border, the envoy said."
    assert "REJECT" not in _types(extractor, text)


def test_protests_announced_are_plans_but_a_conditional_boycott_threatens(
    extractor: RulesExtractor,
) -> None:
    text = "Latvian dockers said on Monday they would stage further protests in Riga."
    assert "THREATEN" not in _types(extractor, text)
    assert "announced protest" in _drops(extractor, text)
    text = "The Latvian opposition will boycott the vote unless the president resigns."
    assert "THREATEN" in _types(extractor, text)


@pytest.mark.parametrize(
    ("everyday", "act", "event_type", "reason"),
    [
        (
            "The Latvian minister said he recognised people's concerns about the plan.",
            "Latvia recognised the new government of Moldova on Monday.",
            "SUPPORT",
            "granting a point",
        ),
        (
            "The Latvian communications ministry blamed a technical fault.",
            "Latvia blamed Estonia for the outage on Monday.",
            "ACCUSE",
            "a cause, not a culprit",
        ),
        (
            "Latvian soldiers fired into the air as the envoy looked on.",
            "Latvian soldiers fired at protesters in Riga on Monday.",
            "ASSAULT",
            "firing into the air",
        ),
        (
            "In Riga, residents charged phones at tents set up by the Latvian army.",
            "Latvian prosecutors charged the former minister with fraud on Monday.",
            "ACCUSE",
            "charging a device or a price",
        ),
    ],
)
def test_a_word_in_its_everyday_sense_is_no_event(
    extractor: RulesExtractor, everyday: str, act: str, event_type: str, reason: str
) -> None:
    assert event_type not in _types(extractor, everyday)
    assert reason in _drops(extractor, everyday)
    assert event_type in _types(extractor, act)


@pytest.mark.parametrize(
    ("statement", "happening", "event_type", "reason"),
    [
        (
            "The Latvian army said it had struck more than 900 targets in the border region"
            " over the past six days.",
            "The Latvian army struck a depot in the border region on Monday.",
            "ASSAULT",
            "total over a period",
        ),
        (
            "Police said 600 people had been detained across the country since Friday.",
            "Police detained 600 people in Riga on Friday.",
            "COERCE",
            "total over a period",
        ),
        (
            "Twenty years ago, Estonian troops seized the border post at Valga.",
            "Estonian troops seized the border post at Valga on Monday.",
            "COERCE",
            "long ago",
        ),
        (
            "Last year, the Latvian government expelled two Estonian diplomats.",
            "Last week, the Latvian government expelled two Estonian diplomats.",
            "SANCTION",
            "long ago",
        ),
        (
            "The talks ended in May. Two months later, Latvian police arrested the mayor of Valka.",
            "The talks ended on Monday. Hours later, Latvian police arrested the mayor of Valka.",
            "COERCE",
            "told later",
        ),
        (
            "The Latvian minister said Riga would not accept any deal that left the border open.",
            "The Latvian minister said Riga would not accept the Estonian proposal.",
            "REJECT",
            "generic refusal",
        ),
        (
            "The talks ended on Monday. Latvian officials have been pressing Estonia to reopen"
            " the crossing.",
            "The talks ended on Monday. Latvian officials pressed Estonia to reopen the crossing"
            " on Monday.",
            "REQUEST",
            "ongoing pressure",
        ),
        (
            "Latvian farmers fear an attack by Estonian troops.",
            "Estonian troops launched an attack on Latvian farmers on Monday.",
            "ASSAULT",
            "feared",
        ),
        (
            "Estonia denied that its troops had crossed the border.",
            "Estonia denied Latvia's request for access to the port on Monday.",
            "REJECT",
            "denial of a claim",
        ),
    ],
)
def test_a_total_a_retold_act_or_a_stated_position_gives_no_event_but_the_act_does(
    extractor: RulesExtractor, statement: str, happening: str, event_type: str, reason: str
) -> None:
    assert event_type not in _types(extractor, statement)
    assert reason in _drops(extractor, statement)
    assert event_type in _types(extractor, happening)
    assert reason not in _drops(extractor, happening)


def test_a_denial_of_a_request_is_still_a_refusal(extractor: RulesExtractor) -> None:
    text = "Estonia denied Latvia's request for access to the port on Monday."
    assert _types(extractor, text) == ["REJECT"]


def test_killed_in_fighting_on_a_day_is_one_happening(extractor: RulesExtractor) -> None:
    text = "Three Latvian soldiers were killed by Estonian troops near Valka on Monday."
    assert "total over a period" not in _drops(extractor, text)
    assert "ASSAULT" in _types(extractor, text)


@pytest.mark.parametrize(
    ("opinion", "refusal"),
    [
        (
            "The Latvian minister said he did not agree with critics who opposed the border plan.",
            "The Latvian minister did not agree with the Estonian proposal.",
        ),
        (
            "The Latvian minister said he did not agree that the border had been opened.",
            "The Latvian minister did not agree to the Estonian border plan.",
        ),
    ],
)
def test_disagreeing_with_people_or_a_view_is_no_refusal(
    extractor: RulesExtractor, opinion: str, refusal: str
) -> None:
    assert "REJECT" not in _types(extractor, opinion)
    assert "disagreement" in _drops(extractor, opinion)
    assert _types(extractor, refusal) == ["REJECT"]


def _undated(extractor: RulesExtractor, text: str) -> tuple[list[str], set[str]]:
    """Event types and drop reasons of a story with no publication date."""
    with recording() as drops:
        events = extractor.extract(text, article_id="a", published_at=None).events
    return [e.event_type for e in events], {d.reason for d in drops}


def test_a_month_alone_past_the_lede_of_an_undated_story_is_background(
    extractor: RulesExtractor,
) -> None:
    lede = "Latvian and Estonian ministers met in Riga on Monday. "
    for retold in (
        "In December the Latvian government pledged to reopen the border crossing.",
        "The Latvian interior minister resigned in December after a scandal.",
    ):
        types, drops = _undated(extractor, lede + retold)
        assert types == ["CONSULT"]
        assert "month of an undated story" in drops
    news = lede + "The Latvian government pledged to reopen the border crossing on Monday."
    assert _undated(extractor, news)[0] == ["CONSULT", "AGREE"]
    # the lede, and a story with a publication date (whose dates are checked), keep it
    assert _undated(
        extractor, "In December the Latvian government pledged to reopen the border crossing."
    )[0] == ["AGREE"]
    assert "AGREE" in _types(
        extractor, lede + "In June the Latvian government pledged to reopen the border crossing."
    )
