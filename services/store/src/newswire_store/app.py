"""Store service factory: the bootstrap's parts served over Kafka, in batches per poll."""

from __future__ import annotations

import logging

from faststream import FastStream

from newswire_runtime.kafka import create_broker, ensure_topics, service_topics
from newswire_store.batching import attach_batch
from newswire_store.bootstrap import build
from newswire_store.settings import StoreSettings

log = logging.getLogger("newswire.store")


def create_app(settings: StoreSettings | None = None) -> FastStream:
    """The store consumer: batches of events.extracted.v1 into the database."""
    settings = settings or StoreSettings()
    parts = build(settings)
    broker = create_broker(settings)
    [step] = parts.steps
    attach_batch(broker, step, parts.store, settings)
    app = FastStream(broker, logger=logging.getLogger("newswire.store"))
    topics = service_topics([step], settings.topic_prefix, parts.outputs)

    @app.on_startup
    async def _prepare() -> None:
        await parts.start()
        created = await ensure_topics(settings.kafka_bootstrap, topics)
        if created:
            log.info("created topics: %s", ", ".join(created))

    app.after_shutdown(parts.stop)
    return app
