"""Store service factory: the only place that wires the database and the broker."""

from __future__ import annotations

from faststream import FastStream

from newswire_runtime.kafka import create_app as create_kafka_app
from newswire_store.migrator import migrate
from newswire_store.repository import EventStore
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings


def create_app(settings: StoreSettings | None = None) -> FastStream:
    settings = settings or StoreSettings()
    store = EventStore.from_url(settings.database_url)
    app, _ = create_kafka_app(settings, [StoreService(store).step()])

    @app.on_startup
    async def _migrate() -> None:
        if settings.auto_migrate:
            await migrate(settings.database_url)

    app.after_shutdown(store.close)
    return app
