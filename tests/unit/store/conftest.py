"""Fixtures for the store's unit tests: a fresh SQLite database file per test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A URL of an empty SQLite database, as users pass it (the store picks the async driver)."""
    return f"sqlite:///{tmp_path / 'store.db'}"
