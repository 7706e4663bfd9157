"""`newswire run SERVICE` and `newswire schemas export`: the Kafka services and their contracts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from faststream import FastStream

from newswire.cli.console import err

app = typer.Typer()
schemas_app = typer.Typer(no_args_is_help=True, help="Message schemas for consumers.")
app.add_typer(schemas_app, name="schemas")


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
