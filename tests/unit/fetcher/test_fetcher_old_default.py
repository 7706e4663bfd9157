"""A fetcher started on the default database beside the old default's file
(``newswire-fetcher.sqlite``, before November 2026) says, in one warning line, how to keep it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newswire_fetcher import bootstrap
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.state import FetcherDatabase, SeenUrls
from newswire_runtime.sql import DEFAULT_DATABASE_URL

URL = "https://news.example/2026/11/story.html"
ADVICE = "NEWSWIRE_FETCHER_DATABASE_URL=sqlite:///newswire-fetcher.sqlite"


async def start_and_stop(settings: FetcherSettings) -> None:
    parts = bootstrap.build(settings)
    try:
        await parts.start()
    finally:
        await parts.stop()


async def fill_old_file(directory: Path) -> None:
    """The old default file as such a fetcher left it: migrated, one URL seen."""
    database = FetcherDatabase.from_url(
        f"sqlite:///{directory / 'newswire-fetcher.sqlite'}",
        namespace=FetcherSettings().topic_prefix,
    )
    try:
        await database.migrate()
        assert await SeenUrls(database).claim([URL]) == [URL]
    finally:
        await database.close()


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


async def test_the_old_file_is_named_with_the_setting_that_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.chdir(tmp_path)
    await fill_old_file(tmp_path)
    with caplog.at_level(logging.WARNING, logger="newswire.fetcher"):
        await start_and_stop(FetcherSettings())  # the default database: newswire.sqlite here
    [line] = warnings_of(caplog)
    assert "\n" not in line
    assert line.startswith(f"{tmp_path / 'newswire-fetcher.sqlite'} holds the seen URLs")
    assert "starts with an empty seen-URL record" in line and line.endswith(ADVICE)
    assert (tmp_path / "newswire.sqlite").is_file()

    # Following the advice: no warning, and the old record is the fetcher's again.
    monkeypatch.setenv("NEWSWIRE_FETCHER_DATABASE_URL", ADVICE.split("=", 1)[1])
    caplog.clear()
    settings = FetcherSettings()
    with caplog.at_level(logging.WARNING, logger="newswire.fetcher"):
        parts = bootstrap.build(settings)
        try:
            await parts.start()
            assert await parts.seen.is_seen(URL)
        finally:
            await parts.stop()
    assert warnings_of(caplog) == []


@pytest.mark.parametrize(
    "case", ["no old file", "URL given", "embedded pipeline", "deployment-wide URL"]
)
async def test_no_warning_unless_the_default_was_left_beside_the_old_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    case: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if case != "no old file":
        await fill_old_file(tmp_path)
    chosen = f"sqlite:///{tmp_path / 'chosen.sqlite'}"
    if case == "URL given":  # the operator chose where the state lives
        settings = FetcherSettings(database_url=chosen)
    elif case == "embedded pipeline":  # `newswire fetch` gives the store's URL, as it always did
        settings = FetcherSettings(database_url=DEFAULT_DATABASE_URL)
    elif case == "deployment-wide URL":  # the old fetcher used it too
        monkeypatch.setenv("NEWSWIRE_DATABASE_URL", chosen)
        settings = FetcherSettings()
    else:
        settings = FetcherSettings()
    with caplog.at_level(logging.WARNING, logger="newswire.fetcher"):
        await start_and_stop(settings)
    assert warnings_of(caplog) == []
