"""Extractor service factory: the bootstrap's parts served over Kafka."""

from __future__ import annotations

from faststream import FastStream
from prometheus_client import CollectorRegistry

from newswire_extractor.bootstrap import build, build_service
from newswire_extractor.settings import ExtractorSettings
from newswire_runtime.kafka import create_app as create_kafka_app

create_service = build_service  # the name earlier code and tests import


def create_app(
    settings: ExtractorSettings | None = None, *, registry: CollectorRegistry | None = None
) -> FastStream:
    settings = settings or ExtractorSettings()
    parts = build(settings)
    app, _ = create_kafka_app(settings, list(parts.steps), registry=registry)
    app.on_startup(parts.start)
    app.after_shutdown(parts.stop)
    return app
