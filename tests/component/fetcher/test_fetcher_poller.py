"""The source poller against feeds and sitemaps on 127.0.0.1, with its state in SQLite.

Poll times come from a fake clock; the database and HTTP are real.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from newswire_contracts import DeadLetterV1, FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED, dlq, topic
from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.poller import Poller
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.sources import Source, parse_sources
from newswire_fetcher.state import FetcherDatabase, FingerprintIndex, SeenUrls, SourceSchedule

PREFIX = "p."
START = dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.UTC)
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def rss(*paths: str, base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {p}</title><link>{base}{p}?utm_source=rss</link></item>" for p in paths
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


class Recorder:
    def __init__(self) -> None:
        self.topics: dict[str, list[bytes]] = defaultdict(list)

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        self.topics[topic].append(value)

    def requested(self) -> list[str]:
        values = self.topics.pop(topic(FETCH_REQUESTED, PREFIX), [])
        return [FetchRequestedV1.model_validate_json(v).url for v in values]

    def dead_letters(self) -> list[DeadLetterV1]:
        values = self.topics[dlq(FETCH_REQUESTED, PREFIX)]
        return [DeadLetterV1.model_validate_json(v) for v in values]


class World:
    """Everything a poller needs, so a test can build several (restarts, replicas)."""

    def __init__(self, database: Path, polite: PoliteClient) -> None:
        self.url = f"sqlite+aiosqlite:///{database}"
        self.polite = polite
        self.clock = Clock()
        self.out = Recorder()
        self.databases: list[FetcherDatabase] = []

    async def poller(self, sources: list[Source]) -> Poller:
        database = FetcherDatabase.from_url(self.url)
        await database.migrate()
        self.databases.append(database)
        poller = Poller(
            sources,
            self.polite,
            self.out,
            schedule=SourceSchedule(database),
            seen=SeenUrls(database),
            fingerprints=FingerprintIndex(database),
            prefix=PREFIX,
            jitter=0.1,
            rng=random.Random(7),
            now=self.clock,
        )
        await poller.start()
        return poller


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    settings = FetcherSettings(allow_hosts=["127.0.0.1"], min_host_delay_s=0.0)
    async with create_client(settings) as client:
        world = World(tmp_path / "fetcher.sqlite", PoliteClient(client, settings))
        yield world
        for database in world.databases:
            await database.close()


def sources(text: str, site: Any) -> list[Source]:
    import tomllib

    return parse_sources(tomllib.loads(text.replace("{base}", site.base)))


def etag_feed(site: Any, versions: dict[str, bytes]) -> Callable[[Any], Any]:
    """A feed that answers If-None-Match with 304; ``versions`` maps the current ETag to a body."""

    def answer(seen: Any) -> Any:
        etag, body = next(reversed(versions.items()))
        if seen.headers.get("if-none-match") == etag:
            return site.reply(status=304, headers={"ETag": etag})
        return site.reply(headers={**RSS, "ETag": etag}, body=body)

    return answer


async def test_a_feed_re_polled_with_304_fetches_nothing(world: World, loopback: Any) -> None:
    versions = {'"v1"': rss("/a", "/b", "/c", base=loopback.base)}
    loopback.routes["/feed.xml"] = etag_feed(loopback, versions)
    poller = await world.poller(
        sources('[[feeds]]\nurl = "{base}/feed.xml"\ninterval = "10m"\n', loopback)
    )

    [first] = await poller.tick()
    assert (first.listed, first.requested, first.not_modified) == (3, 3, False)
    assert world.out.requested() == [loopback.url(p) for p in ("/a", "/b", "/c")]

    assert await poller.tick() == []  # not due yet: the feed is not even asked
    assert loopback.hits("/feed.xml") == 1

    world.clock.advance(minutes=12)
    [again] = await poller.tick()
    assert again.not_modified is True
    assert loopback.requests[-1].headers["if-none-match"] == '"v1"'
    assert world.out.requested() == []

    versions['"v2"'] = rss("/d", "/a", "/b", base=loopback.base)
    world.clock.advance(minutes=12)
    [changed] = await poller.tick()
    assert (changed.listed, changed.requested) == (3, 1)
    assert world.out.requested() == [loopback.url("/d")]
    assert not any(loopback.hits(p) for p in ("/a", "/b", "/c", "/d"))  # the poller only asks


async def test_last_modified_is_sent_back(world: World, loopback: Any) -> None:
    stamp = "Mon, 02 Jun 2025 10:00:00 GMT"

    def answer(seen: Any) -> Any:
        if seen.headers.get("if-modified-since") == stamp:
            return loopback.reply(status=304)
        return loopback.reply(
            headers={**RSS, "Last-Modified": stamp}, body=rss("/x", base=loopback.base)
        )

    loopback.routes["/feed.xml"] = answer
    poller = await world.poller(sources('[[feeds]]\nurl = "{base}/feed.xml"\n', loopback))
    await poller.tick()
    world.clock.advance(hours=1)
    [second] = await poller.tick()
    assert second.not_modified is True


async def test_a_restarted_fetcher_does_not_request_seen_urls(world: World, loopback: Any) -> None:
    # This feed ignores conditional GET: every poll downloads and parses it in full.
    loopback.routes["/feed.xml"] = loopback.reply(
        headers=RSS, body=rss("/a", "/b", base=loopback.base)
    )
    listed = sources('[[feeds]]\nurl = "{base}/feed.xml"\ninterval = "5m"\n', loopback)
    before = await world.poller(listed)
    await before.tick()
    assert len(world.out.requested()) == 2
    await world.databases.pop().close()  # the process stops

    after = await world.poller(listed)  # a new process on the same database
    assert await after.tick() == []  # the schedule survived the restart too
    world.clock.advance(minutes=6)
    [outcome] = await after.tick()
    assert (outcome.listed, outcome.requested) == (2, 0)
    assert world.out.requested() == []
    assert loopback.hits("/feed.xml") == 2


async def test_an_rdf_feed_with_html_entities_is_polled(world: World, loopback: Any) -> None:
    items = "".join(
        f'<item rdf:about="{loopback.base}{p}"><title>Caf&eacute;&nbsp;{p}</title>'
        f"<dc:date>2025-06-01T10:00:00+02:00</dc:date></item>"
        for p in ("/a", "/b")
    )
    body = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{loopback.base}/"><title>T</title></channel>{items}</rdf:RDF>'
    ).encode()
    loopback.routes["/feed.rdf"] = loopback.reply(
        headers={"Content-Type": "application/rdf+xml"}, body=body
    )
    poller = await world.poller(sources('[[feeds]]\nurl = "{base}/feed.rdf"\n', loopback))
    [outcome] = await poller.tick()
    assert (outcome.listed, outcome.requested) == (2, 2)
    assert sorted(world.out.requested()) == [loopback.url("/a"), loopback.url("/b")]
    assert world.out.dead_letters() == []


async def test_replicas_share_polls_and_urls(world: World, loopback: Any) -> None:
    loopback.routes["/feed.xml"] = loopback.reply(
        headers=RSS, body=rss("/a", "/b", "/c", base=loopback.base)
    )
    listed = sources('[[feeds]]\nurl = "{base}/feed.xml"\n', loopback)
    one, two = await world.poller(listed), await world.poller(listed)
    outcomes = await asyncio.gather(one.tick(), two.tick())
    assert sorted(len(o) for o in outcomes) == [0, 1]  # one replica won the lease
    assert loopback.hits("/feed.xml") == 1
    assert sorted(world.out.requested()) == [loopback.url(p) for p in ("/a", "/b", "/c")]


async def test_sitemap_index_children_and_max_age(world: World, loopback: Any) -> None:
    xml = {"Content-Type": "application/xml"}
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    news = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    loopback.routes["/sitemap.xml"] = loopback.reply(
        headers=xml,
        body=(
            f"<sitemapindex {ns}>"
            "<sitemap><loc>/sitemap-june.xml</loc><lastmod>2025-06-02</lastmod></sitemap>"
            "<sitemap><loc>/sitemap-2019.xml</loc><lastmod>2019-01-31</lastmod></sitemap>"
            "</sitemapindex>"
        ).encode(),
    )
    loopback.routes["/sitemap-june.xml"] = loopback.reply(
        headers=xml,
        body=(
            f"<urlset {ns} {news}>"
            "<url><loc>/2025/06/02/port</loc><news:news>"
            "<news:publication_date>2025-06-02T08:00:00+02:00</news:publication_date>"
            "</news:news></url>"
            "<url><loc>/2025/05/01/old</loc><lastmod>2025-05-01</lastmod></url>"
            "<url><loc>/undated</loc></url>"
            "</urlset>"
        ).encode(),
    )
    poller = await world.poller(
        sources('[[sitemaps]]\nurl = "{base}/sitemap.xml"\nmax_age = "3d"\n', loopback)
    )
    [outcome] = await poller.tick()
    assert world.out.requested() == [loopback.url("/2025/06/02/port"), loopback.url("/undated")]
    assert outcome.requested == 2
    assert loopback.hits("/sitemap-2019.xml") == 0


async def test_malformed_feed_is_dead_lettered_and_others_still_polled(
    world: World, loopback: Any
) -> None:
    loopback.routes["/broken.xml"] = loopback.reply(headers=RSS, body=b"<rss><channel><item><link>")
    loopback.routes["/gone.xml"] = loopback.reply(status=410)
    loopback.routes["/good.xml"] = loopback.reply(headers=RSS, body=rss("/a", base=loopback.base))
    listed = sources(
        '[[feeds]]\nurl = "{base}/broken.xml"\n[[feeds]]\nurl = "{base}/gone.xml"\n'
        '[[feeds]]\nurl = "{base}/good.xml"\n',
        loopback,
    )
    poller = await world.poller(listed)
    outcomes = {o.source_id.rsplit("/", 1)[-1]: o for o in await poller.tick()}
    assert outcomes["good.xml"].requested == 1
    assert "well-formed" in (outcomes["broken.xml"].error or "")
    assert "410" in (outcomes["gone.xml"].error or "")
    letters = {letter.original_key: letter for letter in world.out.dead_letters()}
    broken = letters[loopback.url("/broken.xml")]
    assert broken.error_type == "SourceFailure"
    assert broken.original_value == b"<rss><channel><item><link>"
    assert broken.service == "fetcher.poller"
    assert letters[loopback.url("/gone.xml")].error_type == "PermanentFetchError"
    # A failed source is polled again at its next interval, not in a tight loop.
    assert await poller.tick() == []


async def test_single_urls_are_requested_every_interval(world: World, loopback: Any) -> None:
    poller = await world.poller(
        sources('[[urls]]\nurl = "{base}/live/vote"\ninterval = "10m"\n', loopback)
    )
    await poller.tick()
    world.clock.advance(minutes=12)
    await poller.tick()
    assert world.out.requested() == [loopback.url("/live/vote")] * 2


async def test_jitter_spreads_the_next_poll(world: World, loopback: Any) -> None:
    loopback.routes["/feed.xml"] = loopback.reply(headers=RSS, body=rss(base=loopback.base))
    listed = sources('[[feeds]]\nurl = "{base}/feed.xml"\ninterval = "10m"\n', loopback)
    poller = await world.poller(listed)
    await poller.tick()
    next_at = await poller.schedule.next_poll_at(listed[0].source_id)
    assert next_at is not None
    assert dt.timedelta(minutes=9) <= next_at - START <= dt.timedelta(minutes=11)
    assert next_at - START != dt.timedelta(minutes=10)
