"""Politeness against a real server on 127.0.0.1: robots.txt, Retry-After, retries, dead letters.

The fetcher service runs under the runtime's StepRunner (the same delivery policy as on Kafka);
its sleeps and the host throttle run on a fake clock, so "waited as asked" is checked exactly
and no test waits for real.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import pytest

from newswire_contracts import ArticleFetchedV1, DeadLetterV1, FetchRequestedV1
from newswire_contracts.topics import ARTICLES_FETCHED, FETCH_REQUESTED, dlq, topic
from newswire_fetcher.dedup import MemoryFingerprintIndex
from newswire_fetcher.errors import RobotsDisallowed, TransientFetchError
from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.service import FetcherService
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.throttle import HostThrottle
from newswire_runtime import Delivery, StepRunner
from newswire_runtime.delivery import RetryPolicy

PREFIX = "t."
UA = "NewswireTestBot/2.0 (+https://example.org/about-our-bot)"
PAGE = (
    b"<html><head><title>Port strike enters second week</title></head><body><article>"
    b"<h1>Port strike enters second week</h1>"
    b"<p>Dock workers in the city extended their strike into a second week on Monday, "
    b"leaving dozens of container ships waiting offshore, the port authority said.</p>"
    b"<p>The union is demanding a pay rise in line with inflation and new safety rules.</p>"
    b"</article></body></html>"
)
ROBOTS = b"User-agent: *\nDisallow: /admin/\n\nUser-agent: NewswireTestBot\nDisallow: /private/\n"


class FakeClock:
    """Monotonic time that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 5000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds
        await asyncio.sleep(0)


class Recorder:
    def __init__(self) -> None:
        self.topics: dict[str, list[bytes]] = defaultdict(list)

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        self.topics[topic].append(value)


def make_settings(**overrides: Any) -> FetcherSettings:
    values: dict[str, Any] = {
        "allow_hosts": ["127.0.0.1"],
        "user_agent": UA,
        "min_host_delay_s": 0.0,
        "max_attempts": 3,
        **overrides,
    }
    return FetcherSettings(**values)


class Harness:
    """A FetcherService behind a StepRunner, with one fake clock for throttle and retries."""

    def __init__(self, polite: PoliteClient, settings: FetcherSettings, clock: FakeClock) -> None:
        self.clock = clock
        self.out = Recorder()
        service = FetcherService(settings, polite, fingerprints=MemoryFingerprintIndex(), seen=None)
        self.runner = StepRunner(
            service.step(),
            self.out,
            prefix=PREFIX,
            policy=RetryPolicy(max_attempts=settings.max_attempts, initial_s=0.5, max_s=30.0),
            sleep=clock.sleep,
        )

    async def deliver(self, url: str) -> bool:
        value = FetchRequestedV1(url=url).model_dump_json().encode()
        return await self.runner.deliver(Delivery(topic(FETCH_REQUESTED, PREFIX), value))

    def articles(self) -> list[ArticleFetchedV1]:
        values = self.out.topics[topic(ARTICLES_FETCHED, PREFIX)]
        return [ArticleFetchedV1.model_validate_json(v) for v in values]

    def dead_letters(self) -> list[DeadLetterV1]:
        values = self.out.topics[dlq(FETCH_REQUESTED, PREFIX)]
        return [DeadLetterV1.model_validate_json(v) for v in values]


@pytest.fixture
async def harness(loopback: Any) -> AsyncIterator[Harness]:
    loopback.routes["/robots.txt"] = loopback.reply(
        headers={"Content-Type": "text/plain"}, body=ROBOTS
    )
    settings = make_settings()
    clock = FakeClock()
    throttle = HostThrottle(
        concurrency=2, min_delay_s=0.0, max_wait_s=60.0, clock=clock, sleep=clock.sleep
    )
    async with create_client(settings) as client:
        yield Harness(PoliteClient(client, settings, throttle=throttle), settings, clock)


async def test_robots_disallow_is_honoured(harness: Harness, loopback: Any) -> None:
    loopback.routes["/private/story"] = loopback.reply(body=PAGE)
    loopback.routes["/news/story"] = loopback.reply(body=PAGE)

    assert await harness.deliver(loopback.url("/private/story")) is False
    assert await harness.deliver(loopback.url("/news/story")) is True

    assert loopback.hits("/private/story") == 0
    assert loopback.hits("/news/story") == 1
    assert loopback.hits("/robots.txt") == 1  # cached for the second URL
    [letter] = harness.dead_letters()
    assert letter.error_type == "PermanentError"
    assert "robots.txt" in letter.error and "disallows" in letter.error
    assert letter.attempts == 1


