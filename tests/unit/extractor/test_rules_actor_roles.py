"""Who a title names: the words before it ('former', 'shadow', a party, a body) decide the
sector; a named person the knowledge base knows keeps their own country; a definite title
refers back only to someone described with that title. Team-written sentences."""

from __future__ import annotations

from datetime import UTC, datetime

from newswire_contracts import Actor
from newswire_extractor import Extraction, RulesExtractor

from .conftest import trigger_event

PUBLISHED = datetime(2025, 6, 20, 18, 0, tzinfo=UTC)


def _run(extractor: RulesExtractor, text: str, **source: str) -> Extraction:
    return extractor.extract(text, article_id="r", published_at=PUBLISHED, **source)


def _coded(actors: list[Actor]) -> list[tuple[str | None, str | None]]:
    return [(a.country, a.sector) for a in actors]


def test_a_former_office_holder_is_no_government(extractor: RulesExtractor) -> None:
    text = "The former finance minister accused the cabinet of wasting money on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accused")
    assert _coded(event.actors) == [("GBR", "ELI")]


def test_an_ex_official_written_with_a_hyphen_is_no_government(
    extractor: RulesExtractor,
) -> None:
    text = "The ex-chancellor criticised the budget plans of the treasury on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "criticised")
    assert _coded(event.actors) == [("GBR", "ELI")]


def test_any_shadow_portfolio_is_opposition(extractor: RulesExtractor) -> None:
    text = "The shadow rail infrastructure secretary criticised the rail plan on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "criticised")
    assert _coded(event.actors) == [("GBR", "OPP")]


def test_a_party_title_is_the_party_not_the_government(extractor: RulesExtractor) -> None:
    text = "The Tory leader accused ministers of dithering over the housing bill on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accused")
    assert _coded(event.actors) == [("GBR", "PTY")]


def test_a_two_word_party_before_a_named_leader(extractor: RulesExtractor) -> None:
    text = "The Lib Dem leader Helen Marsh demanded an apology from the government on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "demanded")
    assert [(a.name, a.sector) for a in event.actors] == [("Helen Marsh", "PTY")]


def test_a_generic_title_takes_the_body_before_it(extractor: RulesExtractor) -> None:
    text = "A union leader accused the rail operator of breaking the pay deal on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accused")
    assert _coded(event.actors) == [("GBR", "LAB")]  # a national outlet's union is its own


def test_a_portfolio_before_minister_keeps_the_government(extractor: RulesExtractor) -> None:
    text = "The police minister accused the protesters of blocking the roads on Monday."
    event = trigger_event(_run(extractor, text, site_name="The Guardian"), "accused")
    assert _coded(event.actors) == [("GBR", "GOV")]


def test_a_group_named_by_nationality_is_not_the_state(extractor: RulesExtractor) -> None:
    text = "Scottish families accused the ferry operator of abandoning the islands on Monday."
    event = trigger_event(_run(extractor, text), "accused")
    assert [(a.name, a.country) for a in event.actors] == [("Scottish families", "GBR")]


def test_a_party_named_by_nationality_keeps_its_own_name(extractor: RulesExtractor) -> None:
    text = "The Scottish National Party accused the chancellor of ignoring Scotland on Monday."
    event = trigger_event(_run(extractor, text), "accused")
    assert [(a.name, a.country, a.sector) for a in event.actors] == [
        ("Scottish National Party", "GBR", "PTY")
    ]


def test_an_international_envoy_acts_for_the_body_not_the_country_named(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The UN's special Syria envoy, Staffan de Mistura, met the Syrian foreign minister in "
        "Damascus on Monday."
    )
    event = trigger_event(_run(extractor, text), "met")
    mistura = next(a for a in event.actors if a.name == "Staffan de Mistura")
    assert (mistura.country, mistura.sector) == (None, "IGO")


def test_a_definite_title_does_not_fall_back_to_any_named_official(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The Liberal Democrat leader, Helen Marsh, criticised the budget on Monday. "
        "The deputy prime minister held a private meeting with union leaders on Tuesday."
    )
    event = trigger_event(_run(extractor, text), "meeting")
    assert "Helen Marsh" not in [a.name for a in event.actors]


def test_a_definite_title_refers_to_who_was_described_with_it(
    extractor: RulesExtractor,
) -> None:
    text = (
        "Arkady Voronin, the Russian deputy foreign minister, met Swiss officials in Geneva on "
        "Sunday. "
        "The deputy foreign minister accused Ukraine of stalling the talks on Monday."
    )
    event = trigger_event(_run(extractor, text), "accused")
    assert [(a.name, a.country) for a in event.actors] == [("Arkady Voronin", "RUS")]


