"""The fetcher's database: one engine and namespace for its records, and its migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from newswire_fetcher.errors import StateUnavailable
from newswire_runtime.sql import DEFAULT_DATABASE_URL, Migrations, check_dialect, create_engine

log = logging.getLogger("newswire.fetcher")

# Its own version table, so the fetcher's history and the store's share a database freely.
MIGRATIONS = Migrations(
    Path(__file__).parent.parent / "migrations", version_table="alembic_version_fetcher"
)

# Until November 2026 a fetcher given no database URL kept its state in this file, in the
# working directory; now it shares the store's default database (DEFAULT_DATABASE_URL).
OLD_DEFAULT_FILE = "newswire-fetcher.sqlite"


def old_default_notice(*, url_given: bool, directory: Path) -> str | None:
    """What to tell an operator whose fetcher left the old default file in ``directory``.

    None when a database URL was given (the embedded pipeline always gives the store's, which
    the old fetcher used too) or no such file exists; otherwise this fetcher, on the new
    default, starts with an empty seen-URL record.
    """
    old = directory / OLD_DEFAULT_FILE
    if url_given or not old.is_file():
        return None
    return (
        f"{old} holds the seen URLs and fingerprints of a fetcher from before November 2026, "
        f"but the default database is now {DEFAULT_DATABASE_URL.rsplit('/', 1)[-1]}, so this "
        "fetcher starts with an empty seen-URL record; to keep using that file, set "
        f"NEWSWIRE_FETCHER_DATABASE_URL=sqlite:///{OLD_DEFAULT_FILE}"
    )


async def warn_about_old_default(*, url_given: bool) -> None:
    """Log ``old_default_notice`` for the working directory, once, at start-up."""
    notice = old_default_notice(url_given=url_given, directory=Path.cwd())
    if notice is not None:
        log.warning(notice)


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
        return cls(
            create_engine(url, pool_pre_ping=True, sqlite_immediate=True), namespace=namespace
        )

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