async def test_the_honest_user_agent_is_sent_everywhere(harness: Harness, loopback: Any) -> None:
    loopback.routes["/news/story"] = loopback.reply(body=PAGE)
    await harness.deliver(loopback.url("/news/story"))
    assert {r.headers["user-agent"] for r in loopback.requests} == {UA}


@pytest.mark.parametrize("status", [429, 503])
async def test_rate_limits_are_retried_after_the_time_asked(
    harness: Harness, loopback: Any, status: int
) -> None:
    answers = iter([loopback.reply(status=status, headers={"Retry-After": "7"}, body=b"busy")])
    loopback.routes["/news/story"] = lambda seen: next(answers, loopback.reply(body=PAGE))

    assert await harness.deliver(loopback.url("/news/story")) is True

    assert loopback.hits("/news/story") == 2
    # The runner waited the 7 s the server asked for, and the host throttle holds every other
    # request to that host back just as long (here it had already passed: no second wait).
    assert harness.clock.sleeps == [7.0]
    [fetched] = harness.articles()
    assert fetched.article.title == "Port strike enters second week"


async def test_a_long_retry_after_is_not_cut_short(harness: Harness, loopback: Any) -> None:
    # Retry-After beyond the runner's backoff cap (30 s): the runner wakes early, but the host
    # throttle still refuses to send anything before the hour is up, so the server sees one
    # request and the record is dead-lettered after max_attempts without hammering it.
    loopback.routes["/news/story"] = loopback.reply(
        status=429, headers={"Retry-After": "3600"}, body=b"slow down"
    )
    assert await harness.deliver(loopback.url("/news/story")) is False
    assert loopback.hits("/news/story") == 1
    [letter] = harness.dead_letters()
    assert letter.attempts == 3
    assert "wait" in letter.error


async def test_server_errors_are_retried_with_backoff(harness: Harness, loopback: Any) -> None:
    answers = iter([loopback.reply(status=500), loopback.reply(status=502)])
    loopback.routes["/news/story"] = lambda seen: next(answers, loopback.reply(body=PAGE))
    assert await harness.deliver(loopback.url("/news/story")) is True
    assert loopback.hits("/news/story") == 3
    assert harness.clock.sleeps == [0.5, 1.0]


async def test_not_found_is_dead_lettered_at_once(harness: Harness, loopback: Any) -> None:
    assert await harness.deliver(loopback.url("/news/missing")) is False
    assert loopback.hits("/news/missing") == 1
    [letter] = harness.dead_letters()
    assert "HTTP 404" in letter.error
    assert letter.attempts == 1
    assert harness.articles() == []


async def test_robots_txt_missing_means_no_restrictions(loopback: Any) -> None:
    loopback.routes["/anything"] = loopback.reply(body=PAGE)
    settings = make_settings()
    async with create_client(settings) as client:
        result = await PoliteClient(client, settings).get(loopback.url("/anything"))
    assert result.status_code == 200
    assert loopback.hits("/robots.txt") == 1


async def test_robots_txt_unreachable_means_wait(loopback: Any) -> None:
    loopback.routes["/robots.txt"] = loopback.reply(status=503)
    loopback.routes["/anything"] = loopback.reply(body=PAGE)
    settings = make_settings()
    async with create_client(settings) as client:
        with pytest.raises(TransientFetchError, match=r"robots\.txt"):
            await PoliteClient(client, settings).get(loopback.url("/anything"))
    assert loopback.hits("/anything") == 0


async def test_crawl_delay_spaces_requests(loopback: Any) -> None:
    loopback.routes["/robots.txt"] = loopback.reply(
        headers={"Content-Type": "text/plain"}, body=b"User-agent: *\nCrawl-delay: 4\n"
    )
    loopback.routes["/a"] = loopback.reply(body=PAGE)
    loopback.routes["/b"] = loopback.reply(body=PAGE)
    settings = make_settings()
    clock = FakeClock()
    throttle = HostThrottle(concurrency=1, min_delay_s=0.0, clock=clock, sleep=clock.sleep)
    async with create_client(settings) as client:
        polite = PoliteClient(client, settings, throttle=throttle)
        await polite.get(loopback.url("/a"))
        await polite.get(loopback.url("/b"))
    assert clock.sleeps == [4.0]


async def test_redirect_into_a_disallowed_path_is_refused(loopback: Any) -> None:
    loopback.routes["/robots.txt"] = loopback.reply(
        headers={"Content-Type": "text/plain"}, body=ROBOTS
    )
    loopback.routes["/short"] = loopback.reply(status=301, headers={"Location": "/private/x"})
    settings = make_settings()
    async with create_client(settings) as client:
        with pytest.raises(RobotsDisallowed):
            await PoliteClient(client, settings).get(loopback.url("/short"))
    assert loopback.hits("/private/x") == 0
