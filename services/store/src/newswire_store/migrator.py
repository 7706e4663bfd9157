"""Runs the store's Alembic migrations from code: no alembic.ini, async engines, one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from newswire_store.engine import to_async_url

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any constant works; it only has to be the same in every replica that may migrate at once.
_PG_MIGRATION_LOCK = 0x6E657773  # "news"

Action = Callable[[Config], None]


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside this package."""
    config = Config()
    # ConfigParser interpolates '%', which may appear in an install path.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision the package ships."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


async def migrate(url: str, revision: str = "head") -> None:
    """Upgrade the database at ``url`` to ``revision``."""
    await _run(url, lambda config: command.upgrade(config, revision))


async def downgrade(url: str, revision: str) -> None:
    """Downgrade the database at ``url`` to ``revision`` ('base' removes every table)."""
    await _run(url, lambda config: command.downgrade(config, revision))


async def current_revision(url: str) -> str | None:
    """The revision the database is at, or None before the first migration."""
    engine = create_async_engine(to_async_url(url), poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
    finally:
        await engine.dispose()


async def _run(url: str, action: Action) -> None:
    # A plain engine, not the store's: with SQLite foreign keys on, batch migrations that
    # recreate a parent table would cascade-delete its children.
    engine = create_async_engine(to_async_url(url), poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_run_on_connection, action)
    finally:
        await engine.dispose()


def _run_on_connection(connection: Connection, action: Action) -> None:
    if connection.dialect.name == "postgresql":
        # Replicas starting together would otherwise race to create the same tables.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    config = alembic_config()
    config.attributes["connection"] = connection
    action(config)
