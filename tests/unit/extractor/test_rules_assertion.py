"""No event by default: a clause must assert a new political event and name who does it.
Sentences are the team's own; each test checks one behaviour of rules/assertion.py or the
actor rules that feed it (issue 8, failure classes 1-5, 7, 8, 11)."""

from __future__ import annotations

from newswire_contracts import Event
from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _events(extractor: RulesExtractor, text: str) -> list[Event]:
    return extractor.extract(text, article_id="a", published_at=PUBLISHED).events


def _types(extractor: RulesExtractor, text: str) -> list[str]:
    return [e.event_type for e in _events(extractor, text)]


def _countries(event: Event) -> set[str | None]:
    return {a.country for a in event.actors}


# ---------------------------------------------------------------- 1 background
def test_an_event_retold_in_an_after_clause_is_background(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "Turkish troops shelled the village on Monday, three months after Kurdish fighters "
        "seized it.",
    )
    assert [(e.event_type, _countries(e)) for e in events] == [("ASSAULT", {"TUR"})]


def test_a_past_perfect_outside_reported_speech_is_background(
    extractor: RulesExtractor,
) -> None:
    assert _types(extractor, "The army had seized the town before the ceasefire.") == []


def test_a_past_perfect_in_reported_speech_is_the_reported_event(
    extractor: RulesExtractor,
) -> None:
    events = _events(extractor, "Brazil said it had moved troops to its northern border.")
    assert [e.event_type for e in events] == ["MOBILIZE"]


def test_an_event_dated_years_before_publication_is_background(
    extractor: RulesExtractor,
) -> None:
    assert _types(extractor, "The police arrested the protest organisers in 2019.") == []


def test_an_event_dated_days_before_publication_is_news(extractor: RulesExtractor) -> None:
    assert _types(extractor, "The police arrested the protest organisers on Sunday.") == ["COERCE"]


