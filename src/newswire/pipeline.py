"""The embedded pipeline: the three services' bootstrap parts on the in-process bus.

`newswire fetch` and `newswire demo` run it: the same fetcher (address guard, politeness,
robots, dedup, seen-URL record), extractor and store as the Kafka deployment, built by each
service's bootstrap from the same settings, connected by LocalBus instead of Kafka.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from newswire_contracts import DeadLetterV1, EventsExtractedV1, FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED, INPUT_TOPICS, dlq, topic
from newswire_extractor import bootstrap as extractor_bootstrap
from newswire_extractor.settings import ExtractorSettings
from newswire_fetcher import bootstrap as fetcher_bootstrap
from newswire_fetcher.feeds import parse_feed
from newswire_fetcher.http import Validators
from newswire_fetcher.poller import PollOutcome
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.sources import Source
from newswire_runtime import Outgoing, Step
from newswire_runtime.delivery import RetryPolicy
from newswire_runtime.kafka import retry_policy
from newswire_runtime.local import LocalBus
from newswire_runtime.parts import ServiceParts
from newswire_store import bootstrap as store_bootstrap
from newswire_store.settings import StoreSettings


@dataclass
class RunReport:
    requested: int = 0
    stored: int = 0
    events: int = 0
    polled: list[PollOutcome] = field(default_factory=list)
    dead_letters: list[DeadLetterV1] = field(default_factory=list)


@dataclass(frozen=True)
class EmbeddedSettings:
    """Each service's settings; the fetcher's state and the store share one database."""

    fetcher: FetcherSettings
    extractor: ExtractorSettings
    store: StoreSettings

    @classmethod
    def from_env(cls, database_url: str, **fetcher: Any) -> EmbeddedSettings:
        """NEWSWIRE_* settings, with ``database_url`` for both the store and the fetcher's state
        and ``fetcher`` overriding the fetcher's (e.g. allow_hosts for a loopback site).

        Both services pick the async driver themselves, so 'sqlite:///x' works as given."""
        return cls(
            fetcher=FetcherSettings(database_url=database_url, **fetcher),
            extractor=ExtractorSettings(),
            store=StoreSettings(database_url=database_url, auto_migrate=True),
        )


async def read_feed(client: httpx.AsyncClient, feed_url: str) -> list[str]:
    response = await client.get(feed_url)
    response.raise_for_status()
    return [item.url for item in parse_feed(response.content, feed_url)]


async def run_embedded(
    urls: Sequence[str],
    settings: EmbeddedSettings,
    *,
    sources: Sequence[Source] = (),
    on_requested: Callable[[int], None] | None = None,
    on_stored: Callable[[EventsExtractedV1], None] | None = None,
    on_dead_letter: Callable[[DeadLetterV1], None] | None = None,
) -> RunReport:
    """Fetch ``urls`` and what ``sources`` list now, extract and store them, in this process."""
    report = RunReport()
    fetcher = fetcher_bootstrap.build(settings.fetcher)
    extractor = extractor_bootstrap.build(settings.extractor)
    store = store_bootstrap.build(settings.store)
    prefix = settings.fetcher.topic_prefix

    def dead(letter: DeadLetterV1) -> None:
        report.dead_letters.append(letter)
        if on_dead_letter is not None:
            on_dead_letter(letter)

    bus = _WatchedBus(prefix, retry_policy(settings.fetcher), dead)

    def counted(msg: EventsExtractedV1) -> None:
        report.stored += 1
        report.events += len(msg.events)
        if on_stored is not None:
            on_stored(msg)

    started: list[ServiceParts] = []
    try:
        for parts in (store, extractor, fetcher):
            await parts.start()
            started.append(parts)
        for parts in (fetcher, extractor):
            for step in parts.steps:
                bus.attach(step)
        for step in store.steps:
            bus.attach(_observed(step, counted))
        requests = topic(FETCH_REQUESTED, prefix)
        for url in urls:
            req = FetchRequestedV1(url=url, source="cli")
            await bus.send(Outgoing(FETCH_REQUESTED, url, req))
        if sources:
            poller = fetcher.poller(bus, list(sources))
            await poller.start()
            for source in sources:
                report.polled.append(await _poll_once(poller, source))
        report.requested = len(bus.published.get(requests, []))
        if on_requested is not None:
            on_requested(report.requested)
        await bus.run_until_idle()
    finally:
        for parts in reversed(started):
            await parts.stop()
    return report


async def _poll_once(poller: Any, source: Source) -> PollOutcome:
    """One poll of ``source`` now, whatever its schedule; a failure is its outcome's error."""
    from newswire_fetcher.errors import FetchError
    from newswire_fetcher.poller import SourceFailure

    try:
        outcome, _ = await poller.poll(source, Validators())
    except (FetchError, SourceFailure) as exc:
        return PollOutcome(source.source_id, error=str(exc))
    return outcome  # type: ignore[no-any-return]


def _observed(step: Step[Any], seen: Callable[[EventsExtractedV1], None]) -> Step[Any]:
    async def handle(msg: EventsExtractedV1) -> Sequence[Outgoing]:
        out = await step.handle(msg)
        seen(msg)
        return out

    return replace(step, handle=handle)


class _WatchedBus(LocalBus):
    """The in-process bus, reporting each dead letter as it is published."""

    def __init__(
        self, prefix: str, policy: RetryPolicy, seen: Callable[[DeadLetterV1], None]
    ) -> None:
        super().__init__(prefix=prefix, policy=policy)
        self._dead = {dlq(name, prefix) for name in INPUT_TOPICS}
        self._seen = seen

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        await super().publish(topic, key, value)
        if topic in self._dead:
            self._seen(DeadLetterV1.model_validate_json(value))
