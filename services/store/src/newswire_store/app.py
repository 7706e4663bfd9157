"""Store service factory: the only place that wires the database and the broker."""

from __future__ import annotations

from typing import Any

from faststream import FastStream
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from newswire_runtime import Step
from newswire_runtime.kafka import create_app as create_kafka_app
from newswire_store.batching import attach_batch
from newswire_store.migrator import migrate
from newswire_store.repository import EventStore
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings


def create_app(
    settings: StoreSettings | None = None, *, registry: CollectorRegistry | None = None
) -> FastStream:
    """The store consumer: batches of events.extracted.v1 into the database."""
    settings = settings or StoreSettings()
    store = EventStore.from_url(settings.database_url)

    def subscribe(broker: KafkaBroker, step: Step[Any], _: object) -> None:
        attach_batch(broker, step, store, settings)

    app, _ = create_kafka_app(
        settings, [StoreService(store).step()], subscribe=subscribe, registry=registry
    )

    @app.on_startup
    async def _migrate() -> None:
        if settings.auto_migrate:
            await migrate(settings.database_url)

    app.after_shutdown(store.close)
    return app
