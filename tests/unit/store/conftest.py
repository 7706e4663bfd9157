"""Fixtures for the store's tests: each ``store_url`` test runs on SQLite and on PostgreSQL.

The PostgreSQL case carries the ``integration`` marker (deselect it with ``-m "not integration"``)
and gets a fresh database on the session's server, dropped after the test.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def store_url(database_url: str) -> str:
    """A URL of an empty database, as users pass it: the root conftest's ``database_url``."""
    return database_url
