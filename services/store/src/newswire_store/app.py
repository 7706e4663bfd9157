"""Store service factory: the bootstrap's parts served over Kafka, in batches per poll."""

from __future__ import annotations

from typing import Any

from faststream import FastStream
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from newswire_runtime import Step
from newswire_runtime.kafka import create_app as create_kafka_app
from newswire_store.batching import attach_batch
from newswire_store.bootstrap import build
from newswire_store.settings import StoreSettings


def create_app(
    settings: StoreSettings | None = None, *, registry: CollectorRegistry | None = None
) -> FastStream:
    """The store consumer: batches of events.extracted.v1 into the database."""
    settings = settings or StoreSettings()
    parts = build(settings)

    def subscribe(broker: KafkaBroker, step: Step[Any], _: object) -> None:
        attach_batch(broker, step, parts.store, settings)

    app, _ = create_kafka_app(settings, list(parts.steps), subscribe=subscribe, registry=registry)
    app.on_startup(parts.start)
    app.after_shutdown(parts.stop)
    return app
