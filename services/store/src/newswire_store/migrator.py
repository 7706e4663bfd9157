"""The store's Alembic history (version table ``alembic_version``), run from code."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

from newswire_runtime.sql import Migrations

MIGRATIONS = Migrations(Path(__file__).parent / "migrations", version_table="alembic_version")


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside this package."""
    return MIGRATIONS.config()


def head_revision() -> str:
    """The newest revision the package ships."""
    return MIGRATIONS.head()


async def migrate(url: str, revision: str = "head") -> None:
    """Upgrade the database at ``url`` to ``revision``."""
    await MIGRATIONS.upgrade(url, revision)


async def downgrade(url: str, revision: str) -> None:
    """Downgrade the database at ``url`` to ``revision`` ('base' removes every store table)."""
    await MIGRATIONS.downgrade(url, revision)


async def current_revision(url: str) -> str | None:
    """The revision the database is at, or None before the first migration."""
    return await MIGRATIONS.current(url)