def _actors_of(result: Extraction, trigger: str) -> list[str]:
    """The actors' names of the event with that trigger, or nothing if it gave no event."""
    return [a.name for e in result.events if trigger in e.evidence.trigger for a in e.actors]


def test_he_after_a_name_the_article_cannot_place_stays_unresolved(
    extractor: RulesExtractor,
) -> None:
    text = (
        "the prime minister criticised the plan on monday. "
        "tory peer lord hale said he supported the bill."
    )
    result = _run(extractor, text, site_name="BBC News")
    assert "criticised" in [e.evidence.trigger for e in result.events]
    assert "prime minister" not in _actors_of(result, "supported")


def test_he_does_not_reach_back_to_the_reporter(extractor: RulesExtractor) -> None:
    text = (
        "Tom Marsh, the Courier's political correspondent, reported on Monday that the talks "
        "had stalled. At his press conference on Tuesday he refused to apologise to the union."
    )
    assert "Tom Marsh" not in _actors_of(_run(extractor, text), "refused")


def test_they_is_never_one_of_two_countries(extractor: RulesExtractor) -> None:
    text = (
        "Syria and Iraq signed a border agreement on Monday. "
        "On Tuesday they accused Turkey of violating it."
    )
    assert _actors_of(_run(extractor, text), "accused") not in (["Syria"], ["Iraq"])


def test_they_is_never_one_person(extractor: RulesExtractor) -> None:
    text = (
        "Mark Hale and Rita Moss, two local councillors, met the mayor on Monday. "
        "On Tuesday they accused the police of ignoring the residents."
    )
    actors = _actors_of(_run(extractor, text), "accused")
    assert actors not in (["Mark Hale"], ["Rita Moss"])


def test_lower_case_text_finds_known_people_and_parties(extractor: RulesExtractor) -> None:
    text = (
        "lib dem leader charles kennedy demanded an apology from the government on monday. "
        "a spokesman for ukip called on the mayor to resign. "
        "mr kennedy accused mr blunkett of misleading parliament."
    )
    result = _run(extractor, text, site_name="BBC News")
    assert [(a.name, a.country, a.sector) for a in trigger_event(result, "demanded").actors] == [
        ("Charles Kennedy", "GBR", "PTY")
    ]
    assert [(a.name, a.sector) for a in trigger_event(result, "called").actors] == [
        ("UK Independence Party", "PTY")
    ]
    accused = trigger_event(result, "accused")
    assert [a.name for a in accused.actors] == ["Charles Kennedy"]
    assert [a.name for a in accused.targets] == ["David Blunkett"]


def test_lower_case_surname_is_the_person_the_article_named(extractor: RulesExtractor) -> None:
    text = (
        "scotland s first minister jack mcconnell met head teachers in inverness on monday. "
        "mr mcconnell accused drinks firms of targeting teenagers."
    )
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "accused")
    assert [(a.name, a.country) for a in event.actors] == [("Jack McConnell", "GBR")]


def test_lower_case_us_is_not_the_united_states(extractor: RulesExtractor) -> None:
    text = "the minister accused us of ignoring the report, the union said on monday."
    result = _run(extractor, text, site_name="BBC News")
    assert all(t.country != "USA" for e in result.events for t in e.targets)


def test_a_regional_strongman_acts_for_his_state(extractor: RulesExtractor) -> None:
    text = "Ramzan Kadyrov lobbied Vladimir Putin for the return of the women on Monday."
    event = trigger_event(_run(extractor, text), "lobbied")
    assert [(a.country, a.sector) for a in event.actors] == [("RUS", "GOV")]


def test_foreign_diplomats_do_not_take_the_home_country(extractor: RulesExtractor) -> None:
    text = (
        "The prime minister criticised the housing plan on Monday. "
        "The prime minister met foreign ambassadors in London on Tuesday."
    )
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "met")
    ambassadors = [a for a in event.actors + event.targets if "ambassadors" in a.text]
    assert ambassadors and all(a.country is None for a in ambassadors)


def test_the_foreign_secretary_keeps_the_home_country(extractor: RulesExtractor) -> None:
    text = "The foreign secretary criticised the budget plans on Monday."
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "criticised")
    assert _coded(event.actors) == [("GBR", "GOV")]


def test_kurdish_forces_take_the_country_of_the_group_the_story_names(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The YPG and the Syrian Democratic Forces hold the towns along the border. "
        "Kurdish militants vowed to wage a guerrilla war against the Turkish military on "
        "Thursday."
    )
    event = trigger_event(_run(extractor, text), "vowed")
    assert [(a.name, a.country, a.sector) for a in event.actors] == [
        ("Kurdish militants", "SYR", "REB")
    ]


