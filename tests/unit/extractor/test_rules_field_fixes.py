"""Actors and targets as the blind judges of the train half expect them (issue 8, field fixes):
a meeting's dyad is directed when one side is the subject and the other its object ('X met Y':
Y is the target, as PLOVER codes it), and reciprocal only when the sides are coordinated ('X and
Y met', 'talks between X and Y'). Team-written sentences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswire_contracts import Actor
from newswire_extractor import Extraction, RulesExtractor

from .conftest import trigger_event

PUBLISHED = datetime(2025, 6, 20, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def extractor(unfiltered: RulesExtractor) -> RulesExtractor:
    """Without the event filter (conftest.unfiltered): these tests are about the fields."""
    return unfiltered


def _run(extractor: RulesExtractor, text: str) -> Extraction:
    return extractor.extract(text, article_id="ff", published_at=PUBLISHED)


def _countries(actors: list[Actor]) -> list[str | None]:
    return sorted((a.country for a in actors), key=lambda c: c or "")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Dutch trade minister met her Peruvian counterpart in Lima on Monday.", "met"),
        ("Dutch diplomats held a meeting with Peruvian officials on Monday.", "meeting"),
        ("The Dutch premier talked with the Peruvian president on Monday.", "talked"),
        ("The Dutch premier telephoned the Peruvian president on Monday.", "telephoned"),
    ],
)
def test_the_one_met_is_the_target(extractor: RulesExtractor, text: str, trigger: str) -> None:
    event = trigger_event(_run(extractor, text), trigger)
    assert event.event_type == "CONSULT"
    assert (_countries(event.actors), _countries(event.targets)) == (["NLD"], ["PER"])


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Dutch and Peruvian negotiators met in Geneva on Monday.", "met"),
        ("Talks between the Netherlands and Peru opened in Geneva on Monday.", "Talks"),
    ],
)
def test_coordinated_sides_all_act(extractor: RulesExtractor, text: str, trigger: str) -> None:
    event = trigger_event(_run(extractor, text), trigger)
    assert event.event_type == "CONSULT"
    assert (_countries(event.actors), event.targets) == (["NLD", "PER"], [])


def test_a_name_after_a_courtesy_title_is_a_person_in_lower_case(
    extractor: RulesExtractor,
) -> None:
    # The tagger takes an unknown lower-case surname for a plural noun ('mcletchie/NNS').
    text = (
        "the scheme was debated at holyrood on monday. snp leader morag baird accused "
        "mr hallcroft of failing his constituents."
    )
    event = trigger_event(
        extractor.extract(text, article_id="ff", published_at=PUBLISHED, site_name="BBC News"),
        "accused",
    )
    assert [(a.kind, a.text) for a in event.targets] == [("PERSON", "mr hallcroft")]
    assert event.targets[0].name.lower() == "hallcroft"


def test_a_courtesy_title_before_an_office_is_no_name(extractor: RulesExtractor) -> None:
    text = "the tory leader accused mr speaker of bias on monday."
    event = trigger_event(
        extractor.extract(text, article_id="ff", published_at=PUBLISHED, site_name="BBC News"),
        "accused",
    )
    assert all(a.kind != "PERSON" or a.name.lower() != "speaker" for a in event.targets)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Peter Kruger said he would not stand. Party leader Anna Holt accepted his decision.",
            "accepted",
        ),
        ("Peter Kruger wants to stand again. The home secretary welcomed his return.", "welcomed"),
        ("Peter Kruger put forward a plan. The Dutch premier rejected his proposal.", "rejected"),
    ],
)
def test_the_owner_of_what_is_accepted_is_the_target(
    extractor: RulesExtractor, text: str, trigger: str
) -> None:
    # No one accepts, welcomes or rejects their own decision: 'his' is someone named before.
    event = trigger_event(_run(extractor, text), trigger)
    assert [a.name for a in event.targets] == ["Peter Kruger"]
    assert event.targets[0].text == "his"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Peter Kruger said he would not stand. Anna Holt criticised her own party.", "criticised"),
        ("Peter Kruger said he would not stand. Anna Holt defended her record.", "defended"),
    ],
)
def test_ones_own_thing_names_no_one_else(
    extractor: RulesExtractor, text: str, trigger: str
) -> None:
    found = [e for e in _run(extractor, text).events if trigger in e.evidence.trigger]
    assert all("Peter Kruger" not in [a.name for a in e.targets] for e in found)


def test_a_counterparts_own_nationality_beats_the_possessors(extractor: RulesExtractor) -> None:
    text = "The Dutch foreign minister met his Peruvian counterpart on Monday."
    event = trigger_event(_run(extractor, text), "met")
    assert _countries(event.targets) == ["PER"]


def test_a_meetings_venue_is_not_the_country_of_its_parties(extractor: RulesExtractor) -> None:
    text = (
        "The Assad regime lost ground in Idlib on Sunday. The UN envoy, Ingrid Vale, said she "
        "is convening talks between the regime and the opposition in Vienna on Thursday."
    )
    event = trigger_event(_run(extractor, text), "convening")
    assert "AUT" not in _countries(event.targets)
    assert "SYR" in _countries(event.targets)  # 'the regime' of a story that names one


def test_the_police_in_a_city_are_of_its_country(extractor: RulesExtractor) -> None:
    event = trigger_event(
        _run(extractor, "The police in Cairo arrested 20 protesters on Monday."), "arrested"
    )
    assert _countries(event.actors) == ["EGY"]


def test_the_regime_of_a_story_naming_two_regimes_has_no_country(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Critics compared the Syrian regime with the Iranian regime. Opposition leaders said "
        "on Monday that the regime had arrested 40 students."
    )
    event = trigger_event(_run(extractor, text), "arrested")
    assert all(a.country is None for a in event.actors if a.text == "regime")


def test_a_stateless_peoples_force_takes_the_country_its_sentence_names(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The Kurdish force that has fought Islamic State in Syria condemned the decision on "
        "Monday. The SDF said it would fight on. Turkey has long fought the PKK."
    )
    event = trigger_event(_run(extractor, text), "condemned")
    assert [(a.country, a.sector) for a in event.actors] == [("SYR", "REB")]


def test_a_sides_own_troops_are_no_target_of_its_retreat(extractor: RulesExtractor) -> None:
    event = trigger_event(
        _run(extractor, "The Dutch government began returning Dutch troops home on Monday."),
        "returning",
    )
    assert event.event_type == "RETREAT"
    assert event.targets == []


def test_returned_prisoners_of_the_other_side_stay_targets(extractor: RulesExtractor) -> None:
    event = trigger_event(
        _run(extractor, "Ukraine returned 90 Russian soldiers on Monday."), "returned"
    )
    assert _countries(event.targets) == ["RUS"]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        (
            "The Dutch premier sought guidance from the Peruvian government on Monday.",
            "sought",
            "PER",
        ),
        ("The Dutch premier requested help from Peru on Monday.", "requested", "PER"),
        (
            "Dutch MPs called for a guarantee that the Peruvian government consults them.",
            "called",
            "PER",
        ),
        (
            "The Dutch premier demanded assurances that Peru would withdraw its troops.",
            "demanded",
            "PER",
        ),
    ],
)
def test_who_is_asked_is_the_target(
    extractor: RulesExtractor, text: str, trigger: str, country: str
) -> None:
    event = trigger_event(_run(extractor, text), trigger)
    assert (event.event_type, _countries(event.targets)) == ("REQUEST", [country])


def test_a_requested_thing_that_clause_needs_an_assurance(extractor: RulesExtractor) -> None:
    event = trigger_event(
        _run(extractor, "Dutch MPs called for a law that Peru rejected on Monday."), "called"
    )
    assert "PER" not in _countries(event.targets)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The Peruvian president denounced the New York Times on Monday.", "New York Times", "USA"),
        ("the minister warned the bbc on monday that it faced trouble.", "BBC", "GBR"),
    ],
)
def test_known_news_media_have_their_country(
    extractor: RulesExtractor, text: str, name: str, country: str
) -> None:
    result = extractor.extract(text, article_id="ff", published_at=PUBLISHED, site_name="BBC News")
    targets = [(a.name, a.country, a.sector) for e in result.events for a in e.targets]
    assert (name, country, "MED") in targets


SYRIA_STORY = (
    "DAMASCUS — Syria's army recaptured Deraa on Sunday. Syria said the deal was final. "
    "Syrian officials said {who} had negotiated the deal with Russia on Monday."
)


def test_armed_groups_are_of_the_country_the_story_is_about(extractor: RulesExtractor) -> None:
    event = trigger_event(_run(extractor, SYRIA_STORY.format(who="insurgents")), "negotiated")
    assert [(a.country, a.sector) for a in event.actors] == [("SYR", "REB")]


def test_jihadists_are_not_coded_by_the_storys_country(extractor: RulesExtractor) -> None:
    event = trigger_event(_run(extractor, SYRIA_STORY.format(who="jihadists")), "negotiated")
    assert [a.country for a in event.actors] == [None]


def test_rebels_take_no_country_from_the_outlet_alone(extractor: RulesExtractor) -> None:
    text = "the rebels attacked a convoy on monday, the minister said."
    result = extractor.extract(text, article_id="ff", published_at=PUBLISHED, site_name="BBC News")
    event = trigger_event(result, "attacked")
    assert [a.country for a in event.actors] == [None]


def test_an_active_verb_after_a_passive_is_done_by_its_subject(
    extractor: RulesExtractor,
) -> None:
    text = "The Dutch minister was criticised by Peruvian MPs and has resigned."
    event = trigger_event(_run(extractor, text), "resigned")
    assert _countries(event.actors) == ["NLD"]  # not the critics, the passive's agent


def test_a_participle_sharing_the_passive_keeps_its_agent(extractor: RulesExtractor) -> None:
    text = "Two Dutch sailors were arrested by Peruvian police and deported on Monday."
    deported = trigger_event(_run(extractor, text), "deported")
    assert _countries(deported.actors) == ["PER"]


def test_a_plan_reacted_to_before_belongs_to_that_reactions_target(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The Dutch opposition backed the Peruvian government's plans on Monday. "
        "Belgian ministers then criticised the plans on Tuesday."
    )
    event = trigger_event(_run(extractor, text), "criticised")
    assert _countries(event.targets) == ["PER"]  # the plans' maker, not their Dutch backers


def test_a_demand_reacted_to_still_belongs_to_who_made_it(extractor: RulesExtractor) -> None:
    text = (
        "Peru demanded the return of 40 fishermen on Monday. "
        "The Dutch government rejected the demand on Tuesday."
    )
    event = trigger_event(_run(extractor, text), "rejected")
    assert _countries(event.targets) == ["PER"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "LONDON — Labour accused the prime minister of lying on Monday. Britain's economy "
            "slowed. The UK said the deficit grew.",
            "Labour Party",
        ),
        ("Labour accused the home secretary of lying on Monday.", "Labour Party"),
        (
            "the conservatives accused the chancellor of lying on monday, the lib dems said.",
            "Conservative and Unionist Party",
        ),
    ],
)
def test_bare_party_names_are_british_in_a_british_story(
    extractor: RulesExtractor, text: str, party: str
) -> None:
    event = trigger_event(_run(extractor, text), "accused")
    assert [(a.name, a.country, a.sector) for a in event.actors] == [(party, "GBR", "PTY")]


@pytest.mark.parametrize(
    "text",
    [
        "OSLO — Labour accused the prime minister of lying on Monday. Norway's economy slowed. "
        "Norway said the deficit grew.",
        "Labour accused the prime minister of lying on Monday. Israel's economy slowed. Israel "
        "said the deficit grew in Israel.",
        "WELLINGTON — Labour accused the prime minister of lying on Monday. New Zealand's "
        "economy slowed. New Zealand said the deficit grew.",
    ],
)
def test_bare_party_names_are_not_british_elsewhere(extractor: RulesExtractor, text: str) -> None:
    result = _run(extractor, text)
    actors = [a for e in result.events for a in e.actors]
    assert all(a.country != "GBR" for a in actors), actors
    assert all(a.name != "Labour Party" for a in actors), actors


def test_a_bare_party_name_is_not_british_by_the_outlet_alone(extractor: RulesExtractor) -> None:
    text = "labour accused the prime minister of lying on monday."
    result = extractor.extract(text, article_id="ff", published_at=PUBLISHED, site_name="BBC News")
    actors = [a for e in result.events for a in e.actors]
    assert all(a.name != "Labour Party" for a in actors), actors


def test_a_party_adjective_before_a_name_stays_the_person(extractor: RulesExtractor) -> None:
    text = "Conservative MP Jo Hale accused the home secretary of lying on Monday."
    event = trigger_event(_run(extractor, text), "accused")
    assert [a.name for a in event.actors] == ["Jo Hale"]
