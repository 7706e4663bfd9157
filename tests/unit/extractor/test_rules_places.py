"""Event places come from the event's own clause; geocoding prefers the story's country."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswire_contracts import Event
from newswire_extractor import RulesExtractor
from newswire_extractor.kb import load_knowledge_base

SATURDAY = datetime(2025, 5, 31, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def extractor(unfiltered: RulesExtractor) -> RulesExtractor:
    """Without the event filter (conftest.unfiltered): these tests are about resolution."""
    return unfiltered


def _events(extractor: RulesExtractor, text: str) -> list[Event]:
    return extractor.extract(text, article_id="places", published_at=SATURDAY).events


def _by_trigger(events: list[Event], trigger: str) -> Event:
    (found,) = [e for e in events if e.evidence.trigger == trigger]
    return found


def test_a_place_inside_what_was_rejected_is_not_where_the_rejection_was(
    extractor: RulesExtractor,
) -> None:
    events = _events(
        extractor, "Russia rejected Turkey's calls for a ceasefire in Idlib on Monday."
    )
    assert _by_trigger(events, "rejected").location is None


def test_a_place_that_locates_the_targets_of_a_sanction_is_not_its_place(
    extractor: RulesExtractor,
) -> None:
    events = _events(
        extractor, "The United States imposed sanctions on companies in Iran on Friday."
    )
    (sanction,) = [e for e in events if e.event_type == "SANCTION"]
    assert sanction.location is None


def test_the_place_of_a_material_act_in_its_clause(extractor: RulesExtractor) -> None:
    events = _events(extractor, "Turkish troops have been fighting Kurdish militias in Afrin.")
    location = _by_trigger(events, "fighting").location
    assert location is not None
    assert (location.name, location.country, location.basis) == ("Afrin", "SYR", "clause")


def test_a_shared_place_name_is_read_in_the_storys_country(extractor: RulesExtractor) -> None:
    plain = _events(extractor, "Police detained 40 protesters in Hyderabad on Friday.")
    located = _by_trigger(plain, "detained").location
    assert located is not None
    assert located.country == "IND"  # the larger Hyderabad
    filed = _events(extractor, "KARACHI — Police detained 40 protesters in Hyderabad on Friday.")
    located = _by_trigger(filed, "detained").location
    assert located is not None
    assert located.country == "PAK"  # a story filed from Karachi


@pytest.mark.parametrize(
    ("name", "prefer", "country", "precision"),
    [
        ("eastern Congo", (), "COD", "region"),
        ("Congo", (), "COD", "country"),
        ("Republic of Congo", (), "COG", "country"),
        ("north-eastern Syria", (), "SYR", "region"),
        ("the far eastern Deir ez-Zor", (), "SYR", "city"),
        ("south-east Turkey", (), "TUR", "region"),
        ("Eastern Ghouta", (), "SYR", "region"),
        ("Mirpur", ("BGD",), "BGD", "city"),
        ("Mirpur", ("PAK",), "PAK", "city"),
        ("Salisbury", (), "GBR", "city"),  # the town's own name, not old Harare's
        ("North Korea", (), "PRK", "country"),
        ("South Sudan", (), "SSD", "country"),
    ],
)
def test_geocoding_of_qualified_and_shared_names(
    name: str, prefer: tuple[str, ...], country: str, precision: str
) -> None:
    place = load_knowledge_base().gazetteer.geocode(name, prefer)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)


def test_a_material_act_is_placed_where_it_is_aimed(extractor: RulesExtractor) -> None:
    events = _events(extractor, "Turkey launched air strikes on Afrin on Saturday.")
    (strikes,) = [e for e in events if e.event_type == "ASSAULT"]
    assert strikes.location is not None
    assert (strikes.location.name, strikes.location.country) == ("Afrin", "SYR")


def test_a_meeting_continued_in_the_next_sentence_keeps_its_place(
    extractor: RulesExtractor,
) -> None:
    events = _events(
        extractor,
        "Foreign ministers from Russia, Iran and Turkey met in the Turkish resort of Antalya on "
        "Sunday. The ministers discussed the possibility of inviting Kurdish groups to the "
        "congress.",
    )
    for trigger in ("met", "discussed"):
        location = _by_trigger(events, trigger).location
        assert location is not None
        assert (location.name, location.country) == ("Antalya", "TUR")
    assert _by_trigger(events, "discussed").location.basis == "sentence"  # type: ignore[union-attr]


def test_a_place_named_two_sentences_before_does_not_carry_on(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "Foreign ministers from Russia and Turkey met in Antalya on Sunday. The opposition "
        "called a strike over fuel prices. The ministers discussed the possibility of a truce.",
    )
    assert _by_trigger(events, "discussed").location is None


def test_a_withdrawal_is_placed_where_the_force_left(extractor: RulesExtractor) -> None:
    events = _events(extractor, "The Kurdish militia withdrew from Afrin before dawn on Sunday.")
    location = next(e for e in events if e.event_type == "RETREAT").location
    assert location is not None
    assert (location.name, location.country) == ("Afrin", "SYR")


def test_places_of_an_all_lower_case_text_are_found(extractor: RulesExtractor) -> None:
    events = _events(
        extractor,
        "eu leaders are holding talks in brussels on how to revive the economy. the british "
        "prime minister is meeting his eu counterparts to agree a package of measures. the "
        "unions held talks in private with the deputy prime minister.",
    )
    for trigger in ("holding talks", "meeting"):
        (event,) = [e for e in events if e.evidence.trigger.startswith(trigger)]
        location = event.location
        assert location is not None
        assert (location.name, location.country, location.text) == ("Brussels", "BEL", "brussels")
    private = [e for e in events if "private" in e.evidence.text]
    assert all(e.location is None for e in private)
