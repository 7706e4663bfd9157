"""The source poller: due feeds, sitemaps and URLs become fetch requests for URLs not seen yet.

Runs as its own asyncio task inside the fetcher. Every replica runs one; the database decides
which replica polls a due source (a lease) and which replica publishes a new URL (a claim), so
R replicas poll each source once per interval and request each URL once between them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from newswire_contracts import FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED
from newswire_fetcher.dates import parse_page_date
from newswire_fetcher.errors import (
    FetchError,
    StateUnavailable,
    TransientFetchError,
)
from newswire_fetcher.feeds import FeedError, parse_feed
from newswire_fetcher.http import FEED_TYPES, SITEMAP_TYPES, FetchResult, Validators
from newswire_fetcher.polite import PoliteClient
from newswire_fetcher.sitemaps import Sitemap, SitemapEntry, SitemapError, parse_sitemap
from newswire_fetcher.sources import Source
from newswire_fetcher.state import FingerprintIndex, SeenUrls, SourceLease, SourceSchedule
from newswire_fetcher.urls import canonicalize
from newswire_runtime import Delivery, Outgoing, Producer, Publisher, RetryPolicy

log = logging.getLogger("newswire.fetcher.poller")

FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,"
    "text/xml;q=0.8"
)
SITEMAP_ACCEPT = "application/xml,text/xml;q=0.9,*/*;q=0.5"
MAX_CHILD_SITEMAPS = 50
LEASE = dt.timedelta(minutes=10)
SERVICE = "fetcher.poller"


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll of one source did."""

    source_id: str
    listed: int = 0
    requested: int = 0
    not_modified: bool = False
    error: str | None = None


class SourceFailure(Exception):
    """A poll that cannot succeed as things are (malformed feed, 404, refused)."""

    def __init__(self, message: str, *, sample: bytes = b"") -> None:
        super().__init__(message)
        self.sample = sample


