"""The fetcher's shared state on SQLite and on a real PostgreSQL: claims, leases, fingerprints.

Several ``Replica``s (each its own engine, as separate processes have) on one database stand
for several replicas.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from newswire_fetcher import minhash
from newswire_fetcher.dedup import Fingerprint
from newswire_fetcher.http import Validators
from newswire_fetcher.state import (
    MIGRATIONS,
    FetcherDatabase,
    FingerprintIndex,
    SeenUrls,
    SourceSchedule,
)

pytestmark = pytest.mark.integration

WORDS = [
    "talks",
    "capital",
    "night",
    "delegates",
    "countries",
    "agreement",
    "text",
    "minister",
    "said",
    "would",
    "talks",
    "ceasefire",
    "border",
    "troops",
    "aid",
    "convoy",
    "city",
    "council",
    "vote",
    "budget",
    "strike",
    "union",
    "port",
    "farmers",
    "protest",
    "police",
    "court",
    "ruling",
    "election",
    "campaign",
    "rally",
    "opposition",
    "leader",
    "parliament",
    "bill",
    "reform",
    "tax",
    "plan",
]


def story(tag: str) -> str:
    """A text unlike any other test's (the database is shared between tests and runs)."""
    rng = random.Random(tag)
    return " ".join(rng.choice(WORDS) for _ in range(300))


@dataclass(frozen=True)
class Replica:
    """One fetcher replica's records, on its own engine, as the bootstrap builds them."""

    database: FetcherDatabase
    seen: SeenUrls
    schedule: SourceSchedule
    fingerprints: FingerprintIndex

    @classmethod
    def on(cls, database: FetcherDatabase) -> Replica:
        fingerprints = FingerprintIndex(database)
        return cls(database, SeenUrls(database), SourceSchedule(database), fingerprints)


@pytest.fixture
async def replicas(database_url: str) -> AsyncIterator[list[Replica]]:
    """Three replicas on one database: SQLite (the URL as an operator writes it) or PostgreSQL."""
    replicas = [Replica.on(FetcherDatabase.from_url(database_url)) for _ in range(3)]
    # Replicas start together: each migrates, and all end at the newest revision.
    await asyncio.gather(*(r.database.migrate() for r in replicas))
    assert await MIGRATIONS.current(database_url) == MIGRATIONS.head()
    yield replicas
    for replica in replicas:
        await replica.database.close()


def unique(name: str) -> str:
    return f"https://news.example/{uuid.uuid4().hex}/{name}"


async def test_each_url_is_claimed_by_exactly_one_replica(replicas: list[Replica]) -> None:
    urls = [unique(f"story-{i}") for i in range(40)]
    claimed = await asyncio.gather(*(r.seen.claim(urls, source="feed") for r in replicas))
    assert sorted(u for batch in claimed for u in batch) == sorted(urls)
    assert await replicas[0].seen.claim(urls) == []
    await replicas[1].seen.release(urls[:2])
    assert await replicas[2].seen.claim(urls[:3]) == urls[:2]


async def test_a_due_source_is_leased_by_one_replica(replicas: list[Replica]) -> None:
    source = f"feed-{uuid.uuid4().hex}"
    now = dt.datetime.now(dt.UTC)
    await replicas[0].schedule.add_sources([source], first_poll=now)
    hold = dt.timedelta(minutes=5)
    leases = await asyncio.gather(*(s.schedule.lease(source, hold=hold, now=now) for s in replicas))
    assert sum(lease is not None for lease in leases) == 1
    await replicas[1].schedule.finish(
        source, validators=Validators('"abc"', None), next_poll_at=now + dt.timedelta(minutes=10)
    )
    assert await replicas[2].schedule.lease(source, hold=hold, now=now) is None  # not due yet
    later = now + dt.timedelta(minutes=11)
    lease = await replicas[2].schedule.lease(source, hold=hold, now=later)
    assert lease is not None and lease.validators == Validators('"abc"', None)
    # A replica that died holding the lease does not block the source forever.
    assert await replicas[0].schedule.lease(source, hold=hold, now=later + hold * 2) is not None


async def test_near_duplicates_across_replicas(replicas: list[Replica]) -> None:
    tag = uuid.uuid4().hex
    original = Fingerprint(f"a{tag}", f"h1{tag}", minhash.sketch(story(tag)))
    copy = Fingerprint(f"b{tag}", f"h2{tag}", minhash.sketch(f"By Staff {story(tag)} Ends."))
    other = Fingerprint(f"c{tag}", f"h3{tag}", minhash.sketch(f"{tag} something else " * 40))
    exact = Fingerprint(f"d{tag}", f"h1{tag}", None)

    assert await replicas[0].fingerprints.register(original, min_similarity=0.7) is None
    assert await replicas[1].fingerprints.register(copy, min_similarity=0.7) == original.article_id
    assert await replicas[2].fingerprints.register(other, min_similarity=0.7) is None
    assert await replicas[2].fingerprints.register(exact, min_similarity=0.7) == original.article_id
    # Redelivered to another replica: the first verdict stands.
    assert await replicas[2].fingerprints.register(original, min_similarity=0.7) is None
    assert await replicas[0].fingerprints.register(copy, min_similarity=0.7) == original.article_id


async def test_concurrent_registration_of_one_article_agrees(
    replicas: list[Replica],
) -> None:
    tag = uuid.uuid4().hex
    same = Fingerprint(f"s{tag}", f"hs{tag}", minhash.sketch(story(tag)))
    registrations = (r.fingerprints.register(same, min_similarity=0.7) for r in replicas)
    verdicts = await asyncio.gather(*registrations, return_exceptions=True)
    assert verdicts == [None, None, None]


async def test_prune_forgets_old_entries(replicas: list[Replica]) -> None:
    url = unique("old")
    tag = uuid.uuid4().hex
    old = Fingerprint(f"o{tag}", f"ho{tag}", minhash.sketch(story(tag)))
    await replicas[0].seen.claim([url])
    assert await replicas[0].fingerprints.register(old, min_similarity=0.7) is None
    assert await replicas[0].seen.prune(older_than=dt.timedelta(days=-1)) >= 1
    assert await replicas[0].fingerprints.prune(older_than=dt.timedelta(days=-1)) >= 1
    assert not await replicas[0].seen.is_seen(url)
    # The original is forgotten, sketch and all: its copy is an original now.
    copy = Fingerprint(f"p{tag}", old.content_hash, old.sketch)
    assert await replicas[1].fingerprints.register(copy, min_similarity=0.7) is None


async def test_deployments_sharing_a_database_do_not_see_each_other(
    replicas: list[Replica],
) -> None:
    other = Replica.on(FetcherDatabase(replicas[0].database.engine, namespace="other-deployment."))
    url = unique("shared")
    tag = uuid.uuid4().hex
    article = Fingerprint(f"n{tag}", f"hn{tag}", minhash.sketch(story(tag)))
    copy = Fingerprint(f"m{tag}", f"hn{tag}", minhash.sketch(story(tag)))
    assert await replicas[0].seen.claim([url]) == [url]
    assert await other.seen.claim([url]) == [url]
    assert await replicas[0].fingerprints.register(article, min_similarity=0.7) is None
    assert await other.fingerprints.register(copy, min_similarity=0.7) is None
    assert await replicas[1].fingerprints.register(copy, min_similarity=0.7) == article.article_id
