"""Fixtures for the store's PostgreSQL tests: a fresh database per test on the session's server."""

from __future__ import annotations

import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

# The suites loaded from tests/unit/store import their sample articles from there.
sys.path.insert(0, str(Path(__file__).parents[2] / "unit" / "store"))


@pytest.fixture
async def store_url(postgres_url: str) -> AsyncIterator[str]:
    """A URL of an empty database, dropped after the test, so tests never see each other's rows.

    ``postgres_url`` (the root conftest) names a server and a role allowed to create databases.
    """
    server = make_url(postgres_url)
    name = f"newswire_store_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
        async with admin.connect() as conn:
            # FORCE ends connections a failed test may have left open.
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()
