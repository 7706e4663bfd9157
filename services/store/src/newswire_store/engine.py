"""Async engine creation: driver selection from a plain URL and SQLite connection settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

SUPPORTED_DIALECTS = frozenset({"postgresql", "sqlite"})
_ASYNC_DRIVERS = {"postgresql": "asyncpg", "sqlite": "aiosqlite"}


def to_async_url(url: str | URL) -> URL:
    """The URL with the async driver the store uses, so 'postgresql://…' and 'sqlite:///…' work."""
    parsed = make_url(url)
    dialect = parsed.get_backend_name()
    if dialect not in SUPPORTED_DIALECTS:
        raise ValueError(f"unsupported database {dialect!r}; use PostgreSQL or SQLite")
    return parsed.set(drivername=f"{dialect}+{_ASYNC_DRIVERS[dialect]}")


def create_engine(url: str | URL, **kwargs: Any) -> AsyncEngine:
    """An async engine for the store; SQLite connections get foreign keys and WAL turned on."""
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
    finally:
        cursor.close()
