"""`newswire events`, `export`, `serve` and `migrate`: the store from the command line.

`migrate` runs every schema history of the database (the store's and the fetcher's).

They use the queries the API uses (newswire_store.filters.EventFilter), so the CLI and the API
always agree, and the one default database of newswire.cli.database.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newswire import render
from newswire.cli.console import EXIT_UNAVAILABLE, EXIT_USAGE, emit, err, fail, out
from newswire.cli.database import (
    StoreUnavailable,
    check_readable,
    check_sqlite_path,
    histories,
    resolve,
    targets,
)

if TYPE_CHECKING:
    from newswire_store.filters import EventFilter

app = typer.Typer()


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


class Order(StrEnum):
    occurred = "occurred"
    extracted = "extracted"


ExtractedSince = Annotated[
    str | None,
    typer.Option(
        help="Only events extracted at or after this ISO time (UTC without an offset), "
        "like GDELT's DATEADDED; see docs/api.md."
    ),
]
OrderOption = Annotated[
    Order,
    typer.Option(
        "--order", help="occurred: newest event first; extracted: oldest extraction first."
    ),
]


def readable_store(explicit: str | None) -> str:
    """The store's URL after checking it can be read; otherwise a one-line error, exit 3."""
    url = resolve(explicit)
    try:
        check_readable(url)
    except StoreUnavailable as exc:
        fail(exc, code=EXIT_UNAVAILABLE)
    return url


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
    extracted_since: str | None = None,
) -> EventFilter:
    """The store's filter from command-line strings; a bad value is a usage error."""
    from newswire_store.filters import BBox, EventFilter, QueryError

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
            extracted_since=datetime.fromisoformat(extracted_since) if extracted_since else None,
        )
    except (QueryError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from None


DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="NEWSWIRE_DATABASE_URL",
        help="Store URL (default: newswire.sqlite in the current directory).",
    ),
]


@app.command()
def events(
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of an actor or target.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    db_url: DatabaseUrl = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
    extracted_since: ExtractedSince = None,
    order: OrderOption = Order.occurred,
) -> None:
    """List stored events, newest first (or oldest extraction first)."""
    from newswire_store import EventStore

    flt = event_filter(
        event_type=event_type, country=country, since=since, extracted_since=extracted_since
    )
    url = readable_store(db_url)

    async def query() -> list[Any]:
        store = EventStore.from_url(url)
        try:
            page = await store.search_events(flt, limit=limit, order=order.value)
            return list(page.items)
        finally:
            await store.close()

    found = asyncio.run(query())
    if as_json:
        for ev in found:
            emit(ev.model_dump(mode="json"))
    else:
        out.print(render.events_table(found))


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
    extracted_since: ExtractedSince = None,
    order: OrderOption = Order.occurred,
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
        extracted_since=extracted_since,
    )
    url = readable_store(db_url)
    if output is None:
        asyncio.run(_export(url, flt, fmt, sys.stdout.write, order))
        sys.stdout.flush()
        return
    with output.open("w", encoding="utf-8", newline="") as fh:
        asyncio.run(_export(url, flt, fmt, fh.write, order))
    err.print(f"wrote {output}")


async def _export(
    url: str, flt: EventFilter, fmt: ExportFormat, write: object, order: Order = Order.occurred
) -> None:
    from newswire_store import EventStore
    from newswire_store.export import encode

    assert callable(write)
    store = EventStore.from_url(url)
    try:
        async for chunk in encode(store.stream_events(flt, order=order.value), fmt.value):
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
        db_url = resolve(None)  # like `events` and `export`
    settings = ApiSettings(database_url=db_url) if db_url else ApiSettings()
    if print_openapi:
        sys.stdout.write(json.dumps(create_api(settings).openapi(), indent=2) + "\n")
        return
    readable_store(settings.database_url)
    api = create_api(settings)
    uvicorn.run(
        api,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
        proxy_headers=True,
    )


@app.command()
def migrate(
    revision: Annotated[
        str,
        typer.Argument(help="'head' (every history), or a revision of one history."),
    ] = "head",
    db_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            help="One database for every history (default: each service's own, "
            "NEWSWIRE_STORE_DATABASE_URL / NEWSWIRE_FETCHER_DATABASE_URL, else "
            "NEWSWIRE_DATABASE_URL, else newswire.sqlite in the current directory).",
        ),
    ] = None,
) -> None:
    """Create or upgrade the store's and the fetcher's schemas; the deployments' migration job."""
    try:
        every = histories(db_url)
        chosen = targets(every, revision)
    except ValueError as exc:  # pydantic's ValidationError included: a bad NEWSWIRE_* value
        fail(exc, code=EXIT_USAGE)
    for history in every:
        try:
            check_sqlite_path(history.url)
            if history in chosen:
                line = asyncio.run(history.upgrade(revision))
            else:
                line = asyncio.run(history.describe())
        except Exception as exc:  # the driver's errors vary (OSError, asyncpg, sqlite3, alembic)
            fail(f"cannot migrate the {history.name}: {exc}", code=EXIT_UNAVAILABLE)
        err.print(line, highlight=False)
