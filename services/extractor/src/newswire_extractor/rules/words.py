"""Per-language word lists of the rules (``rules/lang/<code>/<name>.toml``), parsed once."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

_PACKAGE = "newswire_extractor.rules"


@functools.cache
def word_data(name: str, language: str = "en") -> dict[str, Any]:
    """The parsed ``lang/<language>/<name>`` file (cached: every caller shares one parse)."""
    path = resources.files(_PACKAGE) / "lang" / language / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


def word_set(name: str, key: str, language: str = "en") -> frozenset[str]:
    """One list of a word file as a set (``key`` may be dotted: 'units.blocked')."""
    value: Any = word_data(name, language)
    for part in key.split("."):
        value = value[part]
    return frozenset(str(word) for word in value)
