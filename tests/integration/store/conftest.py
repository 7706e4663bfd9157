"""Fixtures for the store's PostgreSQL tests: a fresh database per test on the session's server."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.conftest import FreshDatabase

# The suites loaded from tests/unit/store import their sample articles from there.
sys.path.insert(0, str(Path(__file__).parents[2] / "unit" / "store"))


@pytest.fixture
async def store_url(fresh_database: FreshDatabase) -> AsyncIterator[str]:
    """A URL of an empty database, dropped after the test, so tests never see each other's rows."""
    async with fresh_database("store") as url:
        yield url
