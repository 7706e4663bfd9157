"""Shared fixtures: one loaded spaCy pipeline and one extractor for all extractor unit tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.rules.extractor import DEFAULT_MODEL
from newswire_extractor.rules.nlp import load_pipeline

PUBLISHED = datetime(2025, 6, 3, 10, 0, tzinfo=UTC)  # a Tuesday


@pytest.fixture(scope="session")
def extractor() -> RulesExtractor:
    loaded = RulesExtractor()
    loaded.load()
    return loaded


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_pipeline(DEFAULT_MODEL)
