"""`newswire export` and `newswire serve`: the store's export and read API from the command line.

Registered on the main app by one import at the end of newswire.cli. Both use the queries the
API uses (newswire_store.query.EventFilter), so the CLI and the API always agree.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newswire.cli import app
from newswire.console import err

if TYPE_CHECKING:
    from newswire_store.query import EventFilter

DEMO_DB = Path("newswire-demo.sqlite")


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


def database_url(explicit: str | None) -> str:
    """The URL given, or the demo's SQLite file."""
    from newswire.pipeline import sqlite_url

    return explicit or sqlite_url(DEMO_DB)


def event_filter(
    *,
    event_type: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place_country: str | None = None,
    bbox: str | None = None,
    text: str | None = None,
) -> EventFilter:
    """The store's filter from command-line strings; a bad value is a usage error."""
    from newswire_store.query import BBox, EventFilter, QueryError

    try:
        return EventFilter(
            event_type=event_type,
            country=country,
            actor=actor,
            since=date.fromisoformat(since) if since else None,
            until=date.fromisoformat(until) if until else None,
            place_country=place_country,
            bbox=BBox.parse(bbox) if bbox else None,
            text=text,
        )
    except (QueryError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from None


DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="NEWSWIRE_DATABASE_URL",
        help="Store URL (default: the demo's SQLite).",
    ),
]


@app.command("export")
def export_events(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv or jsonl.")] = ExportFormat.csv,
    output: Annotated[
        Path | None, typer.Option("-o", help="File to write (default stdout).")
    ] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of an actor or target.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor or target name, any case.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    place_country: Annotated[str | None, typer.Option(help="ISO alpha-3 of the place.")] = None,
    bbox: Annotated[str | None, typer.Option(help="west,south,east,north in degrees.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words in the evidence.")] = None,
    db_url: DatabaseUrl = None,
) -> None:
    """Stream every matching event as flat CSV or JSON Lines rows (columns in docs/api.md)."""
    flt = event_filter(
        event_type=event_type,
        country=country,
        actor=actor,
        since=since,
        until=until,
        place_country=place_country,
        bbox=bbox,
        text=text,
    )
    url = database_url(db_url)
    if output is None:
        asyncio.run(_export(url, flt, fmt, sys.stdout.write))
        sys.stdout.flush()
        return
    with output.open("w", encoding="utf-8", newline="") as fh:
        asyncio.run(_export(url, flt, fmt, fh.write))
    err.print(f"wrote {output}")


async def _export(url: str, flt: EventFilter, fmt: ExportFormat, write: object) -> None:
    from newswire_store import EventStore
    from newswire_store.export import encode

    assert callable(write)
    store = EventStore.from_url(url)
    try:
        async for chunk in encode(store.stream_events(flt), fmt.value):
            write(chunk)
    finally:
        await store.close()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface (default NEWSWIRE_API_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default NEWSWIRE_API_PORT).")] = None,
    print_openapi: Annotated[
        bool, typer.Option("--openapi", help="Print the OpenAPI document and exit.")
    ] = False,
    db_url: DatabaseUrl = None,
) -> None:
    """Serve the read API (configured by NEWSWIRE_API_* and NEWSWIRE_DATABASE_URL)."""
    import json
    import os

    import uvicorn

    from newswire_store.api import ApiSettings, create_api

    if db_url is None and "NEWSWIRE_API_DATABASE_URL" not in os.environ:
        db_url = database_url(None)  # like `events` and `export`: the demo's SQLite file
    settings = ApiSettings(database_url=db_url) if db_url else ApiSettings()
    api = create_api(settings)
    if print_openapi:
        sys.stdout.write(json.dumps(api.openapi(), indent=2) + "\n")
        return
    uvicorn.run(
        api,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
        proxy_headers=True,
    )


@app.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Upgrade the store's schema (NEWSWIRE_DATABASE_URL); the deployments' migration job."""
    from newswire_store import migrate as run_migrations
    from newswire_store.settings import StoreSettings

    asyncio.run(run_migrations(StoreSettings().database_url, revision))
    err.print(f"store schema at {revision}")
