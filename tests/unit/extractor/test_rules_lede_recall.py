"""Main events of a lede that the rules missed (issue 8 recall): each test pairs the kept news
with the neighbouring case that must still give no event. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newswire_contracts import Event
from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED


def _events(extractor: RulesExtractor, text: str) -> list[Event]:
    return extractor.extract(text, article_id="a", published_at=PUBLISHED).events


def _typed(extractor: RulesExtractor, text: str, event_type: str) -> list[Event]:
    return [e for e in _events(extractor, text) if e.event_type == event_type]


def _countries(events: list[Event]) -> list[str | None]:
    return [a.country for e in events for a in e.actors]


@pytest.mark.parametrize(
    "text",
    [
        "Moldovan jets carried out some of the heaviest raids of the year on Tuesday.",
        "Moldovan warplanes carried out dozens of raids on border villages on Tuesday.",
    ],
)
def test_a_quantified_noun_trigger_under_its_support_verb(
    extractor: RulesExtractor, text: str
) -> None:
    found = _typed(extractor, text, "ASSAULT")
    assert _countries(found) == ["MDA"], _events(extractor, text)
    assert found[0].occurred.date == date(2025, 6, 3)


def test_a_police_raid_stays_a_search(extractor: RulesExtractor) -> None:
    text = "Moldovan police carried out raids on the offices of an opposition party on Tuesday."
    assert not _typed(extractor, text, "ASSAULT")
    assert _typed(extractor, text, "COERCE")


def test_forces_taking_over_sites_take_territory(extractor: RulesExtractor) -> None:
    text = "Georgian troops took over two oil fields near the border on Tuesday."
    assert _countries(_typed(extractor, text, "ASSAULT")) == ["GEO"]


def test_a_company_taking_over_a_field_is_business(extractor: RulesExtractor) -> None:
    text = "A Georgian energy company took over two oil fields near the border on Tuesday."
    assert not _typed(extractor, text, "ASSAULT")


def test_a_lede_clause_a_day_after_the_news_is_the_day_before(extractor: RulesExtractor) -> None:
    text = (
        "Serbian troops entered the border town on Tuesday, a day after Albanian police withdrew "
        "from the crossing."
    )
    found = _typed(extractor, text, "RETREAT")
    assert _countries(found) == ["ALB"], _events(extractor, text)
    assert found[0].occurred.date == date(2025, 6, 2)


def test_two_days_after_is_two_days_earlier(extractor: RulesExtractor) -> None:
    text = "Armenia shelled the border village on Tuesday, two days after Azerbaijan attacked it."
    found = [e for e in _typed(extractor, text, "ASSAULT") if _countries([e]) == ["AZE"]]
    assert found and found[0].occurred.date == date(2025, 6, 1)


def test_a_lede_clause_months_after_the_news_is_background(extractor: RulesExtractor) -> None:
    text = "Armenia shelled a village on Tuesday, three months after Azerbaijan attacked it."
    assert _countries(_typed(extractor, text, "ASSAULT")) == ["ARM"]


@pytest.mark.parametrize(
    ("text", "event_type", "country"),
    [
        (
            "Unlike Lukashenko, who used a televised address to castigate Poland, the minister "
            "stayed calm.",
            "ACCUSE",
            "BLR",
        ),
        ("The Chilean president, who condemned Peru on Monday, flew home.", "ACCUSE", "CHL"),
    ],
)
def test_who_in_a_relative_clause_is_the_noun_it_describes(
    extractor: RulesExtractor, text: str, event_type: str, country: str
) -> None:
    found = _typed(extractor, text, event_type)
    assert _countries(found) == [country], _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "A Chilean official, who asked not to be named, said the talks had stalled.",
        "A Chilean official, who requested anonymity, said the talks had stalled.",
    ],
)
def test_a_source_asking_for_anonymity_requests_nothing(
    extractor: RulesExtractor, text: str
) -> None:
    assert not _typed(extractor, text, "REQUEST")


def test_asking_someone_to_name_people_is_a_request(extractor: RulesExtractor) -> None:
    text = "The Chilean minister asked Peru to name its negotiators."
    assert _countries(_typed(extractor, text, "REQUEST")) == ["CHL"]


def test_a_measure_from_a_later_day_is_dated_by_its_announcement(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Peru's government ordered foreign airlines to halt flights to the region from Friday, "
        "officials said on Tuesday."
    )
    found = _typed(extractor, text, "SANCTION")
    assert found and found[0].occurred.date == date(2025, 6, 3), _events(extractor, text)


def test_officials_from_the_three_countries_are_those_three(extractor: RulesExtractor) -> None:
    text = (
        "Chile, Peru and Bolivia will meet in Lima on Friday. Chile wants a deal with Peru and "
        "Bolivia. Foreign ministers from the three countries met in Cusco on Sunday."
    )
    found = _typed(extractor, text, "CONSULT")
    assert sorted(c or "" for c in _countries(found)) == ["BOL", "CHL", "PER"], found


def test_the_two_countries_after_three_named_are_no_one(extractor: RulesExtractor) -> None:
    text = "Chile, Peru and Bolivia will meet in Lima on Friday. The two countries met in Cusco."
    assert not _typed(extractor, text, "CONSULT")


def test_police_opening_fire_is_no_fire(extractor: RulesExtractor) -> None:
    text = "Chilean police opened fire on protesters in Santiago on Tuesday."
    assert _countries(_typed(extractor, text, "ASSAULT")) == ["CHL"]


def test_a_fire_that_kills_is_still_a_natural_force(extractor: RulesExtractor) -> None:
    assert not _typed(extractor, "A fire killed 12 people in Santiago on Tuesday.", "ASSAULT")


def test_a_coordinated_clause_a_day_after_is_the_day_before(extractor: RulesExtractor) -> None:
    text = (
        "The Chilean president said on Tuesday he would withdraw the bill, a day after protesters "
        "broke into parliament and Chilean police opened fire on crowds."
    )
    found = _typed(extractor, text, "ASSAULT")
    assert found and found[0].occurred.date == date(2025, 6, 2), _events(extractor, text)


def test_the_doers_own_act_after_which_the_news_came(extractor: RulesExtractor) -> None:
    text = "Peruvian troops declared victory on Tuesday after capturing the rebels' last village."
    assert _countries(_typed(extractor, text, "ASSAULT")) == ["PER"]


def test_after_being_done_to_is_still_background(extractor: RulesExtractor) -> None:
    text = "A Peruvian commander was convicted on Tuesday after being arrested in Chile."
    assert not _typed(extractor, text, "COERCE")


def test_voicing_qualms_is_disapproval(extractor: RulesExtractor) -> None:
    text = "The Chilean foreign minister voiced qualms on Tuesday about Peru's troop withdrawal."
    assert _countries(_typed(extractor, text, "ACCUSE")) == ["CHL"]


def test_expressing_concern_is_no_accusation(extractor: RulesExtractor) -> None:
    text = "The Chilean foreign minister expressed concern on Tuesday about the violence in Peru."
    assert not _typed(extractor, text, "ACCUSE")


def test_a_dated_participle_of_the_subject_is_a_happening(extractor: RulesExtractor) -> None:
    text = "Chilean and Peruvian leaders meeting in Lima on Tuesday ordered an inquiry."
    assert _typed(extractor, text, "CONSULT"), _events(extractor, text)


def test_an_undated_participle_of_the_subject_describes_it(extractor: RulesExtractor) -> None:
    text = "Chilean forces fighting to defeat the rebels said they had taken the town."
    assert not [e for e in _typed(extractor, text, "ASSAULT") if e.evidence.trigger == "fighting"]


def test_the_latter_is_the_last_of_the_pair_named_before(extractor: RulesExtractor) -> None:
    text = (
        "Bolivian militants vowed revenge against the Chilean army and the Peruvian police "
        "after the latter stormed their camp on Tuesday."
    )
    stormed = [e for e in _events(extractor, text) if e.evidence.trigger == "stormed"]
    assert _countries(stormed) == ["PER"], _events(extractor, text)


def test_the_former_is_the_first_of_the_pair(extractor: RulesExtractor) -> None:
    text = "Chile and Peru met in Lima. The former accused Bolivia of lying on Monday."
    assert _countries(_typed(extractor, text, "ACCUSE")) == ["CHL"]


def test_an_ordered_activation_of_a_force_is_a_mobilisation(extractor: RulesExtractor) -> None:
    text = (
        "Moldovan ministers meeting in Chisinau on Tuesday ordered the activation of a reserve "
        "force on the border."
    )
    found = _typed(extractor, text, "MOBILIZE")
    assert _countries(found) == ["MDA"], _events(extractor, text)


def test_an_ordered_activation_of_a_plan_is_no_mobilisation(extractor: RulesExtractor) -> None:
    text = "Moldovan ministers on Tuesday ordered the activation of an emergency energy plan."
    assert not _typed(extractor, text, "MOBILIZE")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Moldovan police said on Tuesday that 300 people had been detained in the riot.", "MDA"),
        ("Georgian authorities said 40 protesters were arrested overnight in Tbilisi.", "GEO"),
    ],
)
def test_the_state_body_reporting_arrests_made_them(
    extractor: RulesExtractor, text: str, country: str
) -> None:
    found = _typed(extractor, text, "COERCE")
    assert _countries(found) == [country], _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Moldovan officials said on Tuesday that 30 people had been killed in the riot.",
        "Moldovan activists said on Tuesday that 300 people had been detained after the riot.",
    ],
)
def test_a_reported_passive_without_a_custody_body_has_no_doer(
    extractor: RulesExtractor, text: str
) -> None:
    found = [e for e in _events(extractor, text) if e.event_type in ("ASSAULT", "COERCE")]
    assert not [e for e in found if "MDA" in _countries([e])], found


_MOLDOVA_STORY = (
    "Moldova's interior ministry said the search in northern Moldova would go on. "
    "Police in Moldova have found two of the missing men."
)


def test_kin_of_people_placed_nowhere_are_of_the_story_country(extractor: RulesExtractor) -> None:
    text = (
        "The families of dozens of villagers abducted by the gang urged the authorities on "
        "Tuesday to help them find their relatives. " + _MOLDOVA_STORY
    )
    found = [e for e in _typed(extractor, text, "REQUEST") if e.evidence.trigger == "urged"]
    assert _countries(found) == ["MDA"], _events(extractor, text)


def test_kin_of_someone_the_story_names_keep_no_guessed_country(
    extractor: RulesExtractor,
) -> None:
    text = "Her family urged the authorities on Tuesday to help find her. " + _MOLDOVA_STORY
    found = [e for e in _events(extractor, text) if e.evidence.trigger == "urged"]
    assert "MDA" not in _countries(found), found


@pytest.mark.parametrize(
    "text",
    [
        "West African leaders meeting in Accra on Thursday ordered the activation of a standby "
        "force for Togo.",
        "Baltic leaders meeting in Riga on Thursday ordered the activation of a standby force.",
    ],
)
def test_leaders_meeting_somewhere_are_who_ordered(extractor: RulesExtractor, text: str) -> None:
    found = _typed(extractor, text, "MOBILIZE")
    assert [a.text for e in found for a in e.actors] == [text.split(" meeting")[0]], found
