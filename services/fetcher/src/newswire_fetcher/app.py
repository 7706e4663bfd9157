"""Fetcher service factory: the bootstrap's parts served over Kafka, with the sources poller."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from faststream import FastStream
from prometheus_client import CollectorRegistry

from newswire_fetcher.bootstrap import build
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime.kafka import BrokerPublisher
from newswire_runtime.kafka import create_app as create_kafka_app

log = logging.getLogger("newswire.fetcher")


def create_app(
    settings: FetcherSettings | None = None, *, registry: CollectorRegistry | None = None
) -> FastStream:
    """The fetcher: consumes fetch.requested.v1 and, with a sources file, polls those sources.

    A bad sources file fails here, at start-up, rather than in a background task.
    """
    settings = settings or FetcherSettings()
    parts = build(settings)
    app, broker = create_kafka_app(settings, list(parts.steps), registry=registry)
    tasks: list[asyncio.Task[None]] = []
    app.on_startup(parts.start)

    @app.after_startup
    async def _start_poller() -> None:
        if not parts.sources:
            return
        # The runtime's start-up hook has created the input topic and its DLQ by now.
        poller = parts.poller(BrokerPublisher(broker))
        tasks.append(asyncio.create_task(poller.run(), name="fetcher-poller"))
        log.info("polling %d source(s) from %s", len(parts.sources), settings.sources_file)

    @app.on_shutdown
    async def _stop_poller() -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app.after_shutdown(parts.stop)
    return app
