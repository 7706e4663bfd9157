"""`newswire events` and `export` pull incrementally: --extracted-since and --order extracted."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswire.cli import app
from newswire_store import EventStore, migrate
from tests.support.samples import ACCUSATION, AGREEMENT, PLEDGE, article, events_of, extraction

START = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


async def _fill(url: str) -> list[list[str]]:
    await migrate(url)
    batches = []
    async with EventStore.from_url(url) as store:
        for hours, slug, sentences in ((0, "a", [AGREEMENT]), (1, "b", [ACCUSATION, PLEDGE])):
            item = article(slug, sentences)
            message = extraction(item, events_of(item, sentences)).model_copy(
                update={"extracted_at": START + dt.timedelta(hours=hours)}
            )
            await store.save_extraction(message)
            batches.append(sorted(e.event_id for e in message.events))
    return batches


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, list[list[str]]]:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    return url, asyncio.run(_fill(url))


def test_events_lists_later_extractions_in_extraction_order(
    store: tuple[str, list[list[str]]],
) -> None:
    url, (first, second) = store
    args = ["events", "--json", "--database-url", url, "--order", "extracted"]
    every = CliRunner().invoke(app, args)
    assert every.exit_code == 0, every.output
    assert [json.loads(line)["event_id"] for line in every.stdout.splitlines()] == first + second
    later = CliRunner().invoke(app, [*args, "--extracted-since", "2025-06-01T12:30:00Z"])
    assert [json.loads(line)["event_id"] for line in later.stdout.splitlines()] == second


def test_export_pulls_since_a_time_without_offset_as_utc(
    store: tuple[str, list[list[str]]],
) -> None:
    url, (_first, second) = store
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--format",
            "jsonl",
            "--database-url",
            url,
            "--extracted-since",
            "2025-06-01T13:00:00",
            "--order",
            "extracted",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event_id"] for line in result.stdout.splitlines()] == second


def test_a_bad_extracted_since_is_a_usage_error(store: tuple[str, list[list[str]]]) -> None:
    url, _ = store
    result = CliRunner().invoke(
        app, ["events", "--database-url", url, "--extracted-since", "after lunch"]
    )
    assert result.exit_code == 2
    assert "after lunch" in result.stderr
