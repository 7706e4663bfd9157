"""Fixtures for the store's unit tests: a fresh SQLite database file per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The sample articles live beside this file; the importlib import mode adds nothing to sys.path.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A URL of an empty SQLite database, as users pass it (the store picks the async driver)."""
    return f"sqlite:///{tmp_path / 'store.db'}"
