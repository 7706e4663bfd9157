"""Alembic histories run from code: no alembic.ini, async engines, one locked transaction.

Each service keeps its own history and version table (the store's ``alembic_version``, the
fetcher's ``alembic_version_fetcher``), so both can live in one database and migrate on their
own schedule; a history's comparisons see only the tables its metadata declares.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, MetaData, event, pool, text
from sqlalchemy.ext.asyncio import AsyncEngine, async_engine_from_config, create_async_engine

from newswire_runtime.sql.engine import (
    SQLITE_BUSY_TIMEOUT_MS,
    begin_immediate,
    manual_transactions,
    to_async_url,
)

# Any constant works; it only has to be the same in every process that may migrate at once.
# One key for every history: migrations of one database never run side by side.
_PG_MIGRATION_LOCK = 0x6E657773  # "news"

Action = Callable[[Config], None]
IncludeName = Callable[[str | None, str, Any], bool]


@dataclass(frozen=True)
class Migrations:
    """One Alembic history: its scripts, and the table that says how far a database has come."""

    directory: Path
    version_table: str = "alembic_version"

    def config(self) -> Config:
        """An Alembic config for this history (the env.py reads the version table from it)."""
        config = Config()
        # ConfigParser interpolates '%', which may appear in an install path.
        config.set_main_option("script_location", str(self.directory).replace("%", "%%"))
        config.attributes["version_table"] = self.version_table
        return config

    def head(self) -> str:
        """The newest revision the history ships."""
        head = ScriptDirectory.from_config(self.config()).get_current_head()
        if head is None:
            raise RuntimeError(f"no migrations found in {self.directory}")
        return head

    def owns(self, revision: str) -> bool:
        """Whether ``revision`` (an id, or an unambiguous start of one) is in this history."""
        try:
            return ScriptDirectory.from_config(self.config()).get_revision(revision) is not None
        except CommandError:
            return False

    async def upgrade(self, url: str, revision: str = "head") -> None:
        """Upgrade the database at ``url`` to ``revision``."""
        await self._run(url, lambda config: command.upgrade(config, revision))

    async def downgrade(self, url: str, revision: str) -> None:
        """Downgrade the database at ``url`` to ``revision`` ('base': no tables of this history)."""
        await self._run(url, lambda config: command.downgrade(config, revision))

    async def current(self, url: str) -> str | None:
        """The revision the database is at, or None before the history's first migration."""
        engine = create_async_engine(to_async_url(url), poolclass=pool.NullPool)
        opts = {"version_table": self.version_table}
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(
                    lambda sync: MigrationContext.configure(sync, opts=opts).get_current_revision()
                )
        finally:
            await engine.dispose()

    async def _run(self, url: str, action: Action) -> None:
        # A plain engine, not a service's: with SQLite foreign keys on, batch migrations that
        # recreate a parent table would cascade-delete its children.
        engine = _migration_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(self._run_on_connection, action)
        finally:
            await engine.dispose()

    def _run_on_connection(self, connection: Connection, action: Action) -> None:
        if connection.dialect.name == "postgresql":
            # Replicas starting together would otherwise race to create the same tables.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        config = self.config()
        config.attributes["connection"] = connection
        action(config)


def _migration_engine(url: str) -> AsyncEngine:
    engine = create_async_engine(to_async_url(url), poolclass=pool.NullPool)
    if engine.dialect.name == "sqlite":
        # The driver would run DDL outside any transaction; BEGIN IMMEDIATE makes a migration
        # one transaction holding the write lock, so processes starting together take turns
        # (the second finds the schema at head) and a failed migration leaves nothing behind.
        event.listen(engine.sync_engine, "connect", _sqlite_manual_transactions)
        event.listen(engine.sync_engine, "begin", begin_immediate)
    return engine


def _sqlite_manual_transactions(dbapi_connection: Any, record: Any) -> None:
    manual_transactions(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def run_env(metadata: MetaData, *, include_name: IncludeName | None = None) -> None:
    """The body of a history's ``env.py``: migrate the connection ``Migrations`` hands in.

    Comparisons (autogenerate) see only the tables ``metadata`` declares, so another service's
    tables in the same database are never taken for tables to drop.
    """
    from alembic import context

    config = context.config
    version_table = config.attributes.get("version_table", "alembic_version")

    def owned(name: str | None, type_: str, parents: Any) -> bool:
        if type_ == "table" and name not in metadata.tables:
            return False
        return include_name is None or include_name(name, type_, parents)

    def run_on(connection: Connection) -> None:
        # SQLite cannot ALTER most things in place; batch mode recreates the table instead.
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_name=owned,
            version_table=version_table,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run_on_engine() -> None:
        engine = async_engine_from_config(
            config.get_section(config.config_ini_section, {}),
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )
        try:
            async with engine.connect() as connection:
                await connection.run_sync(run_on)
        finally:
            await engine.dispose()

    if context.is_offline_mode():
        url = config.get_main_option("sqlalchemy.url")
        context.configure(
            url=url,
            target_metadata=metadata,
            literal_binds=True,
            render_as_batch=bool(url and url.startswith("sqlite")),
            version_table=version_table,
        )
        with context.begin_transaction():
            context.run_migrations()
    elif (shared := config.attributes.get("connection")) is not None:
        run_on(shared)
    else:
        asyncio.run(run_on_engine())
