"""`newswire events`, `newswire export` and `newswire serve --openapi` over a real SQLite store."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from newswire.cli import app
from newswire_store import EventStore, migrate
from newswire_store.api import ApiSettings, create_api
from newswire_store.export import COLUMNS
from tests.support.samples import (
    ACCUSATION,
    AGREEMENT,
    PLEDGE,
    RALLY,
    article,
    events_of,
    extraction,
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"

    async def seed() -> None:
        await migrate(url)
        sentences = [AGREEMENT, ACCUSATION, PLEDGE, RALLY]
        item = article("roundup", sentences)
        async with EventStore.from_url(url) as store:
            await store.save_extraction(extraction(item, events_of(item, sentences)))

    asyncio.run(seed())
    return url


async def _api_ids(url: str, **params: str) -> list[str]:
    async with EventStore.from_url(url) as store:
        transport = httpx.ASGITransport(app=create_api(ApiSettings(), store=store))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            body = (await client.get("/events", params=params)).json()
    return [item["event_id"] for item in body["items"]]


def test_events_and_export_list_what_the_api_lists(db: str) -> None:
    runner = CliRunner()
    listed = runner.invoke(
        app, ["events", "--json", "--country", "pol"], env={"NEWSWIRE_DATABASE_URL": db}
    )
    assert listed.exit_code == 0, listed.output
    listed_ids = [json.loads(line)["event_id"] for line in listed.stdout.splitlines()]

    exported = runner.invoke(app, ["export", "--database-url", db, "--country", "POL"])
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert tuple(rows[0]) == COLUMNS

    api_ids = asyncio.run(_api_ids(db, country="POL"))
    assert listed_ids == [r["event_id"] for r in rows] == api_ids
    assert len(api_ids) == 1


def test_export_jsonl_to_a_file_with_filters(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--database-url",
            db,
            "--format",
            "jsonl",
            "-o",
            str(out),
            "--since",
            "2025-02-24",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["event_type"] for line in lines] == ["AGREE", "ACCUSE"]


def test_bad_filters_are_usage_errors(db: str) -> None:
    result = CliRunner().invoke(app, ["export", "--database-url", db, "--bbox", "1,2"])
    assert result.exit_code == 2
    result = CliRunner().invoke(
        app, ["events", "--type", "PICNIC"], env={"NEWSWIRE_DATABASE_URL": db}
    )
    assert result.exit_code == 2


def test_serve_prints_the_openapi_document(db: str) -> None:
    result = CliRunner().invoke(app, ["serve", "--openapi"], env={"NEWSWIRE_DATABASE_URL": db})
    assert result.exit_code == 0, result.output
    spec = json.loads(result.stdout)
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats"} <= set(
        spec["paths"]
    )
    assert {"/export.csv", "/export.jsonl", "/healthz", "/readyz"} <= set(spec["paths"])


def test_events_table_shows_modality_flags(db: str) -> None:
    result = CliRunner().invoke(app, ["events", "--database-url", db])
    assert result.exit_code == 0, result.output
    [pledge] = [line for line in result.stdout.splitlines() if line.lstrip("│ ").startswith("AID")]
    assert "[future]" in pledge, "Rich must not read the flag as markup"
