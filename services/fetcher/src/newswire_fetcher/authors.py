"""Author names from bylines and meta values: split, strip "By", drop roles, URLs and handles."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_PREFIX = re.compile(
    r"^(?:(?:text|words|reporting|written|story|report)\s+)?(?:by|von|par|por|di|door|av)\s*:?\s+",
    re.IGNORECASE,
)
# Credits for people who did not write the story ("Reporting by X; Editing by Y").
_NON_AUTHOR_CREDIT = re.compile(
    r"^(?:editing|edited|compiled|photos?|photography|graphics?|illustrations?|video)\s+by\b",
    re.IGNORECASE,
)
_CREDITS = re.compile(r"\s*[;|]\s*")
_SEPARATORS = re.compile(r"\s*(?:;|\||,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
_ROLE_WORDS = frozenset(
    {
        "staff",
        "reporter",
        "reporters",
        "correspondent",
        "editor",
        "editors",
        "writer",
        "contributor",
        "desk",
        "agencies",
        "updated",
        "published",
    }
)
_NAME = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,4}$")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+[^\W\d_]", re.IGNORECASE)
MAX_BYLINE_CHARS = 120


def clean_authors(values: Iterable[str]) -> list[str]:
    """Distinct author names, in order, from raw byline or meta strings."""
    names: list[str] = []
    seen: set[str] = set()
    for value in values:
        for name in split_names(value):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return names


def split_names(value: str) -> list[str]:
    """The names in one byline string ("By Ann Lee and Bo Park, staff writers")."""
    names = []
    for credit in _CREDITS.split(" ".join(html.unescape(value).split())):
        if not _NON_AUTHOR_CREDIT.match(credit):
            text = _PREFIX.sub("", credit)
            names += [part for part in _SEPARATORS.split(text) if _looks_like_name(part)]
    return names


def byline_names(paragraph: str) -> list[str] | None:
    """Names if a text paragraph is nothing but a byline ("By Ann Lee"), else None."""
    text = paragraph.strip()
    if len(text) > MAX_BYLINE_CHARS or not _BYLINE.match(text):
        return None
    names = split_names(text)
    # Every piece must be a name (or a role we drop); otherwise it is a sentence.
    pieces = [
        p for credit in _CREDITS.split(text) for p in _SEPARATORS.split(_PREFIX.sub("", credit))
    ]
    pieces = [p for p in pieces if p]
    if not names or any(p not in names and not _is_role(p) for p in pieces):
        return None
    return names


def _looks_like_name(part: str) -> bool:
    part = part.strip()
    if not part or len(part) > 60 or "@" in part or "://" in part or _is_role(part):
        return False
    return bool(_NAME.match(part)) and part[0].isupper()


def _is_role(part: str) -> bool:
    words = part.lower().split()
    return bool(words) and any(word.strip(".") in _ROLE_WORDS for word in words)
