"""Event places come from the event's own clause; geocoding prefers the story's country."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswire_contracts import Event
from newswire_extractor import RulesExtractor
from newswire_extractor.kb import load_knowledge_base

SATURDAY = datetime(2025, 5, 31, 9, 0, tzinfo=UTC)


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
