"""The embedded store's database: one default for every command, a check before reading it,
and the schema histories `newswire migrate` runs.

Every command that reads or fills the embedded store (`fetch`, `demo`, `events`, `export`,
`serve`) uses ``--database-url``, else ``NEWSWIRE_DATABASE_URL``, else ``newswire.sqlite`` in the
current directory (the store service's own default).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newswire_runtime.sql import DEFAULT_DATABASE_URL

if TYPE_CHECKING:
    from newswire_runtime.sql import Migrations

DEFAULT_DATABASE = Path("newswire.sqlite")
assert DEFAULT_DATABASE_URL.endswith(f"///{DEFAULT_DATABASE}"), "one default database"


class StoreUnavailable(Exception):
    """The store cannot be read: no database, an unmigrated one, or an unreachable server."""


def resolve(explicit: str | None) -> str:
    """The URL given (or from NEWSWIRE_DATABASE_URL through the option), else the default."""
    return explicit or DEFAULT_DATABASE_URL


@dataclass(frozen=True)
class History:
    """One service's Alembic history and the database it lives in."""

    name: str
    migrations: Migrations
    url: str

    async def upgrade(self, revision: str) -> str:
        """Upgrade to ``revision``; a line saying where the schema now stands."""
        await self.migrations.upgrade(self.url, revision)
        return await self.describe()

    async def describe(self) -> str:
        """``store schema at 0005 (head)``, or how far it is from the head."""
        current, head = await self.migrations.current(self.url), self.migrations.head()
        if current == head:
            return f"{self.name} schema at {current} (head)"
        state = "has no schema" if current is None else f"schema at {current}"
        return f"{self.name} {state} (head: {head})"


def histories(explicit: str | None) -> list[History]:
    """Every history a Newswire database holds: the store's and the fetcher's.

    Each is in its service's database (``NEWSWIRE_STORE_DATABASE_URL`` /
    ``NEWSWIRE_FETCHER_DATABASE_URL``, else ``NEWSWIRE_DATABASE_URL``, else the default), or
    both in ``explicit``. A bad setting raises pydantic's ValidationError (a ValueError).
    """
    from newswire_fetcher.settings import FetcherSettings
    from newswire_fetcher.state import MIGRATIONS as FETCHER_MIGRATIONS
    from newswire_store.migrator import MIGRATIONS as STORE_MIGRATIONS
    from newswire_store.settings import StoreSettings

    return [
        History("store", STORE_MIGRATIONS, explicit or StoreSettings().database_url),
        History("fetcher", FETCHER_MIGRATIONS, explicit or FetcherSettings().database_url),
    ]


def targets(all_histories: list[History], revision: str) -> list[History]:
    """The histories ``revision`` moves: all for 'head', else the one that has it.

    ValueError when no history has it (a usage error, not an unavailable database).
    """
    if revision == "head":
        return all_histories
    owners = [history for history in all_histories if history.migrations.owns(revision)]
    if len(owners) != 1:
        heads = ", ".join(f"{h.name} {h.migrations.head()}" for h in all_histories)
        raise ValueError(f"no history has revision {revision!r} (heads: {heads}); or give 'head'")
    return owners


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable(f"not a database URL: {url!r}") from exc
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_sqlite_path(url: str) -> None:
    """Raise StoreUnavailable if ``url`` is a SQLite file that cannot be created or opened.

    Said before connecting: aiosqlite's worker thread reports that failure with a traceback.
    """
    path = sqlite_file(url)
    if path is not None and not path.parent.is_dir():
        raise StoreUnavailable(f"no directory {path.parent} for the SQLite file {path.name}")
    if path is not None and path.is_dir():
        raise StoreUnavailable(f"{path} is a directory, not a SQLite file")


def check_readable(url: str) -> None:
    """Raise StoreUnavailable unless ``url`` holds a store migrated to the newest schema.

    A missing SQLite file is reported, never created: opening it would leave an empty file.
    """
    from newswire_store import current_revision, head_revision

    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise StoreUnavailable(
            f"no store at {path}: fill one with `newswire fetch URL` or `newswire demo`, "
            "or give --database-url / NEWSWIRE_DATABASE_URL"
        )
    try:
        revision = asyncio.run(current_revision(url))
    except Exception as exc:  # the driver's errors vary (OSError, asyncpg, sqlite3)
        raise StoreUnavailable(f"cannot open the store at {_safe(url)}: {exc}") from exc
    if revision != head_revision():
        state = "has no schema" if revision is None else f"is at schema {revision}"
        raise StoreUnavailable(
            f"the store at {_safe(url)} {state}, not {head_revision()}: run `newswire migrate`"
        )


def _safe(url: str) -> str:
    """The URL without its password, fit for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"
