"""Store step: each EventsExtractedV1 replaces its article's events in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError, OperationalError

from newswire_contracts import EventsExtractedV1
from newswire_contracts.topics import EVENTS_EXTRACTED
from newswire_runtime import Outgoing, Step, TransientError
from newswire_store.writes import EventStore


class StoreService:
    def __init__(self, store: EventStore, *, service: str) -> None:
        self.store = store
        self.service = service  # the settings' service_name: dead letters and metrics say it

    async def handle(self, msg: EventsExtractedV1) -> Sequence[Outgoing]:
        try:
            await self.store.save_extraction(msg)
        except (OperationalError, ConnectionError, TimeoutError) as exc:
            raise TransientError(f"database unavailable: {exc}") from exc
        except DBAPIError as exc:
            if exc.connection_invalidated:
                raise TransientError(f"database connection lost: {exc}") from exc
            raise
        return []

    def step(self) -> Step[EventsExtractedV1]:
        return Step(self.service, EVENTS_EXTRACTED, EventsExtractedV1, self.handle)
