"""Counted amounts in a sentence: '400', 'nearly 400 children', 'twenty thousand', 'hundreds of'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newswire_contracts import Quantity
from newswire_extractor.rules.lang import word_data
from newswire_extractor.rules.numbers import (
    FEW_WORDS,
    NUMBER_WORDS,
    VAGUE,
    parse_number,
    parse_vague,
)
from newswire_extractor.rules.syntax import children, lemma

Token = Any
Span = Any

_WORDS = word_data("quantities.toml")


def _words(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in _WORDS[key])


APPROXIMATE_CUES: tuple[str, ...] = tuple(_WORDS["approximate_cues"])
_APPROXIMATE = sorted((tuple(cue.split()) for cue in APPROXIMATE_CUES), key=len, reverse=True)
# What happened to the counted people, from the verb that governs them.
CATEGORIES: dict[str, str] = {str(k): str(v) for k, v in _WORDS["categories"].items()}
_ADJECTIVE_CATEGORIES = {str(k): str(v) for k, v in _WORDS["adjective_categories"].items()}
_FRACTIONS = _words("fraction_words")
_BLOCKED_UNITS = _words("blocked_units") | frozenset(word_data("dates.toml")["months"]) | _FRACTIONS
_REFERENCE_UNITS = _words("reference_units")
_COLLECTIVE_UNITS = _words("collective_units")
_LABEL_WORDS = _words("label_words")
_STRENGTH = _words("strength_words")
_SKIP_ENTITY_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "PERCENT",
        "ORDINAL",
        "PERSON",
        "ORG",
        "GPE",
        "LAW",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "FAC",
        "LOC",
        "NORP",
    }
)
_CLOCK_WORDS = _words("clock_words")
_SCALE_WORDS = frozenset({"dozen", "hundred", "thousand", "million"})
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_VAGUE_WORDS = frozenset(w for key in VAGUE for w in key.split()) - {"of"}
_AGE_WORDS = _words("age_words")
_NUMBERISH = re.compile(
    r"\d|\b(?:" + "|".join(sorted(NUMBER_WORDS | _VAGUE_WORDS | {"dozen"})) + r")\b", re.I
)


@dataclass(frozen=True)
class FoundQuantity:
    """A quantity and the token it is anchored on (to tie it to the right event)."""

    quantity: Quantity
    anchor: Token


def find_quantities(sentence: Span) -> list[FoundQuantity]:
    """Every counted amount in the sentence, skipping dates, times, ages, percentages and years."""
    found: list[FoundQuantity] = []
    if not _NUMBERISH.search(sentence.text):
        return found
    tokens = list(sentence)
    i = 0
    while i < len(tokens):
        end = _number_end(tokens, i)
        if end > i:
            quantity = _quantity(tokens, i, end)
            if quantity is not None:
                found.append(quantity)
                if quantity.quantity.value_max is not None and _range_end(tokens, end):
                    end += 2  # the range's upper bound is part of this quantity
            i = end
        else:
            i += 1
    return found


_TEMPORAL_NOUNS = _words("temporal_nouns")
_NOT_COUNTS = _TEMPORAL_NOUNS | _words("measures")


def _counts_people_or_things(token: Token) -> bool:
    """NER calls 'between 10 and 20 people' a date; a number counting a non-time noun is not."""
    number = token.head if token.dep_ == "conj" else token
    noun = number.head
    return bool(
        number.dep_ == "nummod" and noun.pos_ == "NOUN" and lemma(noun) not in _TEMPORAL_NOUNS
    )


def _is_number_token(token: Token) -> bool:
    if token.lower_ in FEW_WORDS:  # 'a few hundred', 'several thousand'
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in _SCALE_WORDS
    if token.ent_type_ in ("DATE", "TIME") and _counts_people_or_things(token):
        pass
    elif token.ent_type_ in _SKIP_ENTITY_LABELS:
        return False
    word = token.lower_
    return bool(token.like_num) or word in NUMBER_WORDS or word in _VAGUE_WORDS or word == "dozen"


def _number_end(tokens: list[Token], i: int) -> int:
    """End of the number phrase starting at i ('twenty thousand', 'tens of thousands'), or i."""
    if not _is_number_token(tokens[i]):
        if (
            tokens[i].lower_ in ("a", "an")
            and i + 1 < len(tokens)
            and tokens[i + 1].lower_
            in (
                "dozen",
                "hundred",
                "thousand",
                "million",
                "score",
            )
        ):
            return _number_end(tokens, i + 1)
        return i
    end = i + 1
    while end < len(tokens):
        token = tokens[end]
        if (
            _is_number_token(token)
            or (token.lower_ in ("and", "-") and _next_is_number(tokens, end))
            or (token.lower_ == "of" and _vague_continues(tokens, i, end))
        ):
            end += 1
        else:
            break
    return end


def _next_is_number(tokens: list[Token], i: int) -> bool:
    return i + 1 < len(tokens) and _is_number_token(tokens[i + 1]) and not tokens[i + 1].like_num


def _vague_continues(tokens: list[Token], start: int, of_index: int) -> bool:
    """'tens of thousands', 'hundreds of thousands' continue; 'hundreds of people' do not."""
    words = " ".join(t.lower_ for t in tokens[start:of_index])
    nxt = tokens[of_index + 1].lower_ if of_index + 1 < len(tokens) else ""
    return words in ("tens", "hundreds") and nxt in ("thousands", "millions")


def _quantity(tokens: list[Token], start: int, end: int) -> FoundQuantity | None:
    # 'a hundred', 'a dozen' (not 'a 30,000-strong force': the article is not a number there).
    first = (
        start - 1
        if start > 0 and tokens[start - 1].lower_ in ("a", "an") and not tokens[start].like_num
        else start
    )
    number_tokens = tokens[start:end]
    words = " ".join(t.text for t in number_tokens)
    last = number_tokens[-1]
    if _is_excluded(tokens, start, end, words):
        return None
    vague = parse_vague(words)
    if vague is not None:
        value, value_max = vague
        approximate = True
    else:
        parsed = parse_number(" ".join(t.text for t in tokens[first:end]))
        if parsed is None:
            return None
        value, value_max, approximate = parsed, None, False
    unit = _unit(last)
    if unit is None and last.lower_ in ("one", "a", "an"):
        return None
    if unit is not None and lemma(unit) in _NOT_COUNTS:
        return None  # 'six weeks', '125 kilometres': durations and distances are not counts
    category = _category(unit if unit is not None else last)
    if not _counts_something(tokens, end, value, unit, category):
        return None
    cue_start, cue = _approximate_cue(tokens, first)
    approximate = approximate or cue is not None
    value_max = value_max or _range_end(tokens, end)
    if cue is None and first > 0 and tokens[first - 1].lower_ == "between" and value_max:
        cue_start, cue = first - 1, "between"
    text_start = tokens[cue_start] if cue is not None else tokens[first]
    text_end = unit if unit is not None and 0 < unit.i - last.i <= 3 else last
    doc = last.doc
    quantity = Quantity(
        value=value,
        value_max=value_max,
        approximate=approximate,
        unit=unit.text if unit is not None else None,
        category=category,
        text=doc[text_start.i : text_end.i + 1].text,
        start=text_start.idx,
        end=text_end.idx + len(text_end.text),
    )
    return FoundQuantity(quantity, unit if unit is not None else last)


def _counts_something(
    tokens: list[Token], end: int, value: float, unit: Token | None, category: str | None
) -> bool:
    """Whether a number counts people or things an event is about.

    Not: abstractions, scores and references to the parties ('one option', 'a 3-1 win', 'the
    two sides', 'two countries'); parties or relatives unless something happened to them ('two
    leaders met' no, 'two leaders were arrested' yes); a lone 'one' unless something happened
    to it; a number before a singular noun ('the 2015 deal', 'No 10 spokesman'), except
    collective nouns ('300 police') and strengths ('a 30,000-strong force').
    """
    if unit is None:
        return category is not None or value != 1
    word = lemma(unit).lower()
    if word in _BLOCKED_UNITS or unit.lower_ in _BLOCKED_UNITS:
        return False
    if category is None and (word in _REFERENCE_UNITS or value == 1):
        return False
    singular = unit.tag_ == "NN" and word not in _COLLECTIVE_UNITS
    after = tokens[end].lower_ if end < len(tokens) else ""
    return not (singular and value > 1 and after not in _STRENGTH)


def _is_excluded(tokens: list[Token], start: int, end: int, words: str) -> bool:
    last = tokens[end - 1]
    before = tokens[start - 1].lower_ if start > 0 else ""
    after = tokens[end].lower_ if end < len(tokens) else ""
    if any(w in _FRACTIONS for w in re.split(r"[\s-]+", words.lower())):
        return True  # 'two-thirds': a share, not a count
    if _age(tokens, start, end) or _score(tokens, start, end):
        return True
    if _YEAR.match(words) and not (last.dep_ == "nummod" and last.head.pos_ == "NOUN"):
        return True
    if before in _AGE_WORDS or after in ("-year", "year-old", "years-old") or after == "%":
        return True
    if after in _CLOCK_WORDS or (before in ("at", "by", "until", "before") and after in ("", ".")):
        return True  # '9 a.m.', 'at 10'; clock times are not counts
    if (
        after in ("-", "year", "years")
        and end + 1 < len(tokens)
        and tokens[end + 1].lower_
        in (
            "year",
            "old",
            "-",
        )
    ):
        return True
    if ":" in words or before in _LABEL_WORDS:
        return True
    return last.lower_ == "one" and after == "of" and last.dep_ != "nummod"


def _age(tokens: list[Token], start: int, end: int) -> bool:
    """'Hamdan, 53, said', 'Hamdan (53)': a number set off right after a name is an age."""
    if start < 2 or end - start != 1 or not tokens[start].like_num:
        return False
    opener, name = tokens[start - 1], tokens[start - 2]
    closer = tokens[end].text if end < len(tokens) else ""
    return (
        (opener.text, closer) in ((",", ","), ("(", ")"), (",", "."), (",", ""))
        and name.pos_ == "PROPN"
        and name.ent_type_ not in ("GPE", "NORP", "LOC", "FAC")
    )


def _score(tokens: list[Token], start: int, end: int) -> bool:
    """'won 3-1', 'a 2-0 defeat': two small numbers joined by a dash, counting nothing."""
    first = tokens[start].text
    if "-" in first or "–" in first:
        text, nxt = first, end
    elif end + 1 < len(tokens) and tokens[end].text in ("-", "–"):
        text, nxt = f"{first}-{tokens[end + 1].text}", end + 2
    else:
        return False
    if re.match(r"^\d{1,2}[-–]\d{1,2}$", text) is None:
        return False
    return nxt >= len(tokens) or tokens[nxt].tag_ not in ("NNS", "NNPS")


def _unit(number: Token) -> Token | None:
    """The counted noun: '400 children', 'hundreds of children', '200 Serbian Orthodox
    pilgrims' -> pilgrims (a modifier the number hangs on leads to its noun)."""
    unit = _unit_word(number)
    while (
        unit is not None
        and unit.dep_ in ("compound", "amod")
        and unit.head.pos_ in ("NOUN", "PROPN")
        and unit.head.i > unit.i
    ):
        unit = unit.head
    return unit


def _unit_word(number: Token) -> Token | None:
    if number.dep_ in ("nummod", "quantmod") and number.head.pos_ in ("NOUN", "PROPN"):
        return number.head
    for prep in children(number, "prep"):
        if lemma(prep) == "of":
            for obj in children(prep, "pobj"):
                if obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    if number.head.dep_ == "nummod" and number.head.head.pos_ == "NOUN":
        return number.head.head
    return None


def _approximate_cue(tokens: list[Token], first: int) -> tuple[int, str | None]:
    for cue in _APPROXIMATE:
        start = first - len(cue)
        if start >= 0 and tuple(t.lower_ for t in tokens[start:first]) == cue:
            return start, " ".join(cue)
    return first, None


def _range_end(tokens: list[Token], end: int) -> float | None:
    """'10 to 20', '10-20', 'between 10 and 20' -> 20."""
    if (
        end + 1 < len(tokens)
        and tokens[end].lower_ in ("to", "-", "and")
        and tokens[end + 1].like_num
    ):
        return parse_number(tokens[end + 1].text)
    return None


def _category(anchor: Token) -> str | None:
    head = anchor.head
    if anchor.dep_ in ("dobj", "nsubjpass", "pobj", "conj", "appos") and head.pos_ in (
        "VERB",
        "AUX",
    ):
        found = CATEGORIES.get(lemma(head))
        if found:
            return found
    if anchor.dep_ == "nsubj" and lemma(head) in ("die", "flee", "disappear"):
        return CATEGORIES.get(lemma(head), "missing")
    if anchor.dep_ == "pobj" and head.head.pos_ == "VERB":
        return CATEGORIES.get(lemma(head.head))
    for child in anchor.children:
        if child.dep_ in ("amod", "acl") and child.lower_ in _ADJECTIVE_CATEGORIES:
            return _ADJECTIVE_CATEGORIES[child.lower_]
    for child in children(anchor, "acl", "relcl"):
        found = CATEGORIES.get(lemma(child))
        if found:
            return found
    return None