# ---------------------------------------------------------------- 2 generic, aggregate
def test_a_habitual_statement_is_not_an_event(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Government forces have repeatedly bombed hospitals in Idlib.") == []


def test_a_running_total_is_not_an_event(extractor: RulesExtractor) -> None:
    text = "Syria's government said an estimated 400,000 Syrians have been killed since 2011."
    assert "ASSAULT" not in _types(extractor, text)


def test_a_total_over_years_is_a_summary(extractor: RulesExtractor) -> None:
    text = "For seven years, an all-out war has been waged against Syria by the United States."
    assert _types(extractor, text) == []


def test_a_call_made_before_is_background(extractor: RulesExtractor) -> None:
    text = "Donald Trump has called for an immediate withdrawal from Syria before."
    assert _types(extractor, text) == []


# ---------------------------------------------------------------- 3 actors
def test_the_victims_a_participle_describes_are_not_its_actors(
    extractor: RulesExtractor,
) -> None:
    assert _types(extractor, "Fighters killed in the clashes were buried on Tuesday.") == []


def test_the_group_refers_back_to_the_armed_group_named_before(
    unfiltered: RulesExtractor,
) -> None:
    # The actor rules, not the event filter (it scores this refusal below its threshold):
    events = _events(
        unfiltered,
        "The National Liberation Army freed 11 hostages on Sunday. Its commander said the "
        "group would not accept preconditions.",
    )
    rejects = [e for e in events if e.event_type == "REJECT"]
    assert [(a.country, a.sector) for e in rejects for a in e.actors] == [("COL", "REB")]


def test_a_verb_hung_on_a_subjectless_passive_keeps_the_speakers_side(
    extractor: RulesExtractor,
) -> None:
    events = _events(
        extractor,
        "Ukraine handed over a list of 400 children it says were taken to Russia and asked "
        "for all of them to be sent home.",
    )
    requests = [e for e in events if e.event_type == "REQUEST"]
    assert [_countries(e) for e in requests] == [{"UKR"}]


def test_a_holiday_after_a_preposition_is_no_actor(extractor: RulesExtractor) -> None:
    (event,) = _events(
        extractor, "Just before Christmas the UN acknowledged it had failed to persuade Russia."
    )
    assert [a.name for a in event.actors] == ["United Nations"]


def test_an_agent_noun_with_a_sector_is_an_actor(extractor: RulesExtractor) -> None:
    (event,) = _events(extractor, "Organisers called on the authorities to close the embassy.")
    assert event.event_type == "REQUEST"
    assert [a.sector for a in event.actors] == ["CVL"]


# ---------------------------------------------------------------- 4 not asserted
def test_an_event_inside_a_condition_is_not_asserted(extractor: RulesExtractor) -> None:
    text = "If the two governments reach an agreement, the troops will go home."
    assert "AGREE" not in _types(extractor, text)


def test_a_question_asserts_nothing(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Did the Russian army attack the convoy?") == []


def test_an_attempt_or_purpose_is_not_the_act(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Islamist militants are trying to seize the airport.") == []


def test_a_planned_meeting_has_not_happened(extractor: RulesExtractor) -> None:
    text = (
        "Malaysia's foreign minister said he would travel to Naypyitaw next week to meet "
        "the junta's leader."
    )
    assert "CONSULT" not in _types(extractor, text)


def test_a_refusal_announced_for_the_future_is_a_rejection_now(
    extractor: RulesExtractor,
) -> None:
    (event,) = _events(extractor, "Colombia's ELN said it would not accept preconditions.")
    assert event.event_type == "REJECT"
    assert not event.modality.future


def test_not_ready_to_negotiate_is_a_rejection(unfiltered: RulesExtractor) -> None:
    # How the rules code it; the event filter (eventness-lr/6) scores this undated present-tense
    # stance below its threshold (test_event_filter.py tests the filter).
    (event,) = _events(unfiltered, "Moscow is not ready to negotiate with Kyiv.")
    assert event.event_type == "REJECT"
    assert _countries(event) == {"RUS"}


def test_a_possible_attack_is_not_an_attack(extractor: RulesExtractor) -> None:
    text = "Kurdish leaders fear a potential Turkish attack on the town."
    assert "ASSAULT" not in _types(extractor, text)


def test_a_restrictive_relative_clause_retells_what_is_known(
    extractor: RulesExtractor,
) -> None:
    text = "The EU backs the nuclear deal that was abandoned by the United States."
    assert "RETREAT" not in _types(extractor, text)


def test_a_recurring_bombing_is_habitual(extractor: RulesExtractor) -> None:
    text = "Residents of Raqqa said they were bombed every five minutes by Russian jets."
    assert "ASSAULT" not in _types(extractor, text)


def test_an_attempted_assassination_is_an_assault(extractor: RulesExtractor) -> None:
    text = "Militants said they attempted to assassinate the prime minister of Iraq."
    assert "ASSAULT" in _types(extractor, text)


def test_an_open_decision_is_not_an_agreement(extractor: RulesExtractor) -> None:
    text = "Lebanon has not yet decided whether it will allow the refugees to return home."
    assert _types(extractor, text) == []


def test_they_in_a_quote_is_the_other_party_not_the_speaker(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "Ukrainian and Russian delegations held talks in Istanbul on Monday. “We told them "
        "they kidnapped twenty thousand children,” the Ukrainian negotiator Oksana Melnyk said.",
    )
    (abduction,) = [e for e in events if e.event_type == "ASSAULT"]
    assert _countries(abduction) == {"RUS"}


def test_seeking_to_act_is_an_attempt_not_an_act(extractor: RulesExtractor) -> None:
    text = "Diplomats said the US-led coalition is seeking to hand over suspects to Syria."
    assert _types(extractor, text) == []


def test_an_act_under_an_attempt_further_up_is_not_asserted(
    extractor: RulesExtractor,
) -> None:
    text = "“Kurdish forces are trying to force them to surrender,” the SDF spokesman said."
    assert "RETREAT" not in _types(extractor, text)


def test_a_warning_that_something_will_be_hard_threatens_no_one(
    extractor: RulesExtractor,
) -> None:
    text = "Germany warned that the repatriation of its fighters would be extremely difficult."
    assert "THREATEN" not in _types(extractor, text)


def test_a_warning_addressed_to_a_state_is_a_threat(extractor: RulesExtractor) -> None:
    (event,) = _events(extractor, "Turkey warned France not to interfere in northern Syria.")
    assert event.event_type == "THREATEN"
    assert [a.country for a in event.targets] == ["FRA"]


def test_what_we_must_do_is_no_demand_on_others(extractor: RulesExtractor) -> None:
    text = "Britain's police chief said: “We must learn from this case.”"
    assert "REQUEST" not in _types(extractor, text)


def test_abandoning_people_is_no_retreat(extractor: RulesExtractor) -> None:
    text = "The Belgian woman abandoned the children on the side of the road in Syria."
    assert "RETREAT" not in _types(extractor, text)


# ---------------------------------------------------------------- 5 word sense
def test_a_figurative_killing_is_no_assault(extractor: RulesExtractor) -> None:
    text = "The ruling effectively killed off any political challenge to the Syrian president."
    assert _types(extractor, text) == []


def test_assassination_strikes_are_attacks_not_labour_strikes(
    extractor: RulesExtractor,
) -> None:
    (event,) = _events(extractor, "The rebels launched assassination strikes on army commanders.")
    assert event.event_type == "ASSAULT"


def test_fighting_for_a_job_is_no_assault(extractor: RulesExtractor) -> None:
    text = "A US airline attendant is fighting for her job after she was suspended."
    assert _types(extractor, text) == []


def test_pleading_guilty_is_no_request(extractor: RulesExtractor) -> None:
    text = "Two Kenyan officials pleaded guilty to fraud in a Nairobi court."
    assert "REQUEST" not in _types(extractor, text)


def test_searching_for_a_person_is_no_raid(extractor: RulesExtractor) -> None:
    text = "A Russian mother has been searching for her daughter for two years."
    assert _types(extractor, text) == []


def test_searching_a_home_is_a_raid(extractor: RulesExtractor) -> None:
    (event,) = _events(extractor, "Police searched the home of the opposition leader on Monday.")
    assert (event.event_type, event.mode) == ("COERCE", "seize")


def test_a_judgement_with_should_be_is_no_demand(extractor: RulesExtractor) -> None:
    text = "Britain's former counter-terrorism chief said British society should be strong enough."
    assert "REQUEST" not in _types(extractor, text)


def test_a_participle_describing_fighters_is_no_new_attack(extractor: RulesExtractor) -> None:
    text = "The Syrian Democratic Forces, fighting to defeat Isis, said on Monday it had no news."
    assert "ASSAULT" not in _types(extractor, text)


# ---------------------------------------------------------------- 7 natural forces
def test_an_explosion_is_no_actor(extractor: RulesExtractor) -> None:
    text = "Four workers were killed when an explosion ripped through a warehouse in Beirut."
    assert _types(extractor, text) == []


def test_an_earthquake_destroys_without_an_assault(extractor: RulesExtractor) -> None:
    text = "A powerful earthquake destroyed hundreds of homes in eastern Turkey."
    assert _types(extractor, text) == []


# ---------------------------------------------------------------- 8 no actor, no event
def test_a_pronoun_far_from_any_antecedent_names_no_one(extractor: RulesExtractor) -> None:
    text = (
        "French troops arrived in Niger on Monday. The weather was hot. The roads were "
        "empty. The markets were closed. The schools were shut. They attacked the convoy."
    )
    assert "ASSAULT" not in _types(extractor, text)


def test_a_pronoun_resolves_to_a_recent_antecedent(extractor: RulesExtractor) -> None:
    events = _events(extractor, "French troops arrived in Niger on Monday. They attacked a convoy.")
    assert [(e.event_type, _countries(e)) for e in events] == [("ASSAULT", {"FRA"})]


def test_an_event_without_an_actor_is_not_emitted(extractor: RulesExtractor) -> None:
    assert _types(extractor, "Talks were held in Geneva on Monday.") == []


def test_an_unnamed_campaign_reported_by_a_state_has_no_actor(
    extractor: RulesExtractor,
) -> None:
    text = "Turkey said the campaign was launched to clear out Kurdish militias in Afrin."
    assert _types(extractor, text) == []


def test_unnamed_violence_reported_by_a_state_keeps_its_source(
    extractor: RulesExtractor,
) -> None:
    (event,) = _events(
        extractor, "Ukraine said 20,000 children had been taken to Russia last week."
    )
    assert (event.event_type, event.actors) == ("COERCE", [])
    assert event.attribution is not None
    assert event.attribution.speaker is not None
    assert event.attribution.speaker.country == "UKR"
