"""The SQL layer the fetcher and the store share: URLs as operators write them, SQLite's
settings, aware UTC datetimes and insert-or-ignore, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from newswire_fetcher.state import FetcherDatabase
from newswire_runtime.sql import (
    DEFAULT_DATABASE_URL,
    SQLITE_BUSY_TIMEOUT_MS,
    UTCDateTime,
    create_engine,
    insert_ignoring,
    sqlite_url,
    to_async_url,
    upsert,
)
from newswire_store import EventStore

moments = sa.Table(
    "moments",
    sa.MetaData(),
    sa.Column("key", sa.String(10), primary_key=True),
    sa.Column("at", UTCDateTime, nullable=False),
)


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("sqlite:///x.sqlite", "sqlite+aiosqlite"),
        ("sqlite+aiosqlite:///x.sqlite", "sqlite+aiosqlite"),
        ("postgresql://u:p@db:5432/news", "postgresql+asyncpg"),
        ("postgresql+psycopg2://u:p@db/news", "postgresql+asyncpg"),
    ],
)
def test_urls_get_the_async_driver(given: str, driver: str) -> None:
    assert to_async_url(given).drivername == driver


def test_an_unsupported_database_is_one_clear_error() -> None:
    with pytest.raises(ValueError, match="unsupported database 'mysql'"):
        to_async_url("mysql://u@db/news")
    with pytest.raises(ValueError, match="unsupported database 'oracle'"):
        upsert("oracle", moments)


async def test_fetcher_and_store_accept_the_same_plain_url(tmp_path: Path) -> None:
    # FetcherState.from_url("sqlite:///x") used to raise while EventStore.from_url accepted it.
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    database, store = FetcherDatabase.from_url(url), EventStore.from_url(url)
    try:
        assert database.engine.url.drivername == store.engine.url.drivername == "sqlite+aiosqlite"
        assert database.engine.url.database == store.engine.url.database
    finally:
        await database.close()
        await store.close()


def test_the_embedded_default_is_one_file_for_both_services() -> None:
    from newswire_fetcher.settings import FetcherSettings
    from newswire_store.settings import StoreSettings

    assert DEFAULT_DATABASE_URL == "sqlite+aiosqlite:///newswire.sqlite"
    # The root conftest removed the operator's NEWSWIRE_DATABASE_URL, so these are the defaults.
    assert FetcherSettings().database_url == StoreSettings().database_url == DEFAULT_DATABASE_URL


def test_a_sqlite_file_url_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = sqlite_url(Path("runs") / "demo.sqlite")
    assert url == f"sqlite+aiosqlite:///{tmp_path.resolve() / 'runs' / 'demo.sqlite'}"
    assert to_async_url(url).database == str(tmp_path.resolve() / "runs" / "demo.sqlite")


async def test_sqlite_connections_get_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'pragmas.sqlite'}")
    try:
        async with engine.connect() as conn:
            pragmas = {
                name: (await conn.exec_driver_sql(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            }
    finally:
        await engine.dispose()
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
        "synchronous": 1,  # NORMAL
    }


async def test_datetimes_are_stored_in_utc_and_read_back_aware(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'moments.sqlite'}")
    moscow = dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    try:
        async with engine.begin() as conn:
            await conn.run_sync(moments.metadata.create_all)
            await conn.execute(moments.insert(), [{"key": "a", "at": moscow}])
            # A comparison binds through the same type: the instant, not the wall clock.
            later = sa.select(moments.c.key).where(
                moments.c.at > dt.datetime(2025, 6, 2, 20, 0, tzinfo=dt.UTC)
            )
            assert (await conn.execute(later)).scalars().all() == ["a"]
            stored = (await conn.execute(sa.select(moments.c.at))).scalar_one()
            with pytest.raises(sa.exc.StatementError, match="naive datetimes are ambiguous"):
                await conn.execute(moments.insert(), [{"key": "b", "at": dt.datetime(2025, 1, 1)}])
    finally:
        await engine.dispose()
    assert stored == moscow and stored.tzinfo == dt.UTC


async def test_insert_ignoring_keeps_the_first_row(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'ignore.sqlite'}")
    first = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(moments.metadata.create_all)
            statement = insert_ignoring(engine.dialect.name, moments, ["key"])
            await conn.execute(statement, [{"key": "a", "at": first}])
            again = await conn.execute(
                statement, [{"key": "a", "at": first + dt.timedelta(days=1)}]
            )
            assert again.rowcount == 0
            assert (await conn.execute(sa.select(moments.c.at))).scalars().all() == [first]
    finally:
        await engine.dispose()