class Poller:
    """Polls due sources and publishes ``FetchRequestedV1`` for the URLs nobody requested yet."""

    def __init__(
        self,
        sources: list[Source],
        polite: PoliteClient,
        publisher: Publisher,
        *,
        schedule: SourceSchedule,
        seen: SeenUrls,
        fingerprints: FingerprintIndex,
        prefix: str,
        jitter: float = 0.1,
        concurrency: int = 8,
        tick_s: float = 5.0,
        seen_retention: dt.timedelta = dt.timedelta(days=90),
        rng: random.Random | None = None,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        policy: RetryPolicy | None = None,
    ) -> None:
        self.sources = {s.source_id: s for s in sources}
        self.polite = polite
        self.schedule = schedule
        self.seen = seen
        # Only for the daily prune: URLs and fingerprints are forgotten after the same time.
        self.fingerprints = fingerprints
        # The runtime's producer: the same size limit, publish retries and dead letters as steps.
        self.producer = Producer(publisher, prefix=prefix, service=SERVICE, policy=policy)
        self.prefix = prefix
        self.jitter = jitter
        self.tick_s = tick_s
        self.seen_retention = seen_retention
        self._gate = asyncio.Semaphore(concurrency)
        self._rng = rng or random.Random()
        self._now = now

    async def start(self) -> None:
        """Register the sources; new ones are due at once, known ones keep their schedule."""
        await self.schedule.add_sources(self.sources, first_poll=self._now())

    async def run(self) -> None:
        """Poll forever (until cancelled); failures are logged, never fatal."""
        await self._retrying(self.start)
        last_prune = self._now()
        while True:
            try:
                await self.tick()
                if self._now() - last_prune > dt.timedelta(days=1):
                    await self.seen.prune(older_than=self.seen_retention)
                    await self.fingerprints.prune(older_than=self.seen_retention)
                    last_prune = self._now()
            except StateUnavailable as error:
                log.warning("poller: %s; trying again in %.0fs", error, self.tick_s)
            await asyncio.sleep(self.tick_s)

    async def _retrying(self, action: Callable[[], Awaitable[None]]) -> None:
        while True:
            try:
                await action()
                return
            except StateUnavailable as error:
                log.warning("poller: %s; trying again in %.0fs", error, self.tick_s)
                await asyncio.sleep(self.tick_s)

    async def tick(self) -> list[PollOutcome]:
        """Poll every source that is due and not leased by another replica."""
        leases = []
        for source in self.sources.values():
            lease = await self.schedule.lease(source.source_id, hold=LEASE, now=self._now())
            if lease is not None:
                leases.append((source, lease))
        return list(await asyncio.gather(*(self._guarded(s, lease) for s, lease in leases)))

    async def _guarded(self, source: Source, lease: SourceLease) -> PollOutcome:
        async with self._gate:
            validators: Validators | None = None
            retry_after: float | None = None
            try:
                outcome, validators = await self.poll(source, lease.validators)
            except TransientFetchError as error:
                log.warning("poll of %s failed, will retry: %s", source.source_id, error)
                outcome = PollOutcome(source.source_id, error=str(error))
                retry_after = error.retry_after
            except (SourceFailure, FetchError) as error:
                outcome = PollOutcome(source.source_id, error=str(error))
                await self._dead_letter(source, error)
            except StateUnavailable:
                raise
            except Exception as error:  # a bug must not stop the other sources being polled
                log.exception("poll of %s crashed", source.source_id)
                outcome = PollOutcome(source.source_id, error=f"unexpected error: {error!r}")
            await self.schedule.finish(
                source.source_id,
                validators=validators,
                next_poll_at=self._next_poll(source, retry_after),
            )
            log.info(
                "polled %s: %d listed, %d new%s",
                source.source_id,
                outcome.listed,
                outcome.requested,
                " (not modified)" if outcome.not_modified else "",
            )
            return outcome

    def _next_poll(self, source: Source, retry_after: float | None) -> dt.datetime:
        spread = self._rng.uniform(-self.jitter, self.jitter)
        seconds = source.interval_s * (1 + spread)
        if retry_after is not None:
            seconds = max(seconds, retry_after)
        return self._now() + dt.timedelta(seconds=seconds)

    async def poll(
        self, source: Source, validators: Validators
    ) -> tuple[PollOutcome, Validators | None]:
        """Poll one source now; returns what happened and the validators to keep."""
        if source.kind == "url":
            sent = await self._request(source, [source.url], gate=False)
            return PollOutcome(source.source_id, listed=1, requested=sent), None
        accept_types, accept = (
            (FEED_TYPES, FEED_ACCEPT) if source.kind == "feed" else (SITEMAP_TYPES, SITEMAP_ACCEPT)
        )
        result = await self.polite.get(
            source.url, accept_types=accept_types, accept=accept, validators=validators
        )
        if result.not_modified:
            kept = Validators(
                result.headers.get("etag") or validators.etag,
                result.headers.get("last-modified") or validators.last_modified,
            )
            return PollOutcome(source.source_id, not_modified=True), kept
        urls = (
            self._feed_urls(result)
            if source.kind == "feed"
            else await self._sitemap_urls(source, result)
        )
        urls = urls[: source.max_urls]
        sent = await self._request(source, urls, gate=True)
        return PollOutcome(source.source_id, listed=len(urls), requested=sent), result.validators

    def _feed_urls(self, result: FetchResult) -> list[str]:
        try:
            items = parse_feed(result.content, result.final_url)
        except FeedError as error:
            raise SourceFailure(str(error), sample=result.content) from error
        return [item.url for item in items]

    async def _sitemap_urls(self, source: Source, result: FetchResult) -> list[str]:
        sitemap = self._parse_sitemap(result)
        entries = list(sitemap.urls)
        for child in [c for c in sitemap.children if self._recent(source, c)][:MAX_CHILD_SITEMAPS]:
            try:
                child_result = await self.polite.get(
                    child.url, accept_types=SITEMAP_TYPES, accept=SITEMAP_ACCEPT
                )
                entries += self._parse_sitemap(child_result).urls
            except (FetchError, SourceFailure) as error:
                # One broken child must not hide the others.
                log.warning("child sitemap %s of %s: %s", child.url, source.source_id, error)
        return [e.url for e in entries if self._recent(source, e)]

    def _parse_sitemap(self, result: FetchResult) -> Sitemap:
        try:
            return parse_sitemap(
                result.content, result.final_url, max_bytes=self.polite.settings.max_bytes
            )
        except SitemapError as error:
            raise SourceFailure(str(error), sample=result.content) from error

    def _recent(self, source: Source, entry: SitemapEntry) -> bool:
        if source.max_age is None:
            return True
        declared = entry.published or entry.lastmod
        when = parse_page_date(declared, reference=self._now() + dt.timedelta(days=1))
        # An entry without a readable date is kept: better one fetch too many than a lost story.
        return when is None or when >= self._now() - source.max_age

    async def _request(self, source: Source, urls: list[str], *, gate: bool) -> int:
        canonical = []
        for url in urls:
            try:
                canonical.append(canonicalize(url))
            except ValueError:
                log.info("%s lists a URL that cannot be fetched: %r", source.source_id, url)
        canonical = list(dict.fromkeys(canonical))
        fresh = await self.seen.claim(canonical, source=source.source_id) if gate else canonical
        published: list[str] = []
        try:
            for url in fresh:
                request = FetchRequestedV1(url=url, source=source.source_id)
                await self.producer.send(Outgoing(FETCH_REQUESTED, url, request))
                published.append(url)
        except BaseException:
            if gate:
                # Unclaim what was not published, or nobody would ever request it.
                await self.seen.release(fresh[len(published) :])
            raise
        return len(published)

    async def _dead_letter(self, source: Source, error: Exception) -> None:
        # The whole feed or sitemap is the "original"; the producer cuts it to fit the limit.
        sample = error.sample if isinstance(error, SourceFailure) else b""
        log.error("source %s failed: %s", source.source_id, error)
        await self.producer.dead_letter(
            FETCH_REQUESTED,
            Delivery(topic=f"source:{source.kind}", value=sample, key=source.url.encode()),
            error_type=type(error).__name__,
            error=f"{source.source_id}: {error}",
        )
