"""The store's one bootstrap: the database and the storing step, as steps and hooks.

The Kafka app (which batches the step's records per poll) and the embedded pipeline both build
the store here, from the same settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newswire_runtime.parts import ServiceParts
from newswire_store.migrator import migrate
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings
from newswire_store.writes import EventStore


@dataclass(frozen=True)
class StoreParts(ServiceParts):
    """The store's parts, plus the repository the Kafka app's batch subscriber writes through."""

    store: EventStore = field(kw_only=True)


def build(settings: StoreSettings) -> StoreParts:
    """The store's parts; start-up migrates the schema when the settings say so."""
    store = EventStore.from_url(settings.database_url)

    async def prepare() -> None:
        if settings.auto_migrate:
            await migrate(settings.database_url)

    return StoreParts(
        steps=[StoreService(store, service=settings.service_name).step()],
        startup=[prepare],
        shutdown=[store.close],
        store=store,
    )
