"""Word senses and non-asserted happenings: a trigger read in its everyday sense, a suspicion or
a trend gives no event; the political reading of the same word still does. Team-written
sentences, one per behaviour."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _types(extractor: RulesExtractor, sentence: str) -> list[str]:
    result = extractor.extract(sentence, article_id="senses", published_at=PUBLISHED, title="")
    return [e.event_type for e in result.events]


@pytest.mark.parametrize(
    "sentence",
    [
        # A war of words is no assault.
        "The Labour leader clashed with the prime minister over the budget in parliament.",
        "Senator Ward attacked the president for his handling of the economy.",
        "The opposition leader attacked the government's proposal as reckless on Monday.",
        "The party spokesman hit back at the minister's claim on Tuesday.",
        # Showing is no protest.
        "The army demonstrated its resolve by moving tanks to the border.",
        # Granting a point is no agreement and no concession.
        "The prime minister accepted that mistakes had been made.",
        "The finance minister agreed it was a difficult decision.",
        "The minister admitted it is hard to secure the border.",
        "The president acknowledged that the economy is weak.",
        # A warning of danger is no threat.
        "The minister warned of the dangers of a wider war.",
        "The defence minister warned against complacency.",
        "Officials warned that the ceasefire could collapse.",
        # A personal plea is no political request; private thanks are no support.
        "Hundreds of migrants are seeking entry to Europe.",
        "The family is seeking asylum in Germany.",
        "The reporter thanked his colleagues for their help.",
        # Suspicions, possibilities and trends are not asserted happenings.
        "The suspected attack on the mosque by militants was staged, the minister said.",
        "Turkish forces could start an assault on the town within days.",
        "Mounting clashes between the militias have alarmed the United Nations.",
        "Rebels have attacked the town over the past 18 months.",
        "Government troops have killed more than 2,000 rebels since the war began.",
    ],
)
def test_everyday_sense_or_unasserted_happening_gives_no_event(
    extractor: RulesExtractor, sentence: str
) -> None:
    assert _types(extractor, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Rebels clashed with government troops near the border town on Tuesday.", "ASSAULT"),
        ("Gunmen attacked a police station in the north of the country on Monday.", "ASSAULT"),
        ("Israeli jets attacked Gaza for a third day on Monday.", "ASSAULT"),
        ("Thousands of students demonstrated in the capital against the new law.", "PROTEST"),
        ("The government accepted the peace plan on Monday.", "AGREE"),
        ("Iran agreed to release the detained sailors on Monday.", "AGREE"),
        ("Russia acknowledged deporting Ukrainian children from occupied areas.", "CONCEDE"),
        ("Iran warned that it would retaliate against any attack.", "THREATEN"),
        ("The president thanked Egypt for its mediation on Monday.", "SUPPORT"),
        ("The government sought talks with the rebels on Monday.", "REQUEST"),
        # An invitation asks someone to come or act: REQUEST, not AGREE.
        ("Kurdish authorities invited Syrian troops to enter the region.", "REQUEST"),
    ],
)
def test_political_sense_still_gives_its_event(
    extractor: RulesExtractor, sentence: str, event_type: str
) -> None:
    types = _types(extractor, sentence)
    assert event_type in types
    assert "AGREE" not in types or event_type == "AGREE"
