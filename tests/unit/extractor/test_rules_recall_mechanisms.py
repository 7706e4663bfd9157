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


# ------------------------------------------------------------------ unnamed doers, courts
def test_a_ministry_reporting_a_soldier_killed_is_an_attack(unfiltered: RulesExtractor) -> None:
    text = (
        "The Ministry of Defence said a member of the Estonian armed forces was killed by a "
        "roadside bomb in Mali on Monday."
    )
    found = _typed(unfiltered, text, "ASSAULT")
    assert found and not found[0].actors


def test_the_police_reporting_a_killing_is_no_political_event(unfiltered: RulesExtractor) -> None:
    text = "Police said a man was killed in the town on Monday."
    assert not _typed(unfiltered, text, "ASSAULT")


def test_a_legal_challenge_is_an_accusation(unfiltered: RulesExtractor) -> None:
    text = "Estonian campaigners launched a legal challenge against the Latvian decision on Monday."
    assert _typed(unfiltered, text, "ACCUSE")


def test_a_leadership_challenge_is_not(unfiltered: RulesExtractor) -> None:
    text = "The Estonian finance minister launched a leadership challenge on Monday."
    assert not _typed(unfiltered, text, "ACCUSE")


def test_a_bomb_killing_soldiers_is_an_attack_by_someone(unfiltered: RulesExtractor) -> None:
    text = "A roadside bomb killed two Estonian soldiers in Mali on Monday."
    found = _typed(unfiltered, text, "ASSAULT")
    assert found and not found[0].actors
    assert [t.country for t in found[0].targets] == ["EST"]


def test_a_bomb_killing_a_man_is_not_yet_political(unfiltered: RulesExtractor) -> None:
    assert not _typed(unfiltered, "A bomb killed a man in the town on Monday.", "ASSAULT")


def test_shot_dead_is_a_killing_not_a_naming(unfiltered: RulesExtractor) -> None:
    text = "Estonian protesters were shot dead by Latvian troops near the border on Friday."
    assert _actor_countries(_typed(unfiltered, text, "ASSAULT")) == ["LVA"]
    named = "The Latvian minister called it a special arrangement on Friday."
    assert not _typed(unfiltered, named, "ASSAULT")


def test_killed_in_named_airstrikes_names_the_attacker(unfiltered: RulesExtractor) -> None:
    text = "Dozens of civilians were killed in Latvian airstrikes on the border town on Friday."
    assert _actor_countries(_typed(unfiltered, text, "ASSAULT")) == ["LVA"]


def test_killed_in_an_airstrike_of_no_one_named_has_no_doer(unfiltered: RulesExtractor) -> None:
    text = "Twelve people were killed in an airstrike on the border town on Friday."
    assert not _typed(unfiltered, text, "ASSAULT")


def test_a_vow_to_crush_an_armed_group_is_a_threat(unfiltered: RulesExtractor) -> None:
    text = "The Latvian president vowed on Monday to crush the Estonian militia."
    assert _typed(unfiltered, text, "THREATEN")
    assert not _typed(unfiltered, text, "AGREE")
    hopes = "The defeat crushed the hopes of the Latvian opposition on Monday."
    assert not _typed(unfiltered, hopes, "ASSAULT")


def test_forces_regaining_a_region_take_territory(unfiltered: RulesExtractor) -> None:
    text = "Latvian government forces regained control of the border region on Saturday."
    assert _actor_countries(_typed(unfiltered, text, "ASSAULT")) == ["LVA"]


def test_a_party_taking_control_of_a_council_wins_a_vote(unfiltered: RulesExtractor) -> None:
    for verb in ("took", "regained"):
        text = f"The Latvian Social Democrats {verb} control of the Riga council on Friday."
        assert not _typed(unfiltered, text, "ASSAULT")


def test_no_one_hurt_is_no_attack(unfiltered: RulesExtractor) -> None:
    text = "The Latvian defence ministry said the shots were a warning and that no one was hurt."
    assert not _typed(unfiltered, text, "ASSAULT")


def test_claiming_responsibility_for_an_attack_is_the_attack(unfiltered: RulesExtractor) -> None:
    text = "A Latvian militant group claimed responsibility on Monday for the bombing in Tartu."
    assert _typed(unfiltered, text, "ASSAULT")
    denied = "A Latvian militant group denied responsibility on Monday for the bombing in Tartu."
    assert not _typed(unfiltered, denied, "ASSAULT")


def test_killed_in_an_attack_by_a_group_names_the_group(unfiltered: RulesExtractor) -> None:
    text = "Two Estonian soldiers were killed in an attack by Latvian troops on Monday."
    assert _actor_countries(_typed(unfiltered, text, "ASSAULT")) == ["LVA"]


def test_coming_under_attack_from_someone_is_their_attack(unfiltered: RulesExtractor) -> None:
    text = "A Latvian army convoy came under attack from Estonian militants on Monday."
    found = _typed(unfiltered, text, "ASSAULT")
    assert _actor_countries(found) == ["EST"]
    assert [t.country for t in found[0].targets] == ["LVA"]
