"""Numbers and counted amounts: digits, words, vague plurals, cues, units and categories."""

from __future__ import annotations

from typing import Any

import pytest

from newswire_contracts import Quantity
from newswire_extractor.rules.numbers import parse_number, parse_vague
from newswire_extractor.rules.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("400", 400),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("twenty thousand", 20_000),
        ("ten", 10),
        ("a dozen", 12),
        ("two dozen", 24),
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("13,000", 13_000),
        ("12M", 12_000_000),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_non_numbers_are_rejected() -> None:
    assert parse_number("children") is None
    assert parse_number("") is None


def test_vague_plurals_are_ranges() -> None:
    assert parse_vague("hundreds of") == (200, 999)
    assert parse_vague("tens of thousands") == (20_000, 99_999)
    assert parse_vague("several") is None


def _quantities(nlp: Any, text: str) -> list[Quantity]:
    sentence = next(iter(nlp(text).sents))
    return [found.quantity for found in find_quantities(sentence)]


def test_approximate_count_with_unit_and_offsets(nlp: Any) -> None:
    text = "Ukraine handed over a list of nearly 400 children."
    (quantity,) = _quantities(nlp, text)
    assert quantity.value == 400
    assert quantity.approximate
    assert quantity.unit == "children"
    assert quantity.text == "nearly 400 children"
    assert quantity.start is not None
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("text", "value", "approximate", "category"),
    [
        ("Police arrested more than 100 protesters.", 100, True, "arrested"),
        ("The blast killed at least 12 soldiers.", 12, True, "killed"),
        ("Some 20,000 children were deported.", 20_000, True, "deported"),
        ("Russia offered to return about 10 children.", 10, True, "returned"),
        ("Gunmen wounded five villagers.", 5, False, "injured"),
        ("A dozen soldiers were killed.", 12, False, "killed"),
    ],
)
def test_cues_and_categories(
    nlp: Any, text: str, value: float, approximate: bool, category: str
) -> None:
    (quantity,) = _quantities(nlp, text)
    assert quantity.value == value
    assert quantity.approximate is approximate
    assert quantity.category == category


def test_vague_plural_and_range(nlp: Any) -> None:
    (vague,) = _quantities(nlp, "Hundreds of protesters gathered outside parliament.")
    assert (vague.value, vague.value_max, vague.approximate) == (200, 999, True)
    assert vague.unit == "protesters"
    (ranged,) = _quantities(nlp, "Between 10 and 20 people died in the fire.")
    assert (ranged.value, ranged.value_max) == (10, 20)


def test_years_ages_times_and_percentages_are_not_quantities(nlp: Any) -> None:
    text = "In 2024 a 12-year-old boy was hurt at 10:30 as prices rose 5 percent."
    assert _quantities(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hamdan, 53, was shot dead at the checkpoint.",  # an age after a name
        "The witness, Leila Haddad (41), said the shelling continued.",
        "Celtic won 3-1 at home.",  # a score
        "The report on page 3 described the raid.",  # a page number
        "A No 10 spokesman condemned the attack.",  # a label
        "The 2015 nuclear deal collapsed.",  # a year before a noun
        "Syrian forces captured two-thirds of the town.",  # a share
        "The two sides met in Geneva.",  # a reference to the parties
        "Two countries condemned the strike.",
        "The two leaders agreed a ceasefire.",
        "One option was a no-fly zone.",  # a lone 'one' that counts nothing
        "Police detained protesters on 29-30 January.",  # a date
    ],
)
def test_ages_scores_labels_years_and_references_are_not_quantities(nlp: Any, text: str) -> None:
    assert _quantities(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Two opposition leaders were arrested in the capital.", 2, "leaders"),
        ("Russia moved 300 police to the border.", 300, "police"),
        ("About 200 Serbian Orthodox pilgrims crossed the checkpoint.", 200, "pilgrims"),
        ("A convoy carried about 700 tonnes of food.", 700, "tonnes"),
        ("Tens of thousands of militia joined the offensive.", 20_000, "militia"),
        ("One soldier was killed.", 1, "soldier"),
    ],
)
def test_counts_of_people_and_things_stay(nlp: Any, text: str, value: float, unit: str) -> None:
    (quantity,) = _quantities(nlp, text)
    assert (quantity.value, quantity.unit) == (value, unit)
