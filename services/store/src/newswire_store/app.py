"""Store service factory: the only place that wires the database and the broker."""

from __future__ import annotations

import logging

from faststream import FastStream

from newswire_runtime.kafka import create_broker, ensure_topics, service_topics
from newswire_store.batching import attach_batch
from newswire_store.migrator import migrate
from newswire_store.repository import EventStore
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings

log = logging.getLogger("newswire.store")


def create_app(settings: StoreSettings | None = None) -> FastStream:
    """The store consumer: batches of events.extracted.v1 into the database."""
    settings = settings or StoreSettings()
    store = EventStore.from_url(settings.database_url)
    broker = create_broker(settings)
    step = StoreService(store).step()
    attach_batch(broker, step, store, settings)
    app = FastStream(broker, logger=logging.getLogger("newswire.store"))
    topics = service_topics([step], settings.topic_prefix, [])

    @app.on_startup
    async def _prepare() -> None:
        if settings.auto_migrate:
            await migrate(settings.database_url)
        created = await ensure_topics(settings.kafka_bootstrap, topics)
        if created:
            log.info("created topics: %s", ", ".join(created))

    app.after_shutdown(store.close)
    return app
