"""`newswire run SERVICE` and `newswire schemas export`: the Kafka services and their contracts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from prometheus_client import CollectorRegistry
from pydantic import ValidationError

from newswire.cli.console import EXIT_UNAVAILABLE, EXIT_USAGE, err, fail
from newswire_runtime.settings import ServiceSettings

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
    """Run one service against Kafka (configured by NEWSWIRE_* environment variables).

    Logs go to stderr at LOG_LEVEL (text or JSON lines, LOG_FORMAT); metrics and health are
    served on HTTP_HOST:HTTP_PORT (/metrics, /healthz, /readyz). A service that cannot start
    (Kafka or the database unreachable, bad settings) says why in one line and exits 1.
    """
    from newswire_runtime.observability import configure_logging, new_registry, serve

    factories: dict[ServiceName, Callable[[CollectorRegistry], tuple[ServiceSettings, Any]]] = {
        ServiceName.fetcher: _fetcher_app,
        ServiceName.extractor: _extractor_app,
        ServiceName.store: _store_app,
    }
    try:
        registry = new_registry()
        settings, service_app = factories[service](registry)
        configure_logging(settings.log_level, settings.log_format)
        asyncio.run(
            serve(
                service_app,
                service=service.value,
                registry=registry,
                host=settings.http_host,
                port=settings.ops_port,
            )
        )
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:
        logging.getLogger("newswire").debug("start-up failed", exc_info=exc)
        code = EXIT_USAGE if isinstance(exc, ValidationError) else EXIT_UNAVAILABLE
        fail(f"newswire run {service.value}: {_reason(exc)}", code=code)


def _reason(exc: BaseException) -> str:
    """The most specific one-line cause of a failed start (the innermost cause's message)."""
    while exc.__cause__ is not None and str(exc.__cause__):
        exc = exc.__cause__
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"


# Imports stay inside the factories so `newswire run store` never loads spaCy or trafilatura.
def _fetcher_app(registry: CollectorRegistry) -> tuple[ServiceSettings, Any]:
    from newswire_fetcher.app import create_app
    from newswire_fetcher.settings import FetcherSettings

    settings = FetcherSettings()
    return settings, create_app(settings, registry=registry)


def _extractor_app(registry: CollectorRegistry) -> tuple[ServiceSettings, Any]:
    from newswire_extractor.app import create_app
    from newswire_extractor.settings import ExtractorSettings

    settings = ExtractorSettings()
    return settings, create_app(settings, registry=registry)


def _store_app(registry: CollectorRegistry) -> tuple[ServiceSettings, Any]:
    from newswire_store.app import create_app
    from newswire_store.settings import StoreSettings

    settings = StoreSettings()
    return settings, create_app(settings, registry=registry)


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
