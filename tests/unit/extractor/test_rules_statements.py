"""Statements are not events: a rebutted claim is no REJECT, a campaign pledge no AGREE, a goal
no REQUEST; refusing a demand or a proposal stays REJECT. Team-written sentences, one per
behaviour."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _types(extractor: RulesExtractor, sentence: str) -> list[str]:
    result = extractor.extract(sentence, article_id="statements", published_at=PUBLISHED, title="")
    return [e.event_type for e in result.events]


@pytest.mark.parametrize(
    "sentence",
    [
        # Denying a report, a claim or an allegation rebuts a fact; it refuses no request.
        "The Kremlin denied the report on Monday.",
        "A government spokesman rejected claims that troops had crossed the border.",
        "The ministry dismissed suggestions that the talks had failed.",
        "The interior minister denied the allegations against the police.",
        "Russia denied that its aircraft had bombed the hospital.",
        # A manifesto pledge states a position; a goal sought is no request of anyone.
        "The party pledged in its manifesto to cut immigration.",
        "The rebels seek victory over the army.",
        # Stated positions and intentions are no agreement, support or rejection.
        "Labour would abolish the tax on fuel.",
        "The government is committed to the peace process.",
        "Britain and France are committed allies of Ukraine.",
        "The president hoped to leave the talks with a deal.",
    ],
)
def test_statements_give_no_event(extractor: RulesExtractor, sentence: str) -> None:
    assert _types(extractor, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # A demand and a proposal are requests: refusing them is REJECT.
        "The Russian negotiator dismissed the demand on Monday.",
        "Ukraine rejected the Russian proposal for a ceasefire on Monday.",
    ],
)
def test_refusals_stay_reject(extractor: RulesExtractor, sentence: str) -> None:
    assert _types(extractor, sentence) == ["REJECT"]


def _dates(extractor: RulesExtractor, text: str) -> dict[str, str | None]:
    result = extractor.extract(text, article_id="statements", published_at=PUBLISHED, title="")
    return {
        e.event_type: (e.occurred.date.isoformat() if e.occurred.date else None)
        for e in result.events
    }


def test_own_past_time_frame_is_not_given_the_news_peg(extractor: RulesExtractor) -> None:
    # 'Three weeks ago' sets the sentence's own time: the lede's Monday is not the rejection's;
    # the rejection is dated by its own words (the week three weeks before, month precision).
    dates = _dates(
        extractor,
        "Russia and Ukraine held talks in Istanbul on Monday. "
        "Three weeks ago Ukraine rejected a Russian proposal for a truce.",
    )
    assert dates == {"CONSULT": "2025-06-02", "REJECT": "2025-05-12"}


def test_emerged_report_gets_no_publication_date(extractor: RulesExtractor) -> None:
    # 'It emerged that …' is news of an act whose day the text does not give.
    dates = _dates(
        extractor, "It emerged that the Russian army attacked the Ukrainian town of Sumy."
    )
    assert dates == {"ASSAULT": None}


def test_reported_demand_is_not_the_demanded_act(extractor: RulesExtractor) -> None:
    # A call for an investigation is at most a REQUEST by the caller, never the investigation.
    types = _types(extractor, "Senator Abbott called for the minister to be investigated.")
    assert set(types) <= {"REQUEST"}
