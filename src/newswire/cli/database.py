"""The embedded store's database: one default for every command, and a check before reading it.

Every command that reads or fills the embedded store (`fetch`, `demo`, `events`, `export`,
`serve`) uses ``--database-url``, else ``NEWSWIRE_DATABASE_URL``, else ``newswire.sqlite`` in the
current directory (the store service's own default).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newswire_runtime.sql import DEFAULT_DATABASE_URL

DEFAULT_DATABASE = Path("newswire.sqlite")
assert DEFAULT_DATABASE_URL.endswith(f"///{DEFAULT_DATABASE}"), "one default database"


class StoreUnavailable(Exception):
    """The store cannot be read: no database, an unmigrated one, or an unreachable server."""


def resolve(explicit: str | None) -> str:
    """The URL given (or from NEWSWIRE_DATABASE_URL through the option), else the default."""
    return explicit or DEFAULT_DATABASE_URL


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path.resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable(f"not a database URL: {url!r}") from exc
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


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
