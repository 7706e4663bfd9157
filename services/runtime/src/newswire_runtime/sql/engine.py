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


def create_engine(url: str | URL, *, sqlite_immediate: bool = False, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite connections get foreign keys, WAL and a busy timeout.

    ``sqlite_immediate``: every SQLite transaction starts with BEGIN IMMEDIATE, so one that reads
    and then writes (check, then insert) waits for the write lock up front instead of failing with
    'database is locked' when another connection wrote in between; for state that several
    processes write at once (the fetcher's replicas)."""
    engine = create_async_engine(to_async_url(url), **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
        if sqlite_immediate:
            event.listen(engine.sync_engine, "connect", manual_transactions)
            event.listen(engine.sync_engine, "begin", begin_immediate)
    return engine


def manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    """The driver leaves transactions to us (see begin_immediate)."""
    dbapi_connection.isolation_level = None


def begin_immediate(connection: Any) -> None:
    """Start SQLite transactions holding the write lock (waiting up to the busy timeout)."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Without foreign_keys SQLite ignores ON DELETE CASCADE; WAL lets readers run beside the
    # writer, and synchronous=NORMAL is the durable-enough setting WAL is designed for. WAL is a
    # property of the file: it is switched on only when it is not on yet, because the switch needs
    # the file's lock and fails at once ('database is locked', no busy wait) while another
    # connection writes, e.g. replicas starting together on a new file.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            try:
                cursor.execute("PRAGMA journal_mode=WAL")
            except Exception as error:  # the driver's OperationalError
                if "locked" not in str(error):
                    raise
                # Another connection holds the lock: this one works in the rollback journal
                # (still transactional, with the busy timeout) and a later one switches the file.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()
