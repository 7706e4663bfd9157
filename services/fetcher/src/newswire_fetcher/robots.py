"""robots.txt: fetched once per origin, cached, and asked before every request we send there.

Follows RFC 9309: a 4xx robots.txt means no restrictions; a 5xx or an unreachable server means
"assume everything is disallowed for now", which we report as a transient failure so the page
is retried later instead of being fetched against the site's (unknown) wishes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from newswire_fetcher.errors import PermanentFetchError, RobotsDisallowed, TransientFetchError

log = logging.getLogger("newswire.fetcher.robots")

# RFC 9309 asks crawlers to parse at least 500 KiB.
ROBOTS_MAX_BYTES = 512 * 1024
UNREACHABLE_TTL_S = 60.0
MAX_ORIGINS = 10_000

FetchText = Callable[[str], Awaitable[bytes]]


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL: the scope one robots.txt governs."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower().rsplit('@', 1)[-1]}"


def agent_token(user_agent: str) -> str:
    """The token robots.txt groups are matched against: "NewswireBot/0.1 (…)" → "NewswireBot"."""
    token = user_agent.strip().split("/", 1)[0].split(" ", 1)[0]
    return token or user_agent


@dataclass(frozen=True, slots=True)
class _Entry:
    rules: Protego | None  # None: the server was unreachable, everything disallowed for now
    expires: float


class RobotsCache:
    """Answers "may we fetch this URL, and how slowly?" from each origin's cached robots.txt."""

    def __init__(
        self,
        fetch_text: FetchText,
        *,
        user_agent: str,
        ttl_s: float = 24 * 3600.0,
        max_crawl_delay_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch_text = fetch_text
        self.token = agent_token(user_agent)
        self.ttl_s = ttl_s
        self.max_crawl_delay_s = max_crawl_delay_s
        self._clock = clock
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, url: str) -> float | None:
        """The origin's Crawl-delay (capped) if ``url`` may be fetched; raises otherwise.

        Raises RobotsDisallowed (permanent) or TransientFetchError (robots.txt unreachable).
        """
        origin = origin_of(url)
        entry = await self._entry(origin)
        if entry.rules is None:
            raise TransientFetchError(
                f"robots.txt of {origin} is unreachable; not fetching until it answers",
                url=url,
                retry_after=max(0.0, entry.expires - self._clock()),
            )
        if not entry.rules.can_fetch(url, self.token):
            raise RobotsDisallowed(f"robots.txt of {origin} disallows {url}", url=url)
        delay = entry.rules.crawl_delay(self.token)
        return None if delay is None else min(float(delay), self.max_crawl_delay_s)

    async def _entry(self, origin: str) -> _Entry:
        entry = self._fresh(origin)
        if entry is not None:
            return entry
        # One download per origin even when many of its URLs arrive at once.
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            entry = self._fresh(origin) or await self._load(origin)
        self._locks.pop(origin, None)
        return entry

    def _fresh(self, origin: str) -> _Entry | None:
        entry = self._entries.get(origin)
        if entry is None or entry.expires <= self._clock():
            return None
        self._entries.move_to_end(origin)
        return entry

    async def _load(self, origin: str) -> _Entry:
        rules: Protego | None
        try:
            body = await self._fetch_text(f"{origin}/robots.txt")
            rules = Protego.parse(body.decode("utf-8", "replace"))
            ttl = self.ttl_s
        except TransientFetchError as error:
            log.warning("robots.txt of %s unreachable: %s", origin, error)
            rules, ttl = None, UNREACHABLE_TTL_S
        except PermanentFetchError as error:
            # 404, 410, 403, not text, too large: no usable rules, so no restrictions.
            log.info("no robots.txt rules for %s (%s)", origin, error)
            rules, ttl = Protego.parse(""), self.ttl_s
        entry = _Entry(rules, self._clock() + ttl)
        self._entries[origin] = entry
        while len(self._entries) > MAX_ORIGINS:
            self._entries.popitem(last=False)
        return entry