def test_kurdish_forces_stay_without_country_when_groups_of_two_are_named(
    extractor: RulesExtractor,
) -> None:
    text = (
        "The PKK and the YPG are both active in the region. "
        "Kurdish militants vowed to wage a guerrilla war against the Turkish military on "
        "Thursday."
    )
    event = trigger_event(_run(extractor, text), "vowed")
    assert _coded(event.actors) == [(None, "REB")]


def test_a_leaders_forces_are_his_countrys(extractor: RulesExtractor) -> None:
    text = "Assad's forces shelled the town of Douma on Friday, a monitoring group said."
    event = trigger_event(_run(extractor, text), "shelled")
    assert _coded(event.actors) == [("SYR", "MIL")]


def test_the_regime_is_not_another_government_named_before(extractor: RulesExtractor) -> None:
    text = (
        "The Turkish government said on Monday it would press on with its offensive. "
        "The Assad regime has opened corridors for civilians. "
        "Later the regime accused Turkey of killing civilians."
    )
    event = trigger_event(_run(extractor, text), "accused")
    assert _coded(event.actors) == [("SYR", "GOV")]


def test_the_body_after_a_generic_title_gives_its_sector(extractor: RulesExtractor) -> None:
    text = (
        "The leader of the opposition accused the prime minister of lying on Monday. "
        "Macron met two leaders of the Kurdish-led Syrian Democratic Forces in Paris."
    )
    result = _run(extractor, text)
    assert [a.sector for a in trigger_event(result, "accused").actors] == ["OPP"]
    met = trigger_event(result, "met")
    assert ("Syrian Democratic Forces", "SYR", "REB") in [
        (a.name, a.country, a.sector) for a in met.actors + met.targets
    ]


def test_a_definite_title_needs_the_same_portfolio(extractor: RulesExtractor) -> None:
    text = (
        "The US defence secretary, James Mattis, met Nato ministers in Brussels on Monday. "
        "The foreign secretary met the German chancellor in Berlin on Tuesday."
    )
    result = _run(extractor, text)
    met = [e for e in result.events if "Berlin" in e.evidence.text]
    assert met and "James Mattis" not in [a.name for a in met[0].actors]


def test_a_spokeswomans_we_is_her_government(extractor: RulesExtractor) -> None:
    text = (
        "“We have agreed to pause the deportations,” said Maria Lindqvist, a spokeswoman for "
        "the Swedish government, on Monday."
    )
    event = trigger_event(_run(extractor, text), "agreed")
    assert [(a.name, a.country, a.sector) for a in event.actors] == [("Sweden", "SWE", "GOV")]


def test_lower_case_name_after_a_title_is_a_person(extractor: RulesExtractor) -> None:
    text = (
        "the shadow transport secretary oliver hale accused the government of dithering. "
        "tory peer lord marsh said he backed the bill."
    )
    result = _run(extractor, text, site_name="BBC News")
    accused = trigger_event(result, "accused")
    assert [(a.name, a.country, a.sector) for a in accused.actors] == [
        ("Oliver Hale", "GBR", "OPP")
    ]
    assert [(a.name, a.sector) for a in trigger_event(result, "backed").actors] == [
        ("Marsh", "LEG")
    ]


def test_lower_case_surname_of_a_person_described_before(extractor: RulesExtractor) -> None:
    text = (
        "the shadow transport secretary oliver hale accused the government of dithering on "
        "monday. mr hale criticised the rail plan on tuesday."
    )
    event = trigger_event(_run(extractor, text, site_name="BBC News"), "criticised")
    assert [(a.name, a.country, a.sector) for a in event.actors] == [("Oliver Hale", "GBR", "OPP")]


def test_the_one_asked_in_an_of_phrase_is_the_target(extractor: RulesExtractor) -> None:
    text = "Moscow demanded of Kyiv on Monday that it withdraw its troops from the border."
    event = trigger_event(_run(extractor, text), "demanded")
    assert [t.country for t in event.targets] == ["UKR"]


def test_a_pronoun_read_as_the_actors_own_state_is_no_target(extractor: RulesExtractor) -> None:
    text = (
        "China has protested against the patrols. Two Chinese coast guard ships blocked a "
        "fishing boat on Sunday and fired water cannon at it for ten minutes."
    )
    event = trigger_event(_run(extractor, text), "fired")
    assert "CHN" not in [t.country for t in event.targets]
