"""General mechanisms behind missed main events (issue 8 recall, session 3): each test pairs the
recovered event with the neighbouring case that must still give none. Invented sentences."""

from __future__ import annotations

import pytest

from newswire_contracts import Event
from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _typed(extractor: RulesExtractor, text: str, event_type: str) -> list[Event]:
    events = extractor.extract(text, article_id="a", published_at=PUBLISHED).events
    return [e for e in events if e.event_type == event_type]


def _actor_countries(events: list[Event]) -> list[str | None]:
    return [a.country for e in events for a in e.actors]


# ------------------------------------------------------------------ a document's issuer acts
def test_a_statement_condemning_is_its_issuers_accusation(unfiltered: RulesExtractor) -> None:
    text = "The Estonian foreign ministry issued a statement on Monday condemning Belarus."
    found = _typed(unfiltered, text, "ACCUSE")
    assert _actor_countries(found) == ["EST"]
    assert [t.country for t in found[0].targets] == ["BLR"]


def test_in_a_statement_demanding_the_speaker_demands(unfiltered: RulesExtractor) -> None:
    text = (
        "In a statement demanding a ceasefire, the Latvian government said the shelling was a "
        "crime."
    )
    assert _actor_countries(_typed(unfiltered, text, "REQUEST")) == ["LVA"]


def test_a_resolution_vetoed_is_not_the_vetoers_demand(unfiltered: RulesExtractor) -> None:
    text = "Lithuania vetoed a draft resolution on Monday calling for a ceasefire."
    assert "LTU" not in _actor_countries(_typed(unfiltered, text, "REQUEST"))


def test_a_motion_still_to_be_tabled_asks_nothing_yet(unfiltered: RulesExtractor) -> None:
    text = "The Latvian opposition said it would table a motion calling for a referendum."
    assert not _typed(unfiltered, text, "REQUEST")


def test_six_resolutions_demanding_sum_up(unfiltered: RulesExtractor) -> None:
    text = "The Security Council has passed six resolutions demanding that Latvia withdraw."
    assert not _typed(unfiltered, text, "REQUEST")


# ------------------------------------------------------------------ a subject on a participle
def test_a_subject_hung_on_a_participle_clause_is_the_verbs(unfiltered: RulesExtractor) -> None:
    text = (
        "Meanwhile, Kersti Kaljulaid, the Estonian president whose army joined the mission in "
        "2015, turning the tide of the war, welcomed the Latvian decision on Monday."
    )
    assert _actor_countries(_typed(unfiltered, text, "SUPPORT")) == ["EST"]


# ------------------------------------------------------------------ types and senses
def test_taking_citizenship_away_is_coercion(unfiltered: RulesExtractor) -> None:
    stripped = "The Estonian interior minister stripped the activist of her citizenship on Monday."
    assert _typed(unfiltered, stripped, "COERCE")
    assert not _typed(unfiltered, stripped, "CONCEDE")
    ordered = "The Estonian government ordered his passport to be revoked on Monday."
    assert _actor_countries(_typed(unfiltered, ordered, "COERCE")) == ["EST"]


def test_revoking_a_curfew_is_still_a_concession(unfiltered: RulesExtractor) -> None:
    text = "The Estonian government revoked the curfew on Monday."
    assert _typed(unfiltered, text, "CONCEDE")
    assert not _typed(unfiltered, text, "COERCE")


def test_defending_a_decision_is_verbal_support(unfiltered: RulesExtractor) -> None:
    text = (
        "The Latvian prime minister defended the Estonian decision to close the border on Monday."
    )
    assert _actor_countries(_typed(unfiltered, text, "SUPPORT")) == ["LVA"]


def test_defending_a_town_is_no_support(unfiltered: RulesExtractor) -> None:
    text = "Latvian troops defended the town against the rebels on Monday."
    assert not _typed(unfiltered, text, "SUPPORT")


# ------------------------------------------------------------------ 'called for X to …'
def test_appealing_for_someone_to_act_is_a_request(unfiltered: RulesExtractor) -> None:
    text = "Estonia appealed on Monday for the United Nations to send observers to the border."
    found = _typed(unfiltered, text, "REQUEST")
    assert _actor_countries(found) == ["EST"]
    assert [t.kind for t in found[0].targets] == ["IGO"] or [t.name for t in found[0].targets]


@pytest.mark.parametrize(
    "text",
    [
        "The Latvian prime minister defended his decision to close the border on Monday.",
        "The Latvian prime minister defended the decision in parliament on Monday.",
        "The Latvian government said it would robustly defend the decision.",
    ],
)
def test_defending_ones_own_act_or_later_is_no_support(
    unfiltered: RulesExtractor, text: str
) -> None:
    assert not _typed(unfiltered, text, "SUPPORT")
    assert not _typed(unfiltered, text, "AGREE")


def test_a_power_the_law_gives_is_no_threat(unfiltered: RulesExtractor) -> None:
    text = (
        "The Estonian interior minister can strip a person of citizenship if it is in the "
        "public interest."
    )
    assert not _typed(unfiltered, text, "THREATEN")
    assert not _typed(unfiltered, text, "COERCE")
