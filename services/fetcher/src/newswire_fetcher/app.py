"""Fetcher service factory: the only place that wires the HTTP client and the broker."""

from __future__ import annotations

from faststream import FastStream

from newswire_contracts.topics import ARTICLES_FETCHED
from newswire_fetcher.service import FetcherService, create_client
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime.kafka import create_app as create_kafka_app


def create_app(settings: FetcherSettings | None = None) -> FastStream:
    settings = settings or FetcherSettings()
    client = create_client(settings)
    service = FetcherService(settings, client)
    app, _ = create_kafka_app(settings, [service.step()], outputs=[ARTICLES_FETCHED])
    app.after_shutdown(client.aclose)
    return app
