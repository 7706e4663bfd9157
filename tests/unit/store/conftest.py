"""Fixtures for the store's tests: each ``store_url`` test runs on SQLite and on PostgreSQL.

The PostgreSQL case carries the ``integration`` marker (deselect it with ``-m "not integration"``)
and gets a fresh database on the session's server, dropped after the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.databases import FreshDatabase

DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)]


@pytest.fixture(params=DATABASES)
async def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A URL of an empty database, as users pass it (the store picks the async driver)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    fresh_database: FreshDatabase = request.getfixturevalue("fresh_database")
    async with fresh_database("store") as url:
        yield url
