"""HostThrottle spacing, concurrency and Retry-After, on a fake clock (no real waiting)."""

from __future__ import annotations

import asyncio

import pytest

from newswire_fetcher.errors import TransientFetchError
from newswire_fetcher.robots import agent_token, origin_of
from newswire_fetcher.throttle import HostThrottle


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds
        await asyncio.sleep(0)


def throttle(clock: FakeClock, **kwargs: float) -> HostThrottle:
    options = {"concurrency": 2, "min_delay_s": 1.0, "max_wait_s": 60.0, **kwargs}
    return HostThrottle(
        concurrency=int(options["concurrency"]),
        min_delay_s=options["min_delay_s"],
        max_wait_s=options["max_wait_s"],
        clock=clock,
        sleep=clock.sleep,
    )


async def test_requests_to_one_host_are_spaced_by_the_minimum_delay() -> None:
    clock = FakeClock()
    gate = throttle(clock)
    for _ in range(3):
        async with gate.slot("news.example"):
            pass
    assert clock.sleeps == [1.0, 1.0]


async def test_other_hosts_do_not_wait() -> None:
    clock = FakeClock()
    gate = throttle(clock)
    for host in ("a.example", "b.example", "c.example"):
        async with gate.slot(host):
            pass
    assert clock.sleeps == []


async def test_crawl_delay_raises_the_gap() -> None:
    clock = FakeClock()
    gate = throttle(clock)
    async with gate.slot("slow.example", delay_s=5.0):
        pass
    async with gate.slot("slow.example", delay_s=5.0):
        pass
    assert clock.sleeps == [5.0]


async def test_concurrency_per_host_is_bounded() -> None:
    clock = FakeClock()
    gate = throttle(clock, concurrency=2, min_delay_s=0.0)
    inside = 0
    most = 0
    release = asyncio.Event()

    async def one() -> None:
        nonlocal inside, most
        async with gate.slot("busy.example"):
            inside += 1
            most = max(most, inside)
            await release.wait()
            inside -= 1

    tasks = [asyncio.create_task(one()) for _ in range(5)]
    await asyncio.sleep(0.01)
    assert inside == 2
    release.set()
    await asyncio.gather(*tasks)
    assert most == 2


async def test_retry_after_defers_the_host() -> None:
    clock = FakeClock()
    gate = throttle(clock, min_delay_s=0.0)
    gate.defer("busy.example", 30.0)
    assert gate.waiting_time("busy.example") == 30.0
    async with gate.slot("busy.example"):
        pass
    assert clock.sleeps == [30.0]


async def test_a_wait_longer_than_the_maximum_is_a_transient_error() -> None:
    clock = FakeClock()
    gate = throttle(clock, max_wait_s=60.0)
    gate.defer("busy.example", 3600.0)
    with pytest.raises(TransientFetchError) as caught:
        async with gate.slot("busy.example"):
            pytest.fail("must not get a slot")
    assert caught.value.retry_after == pytest.approx(3600.0)
    assert clock.sleeps == []


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://News.Example/a/b?c=1", "https://news.example"),
        ("http://user:pw@news.example:8080/x", "http://news.example:8080"),
    ],
)
def test_origin_of(url: str, origin: str) -> None:
    assert origin_of(url) == origin


def test_agent_token() -> None:
    assert agent_token("NewswireBot/0.1 (+https://example.org/bot)") == "NewswireBot"
    assert agent_token("Plain") == "Plain"
