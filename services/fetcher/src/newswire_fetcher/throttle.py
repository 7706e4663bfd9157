"""Per-host politeness: at most N requests in flight, a minimum gap between starts, Retry-After.

State is per process: with R replicas a host sees at most R × N concurrent requests. A host that
asked us (Retry-After) to come back later is left alone by every request of this process until
then; a wait longer than ``max_wait_s`` is not slept through but raised as a transient error, so
the consumer is not blocked and the retry policy decides what happens next.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from newswire_fetcher.errors import TransientFetchError

MAX_HOSTS = 10_000


@dataclass(slots=True)
class _Host:
    gate: asyncio.Semaphore
    next_start: float = 0.0
    not_before: float = 0.0
    active: int = field(default=0)


class HostThrottle:
    """Spaces and bounds the requests this process sends to each host."""

    def __init__(
        self,
        *,
        concurrency: int = 2,
        min_delay_s: float = 1.0,
        max_wait_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.concurrency = concurrency
        self.min_delay_s = min_delay_s
        self.max_wait_s = max_wait_s
        self._clock = clock
        self._sleep = sleep
        self._hosts: OrderedDict[str, _Host] = OrderedDict()

    @contextlib.asynccontextmanager
    async def slot(self, host: str, *, delay_s: float | None = None) -> AsyncIterator[None]:
        """Hold one of ``host``'s request slots; waits for the host's next allowed start.

        ``delay_s`` (a robots.txt Crawl-delay) raises the minimum gap for this host.
        """
        state = self._state(host)
        state.active += 1
        try:
            async with state.gate:
                await self._wait_turn(host, state, max(self.min_delay_s, delay_s or 0.0))
                yield
        finally:
            state.active -= 1

    async def _wait_turn(self, host: str, state: _Host, gap: float) -> None:
        now = self._clock()
        start = max(now, state.next_start, state.not_before)
        wait = start - now
        if wait > self.max_wait_s:
            raise TransientFetchError(
                f"{host} asked us to wait {wait:.0f}s more", url=host, retry_after=wait
            )
        # Reserve the start before sleeping so concurrent callers queue behind it.
        state.next_start = start + gap
        if wait > 0:
            await self._sleep(wait)

    def defer(self, host: str, seconds: float) -> None:
        """Send nothing to ``host`` for ``seconds`` (its Retry-After)."""
        state = self._state(host)
        state.not_before = max(state.not_before, self._clock() + max(seconds, 0.0))

    def waiting_time(self, host: str) -> float:
        """Seconds until ``host`` may be sent the next request (0 if now)."""
        state = self._hosts.get(host)
        if state is None:
            return 0.0
        return max(0.0, max(state.next_start, state.not_before) - self._clock())

    def _state(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(asyncio.Semaphore(self.concurrency))
            self._forget_idle()
        self._hosts.move_to_end(host)
        return state

    def _forget_idle(self) -> None:
        # Oldest first; a host with requests in flight or a pending Retry-After is kept.
        now = self._clock()
        for name in list(self._hosts)[: max(0, len(self._hosts) - MAX_HOSTS)]:
            state = self._hosts[name]
            if state.active == 0 and max(state.next_start, state.not_before) <= now:
                del self._hosts[name]
