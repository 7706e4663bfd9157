"""One article id per article, and syndicated copies marked, through the fetcher service.

Pages are served on 127.0.0.1; fingerprints live in SQLite through the same FingerprintIndex that
production runs on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from newswire_contracts import ArticleFetchedV1, ArticleV1, FetchRequestedV1
from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.service import FetcherService
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.state import FetcherDatabase, FingerprintIndex, SeenUrls

STORY = [
    "Rescue teams reached the flooded villages in the river valley on Sunday, two days after "
    "the embankment gave way, and began evacuating residents who had sheltered on rooftops.",
    "The regional governor said at least 1,200 people had been moved to schools and sports "
    "halls in the provincial capital, and that the army had sent helicopters and boats.",
    "Forecasters warned that more rain was expected on Tuesday and that water levels downstream "
    "could rise by another metre, threatening farmland that supplies much of the region.",
    "Residents said the warning sirens had not sounded when the embankment broke shortly after "
    "midnight on Friday, and that many had woken to water rising through their floors.",
    "The interior ministry said it would investigate why the alarm system had failed and "
    "promised compensation to families whose homes were destroyed by the flood.",
]


def page(paragraphs: list[str], *, title: str, site: str, extra_head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">{extra_head}</head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>© {site}. All rights reserved.</footer></body></html>"
    ).encode()


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[FetcherService]:
    settings = FetcherSettings(allow_hosts=["127.0.0.1"], min_host_delay_s=0.0)
    database = FetcherDatabase.from_url(f"sqlite:///{tmp_path / 'fetcher.sqlite'}")
    await database.migrate()
    async with create_client(settings) as client:
        yield FetcherService(
            settings,
            PoliteClient(client, settings),
            fingerprints=FingerprintIndex(database),
            seen=SeenUrls(database),
        )
    await database.close()


async def fetch(service: FetcherService, url: str) -> ArticleV1:
    [out] = await service.handle(FetchRequestedV1(url=url))
    assert isinstance(out.message, ArticleFetchedV1)
    assert out.key == out.message.article.article_id
    return out.message.article


async def test_url_variants_of_one_article_give_one_article_id(
    service: FetcherService, loopback: Any
) -> None:
    canonical = loopback.url("/world/2025/06/flood-villages")
    loopback.routes["/world/2025/06/flood-villages"] = loopback.reply(
        body=page(STORY, title="Rescuers reach flooded villages", site="Valley Courier")
    )
    loopback.routes["/amp/flood-villages"] = loopback.reply(
        body=page(
            STORY,
            title="Rescuers reach flooded villages",
            site="Valley Courier",
            extra_head=f'<link rel="canonical" href="{canonical}">',
        )
    )
    variants = [
        canonical,
        canonical + "?utm_source=twitter&utm_medium=social&fbclid=IwAR0abc",
        canonical + "?ref=homepage#comments",
        loopback.url("/amp/flood-villages"),
    ]
    articles = [await fetch(service, url) for url in variants]
    assert {a.article_id for a in articles} == {articles[0].article_id}
    assert {a.canonical_url for a in articles} == {canonical}
    # A re-fetch of the same article is not a "copy" of itself.
    assert all(a.duplicate_of is None for a in articles)


async def test_a_syndicated_copy_is_marked_as_a_duplicate(
    service: FetcherService, loopback: Any
) -> None:
    loopback.routes["/world/flood"] = loopback.reply(
        body=page(STORY, title="Rescuers reach flooded villages", site="Valley Courier")
    )
    syndicated = [
        "By Agency Staff",
        *(p.replace("on Sunday", "on Sunday,") for p in STORY),
        "Reporting by the regional bureau; editing by the world desk.",
    ]
    loopback.routes["/partner/news/7731"] = loopback.reply(
        body=page(syndicated, title="Flood: rescuers reach cut-off villages", site="Daily Ledger")
    )
    loopback.routes["/world/markets"] = loopback.reply(
        body=page(
            [p.replace("flood", "market").replace("embankment", "currency") for p in STORY[:1]]
            + [
                "Shares in the region's largest bank fell sharply on Monday after it reported "
                "a loss for the first quarter and suspended its dividend, citing bad loans to "
                "farmers hit by the drought of the previous summer and by falling grain prices."
            ]
            * 3,
            title="Bank shares fall",
            site="Valley Courier",
        )
    )

    original = await fetch(service, loopback.url("/world/flood"))
    copy = await fetch(service, loopback.url("/partner/news/7731"))
    other = await fetch(service, loopback.url("/world/markets"))

    assert original.duplicate_of is None
    assert copy.article_id != original.article_id
    assert copy.duplicate_of == original.article_id
    assert other.duplicate_of is None
    # Redelivered later, the original stays the original and the copy stays a copy.
    assert (await fetch(service, loopback.url("/world/flood"))).duplicate_of is None
    assert (await fetch(service, loopback.url("/partner/news/7731"))).duplicate_of == (
        original.article_id
    )


async def test_fetched_urls_are_recorded_as_seen(service: FetcherService, loopback: Any) -> None:
    loopback.routes["/world/flood"] = loopback.reply(
        body=page(STORY, title="Rescuers reach flooded villages", site="Valley Courier")
    )
    article = await fetch(service, loopback.url("/world/flood?utm_campaign=x"))
    assert service.seen is not None
    assert await service.seen.claim([article.canonical_url]) == []
