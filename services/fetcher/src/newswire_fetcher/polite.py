"""The polite client: every request checked against robots.txt, throttled per host, guarded."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httpx

from newswire_fetcher.errors import TransientFetchError
from newswire_fetcher.http import ACCEPT, HTML_TYPES, FetchResult, HopGuard, Validators, fetch
from newswire_fetcher.netguard import AddressPolicy, GuardedTransport
from newswire_fetcher.robots import ROBOTS_MAX_BYTES, RobotsCache
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.throttle import HostThrottle


def create_client(settings: FetcherSettings) -> httpx.AsyncClient:
    """An httpx client that only connects to public addresses (plus ``allow_hosts``)."""
    timeout = httpx.Timeout(
        connect=settings.connect_timeout_s,
        read=settings.read_timeout_s,
        write=settings.read_timeout_s,
        pool=settings.connect_timeout_s,
    )
    # Redirects are followed by fetch() itself so every hop is checked.
    return httpx.AsyncClient(
        transport=GuardedTransport(AddressPolicy.from_allow_list(settings.allow_hosts)),
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
        trust_env=False,
    )


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or url).lower()


class PoliteClient:
    """GETs that honour robots.txt, per-host limits and Retry-After, with the size caps."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: FetcherSettings,
        *,
        throttle: HostThrottle | None = None,
        robots: RobotsCache | None = None,
    ) -> None:
        self.client = client
        self.settings = settings
        self.throttle = throttle or HostThrottle(
            concurrency=settings.host_concurrency,
            min_delay_s=settings.min_host_delay_s,
            max_wait_s=settings.max_host_wait_s,
        )
        self.robots = robots or RobotsCache(
            self._robots_txt,
            user_agent=settings.user_agent,
            ttl_s=settings.robots_ttl_s,
            max_crawl_delay_s=settings.max_crawl_delay_s,
        )

    async def get(
        self,
        url: str,
        *,
        accept_types: frozenset[str] | None = HTML_TYPES,
        accept: str = ACCEPT,
        validators: Validators | None = None,
    ) -> FetchResult:
        """Download ``url`` politely; raises the fetch errors of :func:`fetch`."""
        return await self._fetch(
            url, accept_types, accept, validators, self.settings.max_bytes, self._hop
        )

    @contextlib.asynccontextmanager
    async def _hop(self, url: str) -> AsyncIterator[None]:
        crawl_delay = await self.robots.check(url)
        async with self.throttle.slot(host_of(url), delay_s=crawl_delay):
            yield

    @contextlib.asynccontextmanager
    async def _robots_hop(self, url: str) -> AsyncIterator[None]:
        async with self.throttle.slot(host_of(url)):
            yield

    async def _robots_txt(self, url: str) -> bytes:
        result = await self._fetch(
            url, None, "text/plain,*/*;q=0.5", None, ROBOTS_MAX_BYTES, self._robots_hop
        )
        return result.content

    async def _fetch(
        self,
        url: str,
        accept_types: frozenset[str] | None,
        accept: str,
        validators: Validators | None,
        max_bytes: int,
        hop: HopGuard,
    ) -> FetchResult:
        try:
            return await fetch(
                self.client,
                url,
                max_bytes=max_bytes,
                user_agent=self.settings.user_agent,
                max_redirects=self.settings.max_redirects,
                deadline=self.settings.deadline_s,
                accept_types=accept_types,
                accept=accept,
                validators=validators,
                hop_guard=hop,
            )
        except TransientFetchError as error:
            if error.retry_after is not None and error.status_code is not None:
                # The host said when to come back: nothing of ours goes there before that.
                self.throttle.defer(host_of(error.url), error.retry_after)
            raise
