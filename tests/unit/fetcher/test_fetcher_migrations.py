"""The fetcher's tables under Alembic (version table alembic_version_fetcher), on SQLite and
PostgreSQL: an empty database, one the fetcher filled before its migrations existed
(``create_all``), and one shared with the store's own history."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from newswire_fetcher.state import MIGRATIONS, FetcherDatabase, SeenUrls, SourceSchedule, url_key
from newswire_fetcher.state.tables import metadata
from newswire_runtime.sql import create_engine
from newswire_store import current_revision, head_revision, migrate

FETCHER_TABLES = {"fetcher_seen", "fetcher_source_state", "fetcher_fingerprint", "fetcher_sketch"}


def legacy_metadata() -> sa.MetaData:
    """The tables as the fetcher's ``create_all`` made them before it had migrations."""
    legacy = sa.MetaData()
    moment = sa.DateTime(timezone=True)
    ns = sa.String(100)
    sa.Table(
        "fetcher_seen",
        legacy,
        sa.Column("namespace", ns, primary_key=True),
        sa.Column("url_key", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("seen_at", moment, nullable=False, index=True),
    )
    sa.Table(
        "fetcher_source_state",
        legacy,
        sa.Column("namespace", ns, primary_key=True),
        sa.Column("source_id", sa.String(200), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("next_poll_at", moment, nullable=False),
        sa.Column("lease_until", moment),
    )
    sa.Table(
        "fetcher_fingerprint",
        legacy,
        sa.Column("namespace", ns, primary_key=True),
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("seen_at", moment, nullable=False, index=True),
        sa.Index("ix_fetcher_fingerprint_hash", "namespace", "content_hash"),
    )
    sa.Table(
        "fetcher_sketch",
        legacy,
        sa.Column("namespace", ns, primary_key=True),
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger, primary_key=True),
        sa.Index("ix_fetcher_sketch_value", "namespace", "value"),
    )
    return legacy


async def inspect_database(url: str) -> tuple[set[str], list[object]]:
    """The tables in the database, and how the fetcher's differ from its metadata."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda sync: set(sa.inspect(sync).get_table_names()))
            drift = await conn.run_sync(_fetcher_drift)
    finally:
        await engine.dispose()
    return tables, drift


def _fetcher_drift(connection: sa.Connection) -> list[object]:
    def fetchers(name: str | None, type_: str, _parents: object) -> bool:
        return type_ != "table" or name in metadata.tables

    opts = {"compare_type": True, "include_name": fetchers}
    context = MigrationContext.configure(connection, opts=opts)
    return list(compare_metadata(context, metadata))


async def test_an_empty_database_gets_the_tables_the_code_describes(database_url: str) -> None:
    assert await MIGRATIONS.current(database_url) is None
    database = FetcherDatabase.from_url(database_url)
    try:
        await database.migrate()
        await database.migrate()  # a restart changes nothing
    finally:
        await database.close()
    assert await MIGRATIONS.current(database_url) == MIGRATIONS.head() == "f0001"
    tables, drift = await inspect_database(database_url)
    assert tables == FETCHER_TABLES | {"alembic_version_fetcher"}
    assert drift == []


async def test_a_database_from_create_all_keeps_its_rows(database_url: str) -> None:
    url_seen = "https://news.example/2024/old-story"
    engine = create_engine(database_url)
    then = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)
    try:
        async with engine.begin() as conn:
            legacy = legacy_metadata()
            await conn.run_sync(legacy.create_all)
            await conn.execute(
                legacy.tables["fetcher_seen"].insert(),
                [{"namespace": "", "url_key": url_key(url_seen), "url": url_seen, "seen_at": then}],
            )
            await conn.execute(
                legacy.tables["fetcher_source_state"].insert(),
                [{"namespace": "", "source_id": "feed-1", "etag": '"v7"', "next_poll_at": then}],
            )
    finally:
        await engine.dispose()

    database = FetcherDatabase.from_url(database_url)
    try:
        await database.migrate()
        assert await MIGRATIONS.current(database_url) == MIGRATIONS.head()
        # Rows written before the migrations are the fetcher's memory still.
        assert await SeenUrls(database).claim([url_seen, url_seen + "-new"]) == [url_seen + "-new"]
        schedule = SourceSchedule(database)
        assert await schedule.next_poll_at("feed-1") == then
        lease = await schedule.lease("feed-1", hold=dt.timedelta(minutes=5), now=then)
        assert lease is not None and lease.validators.etag == '"v7"'
    finally:
        await database.close()
    tables, drift = await inspect_database(database_url)
    assert tables == FETCHER_TABLES | {"alembic_version_fetcher"}
    assert drift == []


async def test_the_fetcher_and_the_store_share_a_database_each_with_its_history(
    database_url: str,
) -> None:
    await migrate(database_url)  # the store's history
    database = FetcherDatabase.from_url(database_url)
    try:
        await database.migrate()
    finally:
        await database.close()
    assert await current_revision(database_url) == head_revision()
    assert await MIGRATIONS.current(database_url) == MIGRATIONS.head()

    await MIGRATIONS.downgrade(database_url, "base")
    tables, _ = await inspect_database(database_url)
    assert not tables & FETCHER_TABLES
    assert "articles" in tables and await current_revision(database_url) == head_revision()
