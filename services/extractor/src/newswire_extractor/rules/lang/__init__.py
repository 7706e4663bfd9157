"""The words the rules use, per language (``lang/<code>/*.toml``): every file parsed once.

One loader for all language data. ``load_language(code)`` reads every TOML file of the
language's folder once per process and gives
- the word sets of the files that are tables of word lists (``[section] name = [...]``), by
  ``section.name`` (``language["reporting.verbs"]``; sections are unique across those files), and
- every file as parsed (``language.data("dates")``), for files that also hold numbers, tables
  and patterns (dates, places, quantities, merge cues).
``word_data`` and ``word_set`` are shorthands over the same cached parse.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Language:
    """The language data of one language: word sets by role, and each file as parsed."""

    code: str
    words: Mapping[str, frozenset[str]]
    files: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> frozenset[str]:
        """The word set named ``key`` (``section.name`` in the TOML files)."""
        try:
            return self.words[key]
        except KeyError:
            raise KeyError(f"no word list {key!r} for language {self.code!r}") from None

    def data(self, name: str) -> Mapping[str, Any]:
        """The parsed file ``name`` ('dates' or 'dates.toml')."""
        stem = name.removesuffix(".toml")
        try:
            return self.files[stem]
        except KeyError:
            raise KeyError(f"no file lang/{self.code}/{stem}.toml") from None


def parse_language(
    code: str, tables: Mapping[str, Any], files: Mapping[str, Mapping[str, Any]] | None = None
) -> Language:
    """Flatten ``[section] name = [...]`` tables into ``section.name`` word sets."""
    words: dict[str, frozenset[str]] = {}
    for section, entries in tables.items():
        if not isinstance(entries, Mapping):
            raise ValueError(f"lang/{code}: [{section}] must be a table of word lists")
        for name, values in entries.items():
            if not _word_list(values):
                raise ValueError(f"lang/{code}: {section}.{name} must be a list of strings")
            words[f"{section}.{name}"] = frozenset(v.casefold() for v in values)
    return Language(code=code, words=words, files=dict(files or {}))


@functools.cache
def load_language(code: str = "en") -> Language:
    """Every data file of a language, parsed once per process."""
    folder = resources.files(__name__) / code
    files: dict[str, Mapping[str, Any]] = {}
    tables: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        parsed = tomllib.loads(entry.read_text(encoding="utf-8"))
        files[entry.name.removesuffix(".toml")] = parsed
        if not _word_tables(parsed):
            continue
        overlap = tables.keys() & parsed.keys()
        if overlap:
            raise ValueError(f"lang/{code}/{entry.name}: sections defined twice: {sorted(overlap)}")
        tables.update(parsed)
    if not files:
        raise ValueError(f"no language data for {code!r}")
    return parse_language(code, tables, files)


def word_data(name: str, language: str = "en") -> Mapping[str, Any]:
    """The parsed ``lang/<language>/<name>`` file (the one cached parse)."""
    return load_language(language).data(name)


def word_set(name: str, key: str, language: str = "en") -> frozenset[str]:
    """One list of a word file as a set (``key`` may be dotted: 'units.blocked')."""
    value: Any = word_data(name, language)
    for part in key.split("."):
        value = value[part]
    return frozenset(str(word) for word in value)


def _word_list(values: object) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def _word_tables(parsed: Mapping[str, Any]) -> bool:
    """Whether a file is only tables of word lists (its sections become word sets)."""
    return all(
        isinstance(entries, Mapping) and all(_word_list(v) for v in entries.values())
        for entries in parsed.values()
    )
