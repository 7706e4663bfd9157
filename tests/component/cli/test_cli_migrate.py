"""`newswire migrate` runs every schema history a Newswire database holds (the store's and the
fetcher's), says where each stands, and fails in one line: on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import Result
from typer.testing import CliRunner

from newswire.cli import app
from newswire_fetcher.state import MIGRATIONS as FETCHER
from newswire_runtime.sql import create_engine
from newswire_store.migrator import MIGRATIONS as STORE


async def newswire(*args: str, env: dict[str, str] | None = None) -> Result:
    # The command runs its own event loop, so it runs in a thread beside the test's.
    return await asyncio.to_thread(CliRunner().invoke, app, list(args), env=env)


async def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: sa.inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_every_history_is_migrated_and_reported(database_url: str) -> None:
    expected = [
        f"store schema at {STORE.head()} (head)",
        f"fetcher schema at {FETCHER.head()} (head)",
    ]
    for _ in range(2):  # a second run finds both at head and changes nothing
        result = await newswire("migrate", "--database-url", database_url)
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines() == expected
        assert result.stdout == ""
    assert await STORE.current(database_url) == STORE.head()
    assert await FETCHER.current(database_url) == FETCHER.head()
    assert {"articles", "events", "fetcher_seen", "fetcher_fingerprint"} <= await tables(
        database_url
    )


async def test_a_revision_moves_only_the_history_that_has_it(database_url: str) -> None:
    result = await newswire("migrate", "0003", "--database-url", database_url)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"store schema at 0003 (head: {STORE.head()})",
        f"fetcher has no schema (head: {FETCHER.head()})",
    ]
    assert not any(name.startswith("fetcher_") for name in await tables(database_url))

    result = await newswire("migrate", FETCHER.head(), "--database-url", database_url)
    assert result.exit_code == 0, result.output
    assert await STORE.current(database_url) == "0003"
    assert await FETCHER.current(database_url) == FETCHER.head()


def test_an_unknown_revision_is_a_usage_error_that_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "newswire.sqlite"
    result = CliRunner().invoke(app, ["migrate", "zz", "--database-url", f"sqlite:///{path}"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line == (
        f"error: no history has revision 'zz' (heads: store {STORE.head()}, "
        f"fetcher {FETCHER.head()}); or give 'head'"
    )
    assert not path.exists()


def test_an_unusable_database_is_one_line_exit_3(tmp_path: Path) -> None:
    unusable = (
        f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.sqlite'}",
        f"sqlite:///{tmp_path}",
        "mysql://u@db/news",
        "not a url",
    )
    for url in unusable:
        result = CliRunner().invoke(app, ["migrate", "--database-url", url])
        assert result.exit_code == 3, result.output
        [line] = result.stderr.splitlines()
        assert line.startswith("error: cannot migrate the store: ")


def test_a_bad_setting_is_one_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["migrate"], env={"NEWSWIRE_FETCHER_MAX_BYTES": "many"})
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: 1 validation error for FetcherSettings max_bytes")
    assert list(tmp_path.iterdir()) == []


def test_each_history_goes_to_its_services_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # No URL anywhere: the embedded path's one database, newswire.sqlite here, holds both.
    assert CliRunner().invoke(app, ["migrate"]).exit_code == 0
    with sqlite3.connect(tmp_path / "newswire.sqlite") as conn:
        versions = {
            table: conn.execute(f"SELECT version_num FROM {table}").fetchone()[0]
            for table in ("alembic_version", "alembic_version_fetcher")
        }
    assert versions == {"alembic_version": STORE.head(), "alembic_version_fetcher": FETCHER.head()}

    # A service's own variable wins over the deployment-wide one, as when the service runs.
    store, fetcher = tmp_path / "store.sqlite", tmp_path / "fetcher.sqlite"
    env = {
        "NEWSWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite'}",
        "NEWSWIRE_STORE_DATABASE_URL": f"sqlite:///{store}",
        "NEWSWIRE_FETCHER_DATABASE_URL": f"sqlite:///{fetcher}",
    }
    assert CliRunner().invoke(app, ["migrate"], env=env).exit_code == 0
    assert not (tmp_path / "unused.sqlite").exists()
    for path, own, other in (
        (store, "alembic_version", "fetcher_seen"),
        (fetcher, "alembic_version_fetcher", "events"),
    ):
        with sqlite3.connect(path) as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert own in names and other not in names
