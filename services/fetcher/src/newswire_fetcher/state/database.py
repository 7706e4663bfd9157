"""The fetcher's database: one engine and namespace for its records, and its migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from newswire_fetcher.errors import StateUnavailable
from newswire_runtime.sql import Migrations, check_dialect, create_engine

# Its own version table, so the fetcher's history and the store's share a database freely.
MIGRATIONS = Migrations(
    Path(__file__).parent.parent / "migrations", version_table="alembic_version_fetcher"
)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class FetcherDatabase:
    """The engine the fetcher's records share, and the deployment (namespace) they belong to."""

    def __init__(self, engine: AsyncEngine, *, namespace: str = "") -> None:
        self.dialect = check_dialect(engine)
        self.engine = engine
        self.namespace = namespace

    @classmethod
    def from_url(cls, url: str, *, namespace: str = "") -> FetcherDatabase:
        """The database at ``url`` ('sqlite:///x' and 'postgresql://…' get async drivers)."""
        return cls(create_engine(url, pool_pre_ping=True), namespace=namespace)

    async def migrate(self) -> None:
        """Bring the fetcher's tables to the newest revision (replicas may start together)."""
        url = self.engine.url.render_as_string(hide_password=False)
        try:
            await MIGRATIONS.upgrade(url)
        except (OperationalError, DBAPIError, OSError) as error:
            raise StateUnavailable(f"fetcher database unavailable: {error}") from error

    async def close(self) -> None:
        await self.engine.dispose()

    def mine(self, table: sa.Table) -> sa.ColumnElement[bool]:
        """Rows of this deployment."""
        return table.c.namespace == self.namespace

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        """A transaction; an unreachable database is StateUnavailable (worth retrying)."""
        try:
            async with self.engine.begin() as conn:
                yield conn
        except (OperationalError, DBAPIError) as error:
            raise StateUnavailable(f"fetcher database unavailable: {error}") from error
