"""Numbers written as digits or words: '1,200', '2.5 million', 'twenty thousand', 'hundreds'."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "dozen": 12,
    "score": 20,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
_ABBREVIATED = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")

# Vague plurals: a range from twice the unit up to just below ten times it.
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2_000_000.0, 9_999_999.0),
    "tens of millions": (20_000_000.0, 99_999_999.0),
    # 'a few hundred': two to five of the unit; 'several hundred': three to nine.
    "few dozen": (24.0, 60.0),
    "several dozen": (36.0, 108.0),
    "few hundred": (200.0, 500.0),
    "several hundred": (300.0, 900.0),
    "few thousand": (2_000.0, 5_000.0),
    "several thousand": (3_000.0, 9_000.0),
    "few million": (2_000_000.0, 5_000_000.0),
    "several million": (3_000_000.0, 9_000_000.0),
}
FEW_WORDS = frozenset({"few", "several"})

NUMBER_WORDS = (frozenset(_UNITS) | frozenset(_SCALES)) - {"a", "an"}


def parse_number(text: str) -> float | None:
    """The value of a number in digits, words or both; None if it is not a number."""
    words = text.casefold().replace("-", " ").replace("$", " ").split()
    if not words:
        return None
    if len(words) <= 2 and _DIGITS.match(words[0]):
        value = float(words[0].replace(",", ""))
        if len(words) == 1:
            return value
        scale = _SCALES.get(words[1]) or _ABBREVIATED.get(words[1])
        return value * scale if scale else None
    compact = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|mn|bn|b)", words[0])
    if compact and len(words) == 1:
        return float(compact[1]) * _ABBREVIATED[compact[2]]
    return _parse_words(words)


def _parse_words(words: list[str]) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1_000:
                total, current = total + current, 0.0
        elif _DIGITS.match(word):
            current += float(word.replace(",", ""))
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_vague(text: str) -> tuple[float, float] | None:
    """The range a vague plural names ('hundreds of' -> 200..999), or None."""
    key = " ".join(text.casefold().split()).removesuffix(" of")
    return VAGUE.get(key)
