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
