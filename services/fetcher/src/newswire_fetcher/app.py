"""Fetcher service factory: the only place that wires the HTTP client, database and broker."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

from faststream import FastStream
from prometheus_client import CollectorRegistry

from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.poller import Poller
from newswire_fetcher.service import FetcherService
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.sources import load_sources
from newswire_fetcher.state import FetcherState
from newswire_runtime.kafka import BrokerPublisher, retry_policy
from newswire_runtime.kafka import create_app as create_kafka_app

log = logging.getLogger("newswire.fetcher")


def create_app(
    settings: FetcherSettings | None = None, *, registry: CollectorRegistry | None = None
) -> FastStream:
    """The fetcher: consumes fetch.requested.v1 and, with a sources file, polls those sources.

    A bad sources file fails here, at start-up, rather than in a background task.
    """
    settings = settings or FetcherSettings()
    sources = load_sources(settings.sources_file) if settings.sources_file else []
    client = create_client(settings)
    polite = PoliteClient(client, settings)
    state = FetcherState.from_url(settings.database_url, namespace=settings.topic_prefix)
    service = FetcherService(settings, client, polite=polite, fingerprints=state, seen=state)
    app, broker = create_kafka_app(settings, [service.step()], registry=registry)
    tasks: list[asyncio.Task[None]] = []

    @app.on_startup
    async def _tables() -> None:
        await state.create_tables()

    @app.after_startup
    async def _start_poller() -> None:
        if not sources:
            return
        # The runtime's start-up hook has created the input topic and its DLQ by now.
        poller = Poller(
            sources,
            polite,
            state,
            BrokerPublisher(broker),
            prefix=settings.topic_prefix,
            jitter=settings.poll_jitter,
            seen_retention=dt.timedelta(days=settings.seen_retention_days),
            policy=retry_policy(settings),
        )
        tasks.append(asyncio.create_task(poller.run(), name="fetcher-poller"))
        log.info("polling %d source(s) from %s", len(sources), settings.sources_file)

    @app.on_shutdown
    async def _stop_poller() -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    @app.after_shutdown
    async def _close() -> None:
        await client.aclose()
        await state.close()

    return app
