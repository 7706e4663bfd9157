"""Small text normalizations shared by the knowledge-base indexes."""

from __future__ import annotations

import functools
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-", "—": "-"})


@functools.lru_cache(maxsize=65_536)  # pure and called for every phrase an actor rule looks up
def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def strip_article(text: str) -> str:
    """Drop a leading 'the ' so 'the Netherlands' and 'Netherlands' share a key."""
    return text[4:] if text[:4].casefold() == "the " else text


def is_abbreviation(text: str) -> bool:
    """'UN', 'U.S.', 'NATO': matched only with their exact case ('us' is a pronoun)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 5
