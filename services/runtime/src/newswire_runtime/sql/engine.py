"""Async engines from the URLs operators write, with the same SQLite settings everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

SUPPORTED_DIALECTS = frozenset({"postgresql", "sqlite"})
_ASYNC_DRIVERS = {"postgresql": "asyncpg", "sqlite": "aiosqlite"}

# The embedded path's one database (`newswire demo`, `fetch`, `events`, `serve`, and a fetcher or
# store started without a URL): the store's tables and the fetcher's side by side, in the
# current directory. NEWSWIRE_DATABASE_URL (or a service's own variable) replaces it.
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///newswire.sqlite"

# How long a SQLite connection waits for another writer (the store and a fetcher may share one
# file) before "database is locked"; the same as Python's sqlite3 default, stated once here.
SQLITE_BUSY_TIMEOUT_MS = 5_000


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file at ``path``, absolute, so it names the same file anywhere."""
    return f"sqlite+aiosqlite:///{path.resolve()}"


def to_async_url(url: str | URL) -> URL:
    """The URL with its async driver, so 'postgresql://…' and 'sqlite:///…' work as given."""
    parsed = make_url(url)
    dialect = parsed.get_backend_name()
    if dialect not in SUPPORTED_DIALECTS:
        raise ValueError(f"unsupported database {dialect!r}; use PostgreSQL or SQLite")
    return parsed.set(drivername=f"{dialect}+{_ASYNC_DRIVERS[dialect]}")


def check_dialect(engine: AsyncEngine) -> str:
    """The engine's dialect name; ValueError for a database Newswire does not support."""
    dialect = engine.dialect.name
    if dialect not in SUPPORTED_DIALECTS:
        raise ValueError(f"unsupported database {dialect!r}; use PostgreSQL or SQLite")
    return dialect


def create_engine(url: str | URL, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite connections get foreign keys, WAL and a busy timeout."""
    engine = create_async_engine(to_async_url(url), **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Without foreign_keys SQLite ignores ON DELETE CASCADE; WAL lets readers run beside the
    # writer, and synchronous=NORMAL is the durable-enough setting WAL is designed for.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()
