"""The words the clause-level rules use, per language (``lang/<code>/*.toml``), loaded once."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

_FILES = ("modality.toml", "discourse.toml", "senses.toml", "actors.toml", "readings.toml")


@dataclass(frozen=True)
class Language:
    """Word sets of one language, by the role they play in the rules."""

    code: str
    words: Mapping[str, frozenset[str]]

    def __getitem__(self, key: str) -> frozenset[str]:
        """The word set named ``key`` (``section.name`` in the TOML files)."""
        try:
            return self.words[key]
        except KeyError:
            raise KeyError(f"no word list {key!r} for language {self.code!r}") from None


def parse_language(code: str, tables: Mapping[str, Any]) -> Language:
    """Flatten ``[section] name = [...]`` tables into ``section.name`` word sets."""
    words: dict[str, frozenset[str]] = {}
    for section, entries in tables.items():
        if not isinstance(entries, Mapping):
            raise ValueError(f"lang/{code}: [{section}] must be a table of word lists")
        for name, values in entries.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ValueError(f"lang/{code}: {section}.{name} must be a list of strings")
            words[f"{section}.{name}"] = frozenset(v.casefold() for v in values)
    return Language(code=code, words=words)


@functools.cache
def load_language(code: str = "en") -> Language:
    """The packaged word lists of a language (parsed once per process)."""
    folder = resources.files(__name__) / code
    tables: dict[str, Any] = {}
    for name in _FILES:
        parsed = tomllib.loads((folder / name).read_text(encoding="utf-8"))
        overlap = tables.keys() & parsed.keys()
        if overlap:
            raise ValueError(f"lang/{code}/{name}: sections defined twice: {sorted(overlap)}")
        tables.update(parsed)
    return parse_language(code, tables)
