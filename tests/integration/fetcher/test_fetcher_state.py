"""The fetcher's shared state on SQLite and on a real PostgreSQL: claims, leases, fingerprints.

Several FetcherState objects on one database stand for several replicas.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import random
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from newswire_fetcher import minhash
from newswire_fetcher.dedup import Fingerprint
from newswire_fetcher.http import Validators
from newswire_fetcher.state import FetcherState

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


@pytest.fixture(params=["sqlite", "postgresql"])
async def replicas(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[list[FetcherState]]:
    async with contextlib.AsyncExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite+aiosqlite:///{tmp_path / 'state.sqlite'}"
        else:
            url = await stack.enter_async_context(
                request.getfixturevalue("fresh_database")("fetcher")
            )
        states = [FetcherState.from_url(url) for _ in range(3)]
        await asyncio.gather(*(s.create_tables() for s in states))  # replicas start together
        yield states
        for state in states:
            await state.close()


def unique(name: str) -> str:
    return f"https://news.example/{uuid.uuid4().hex}/{name}"


async def test_each_url_is_claimed_by_exactly_one_replica(replicas: list[FetcherState]) -> None:
    urls = [unique(f"story-{i}") for i in range(40)]
    claimed = await asyncio.gather(*(state.claim(urls, source="feed") for state in replicas))
    assert sorted(u for batch in claimed for u in batch) == sorted(urls)
    assert await replicas[0].claim(urls) == []
    await replicas[1].release(urls[:2])
    assert await replicas[2].claim(urls[:3]) == urls[:2]


async def test_a_due_source_is_leased_by_one_replica(replicas: list[FetcherState]) -> None:
    source = f"feed-{uuid.uuid4().hex}"
    now = dt.datetime.now(dt.UTC)
    await replicas[0].add_sources([source], first_poll=now)
    hold = dt.timedelta(minutes=5)
    leases = await asyncio.gather(*(s.lease(source, hold=hold, now=now) for s in replicas))
    assert sum(lease is not None for lease in leases) == 1
    await replicas[1].finish(
        source, validators=Validators('"abc"', None), next_poll_at=now + dt.timedelta(minutes=10)
    )
    assert await replicas[2].lease(source, hold=hold, now=now) is None  # not due yet
    later = now + dt.timedelta(minutes=11)
    lease = await replicas[2].lease(source, hold=hold, now=later)
    assert lease is not None and lease.validators == Validators('"abc"', None)
    # A replica that died holding the lease does not block the source forever.
    assert await replicas[0].lease(source, hold=hold, now=later + hold * 2) is not None


async def test_near_duplicates_across_replicas(replicas: list[FetcherState]) -> None:
    tag = uuid.uuid4().hex
    original = Fingerprint(f"a{tag}", f"h1{tag}", minhash.sketch(story(tag)))
    copy = Fingerprint(f"b{tag}", f"h2{tag}", minhash.sketch(f"By Staff {story(tag)} Ends."))
    other = Fingerprint(f"c{tag}", f"h3{tag}", minhash.sketch(f"{tag} something else " * 40))
    exact = Fingerprint(f"d{tag}", f"h1{tag}", None)

    assert await replicas[0].register(original, min_similarity=0.7) is None
    assert await replicas[1].register(copy, min_similarity=0.7) == original.article_id
    assert await replicas[2].register(other, min_similarity=0.7) is None
    assert await replicas[2].register(exact, min_similarity=0.7) == original.article_id
    # Redelivered to another replica: the first verdict stands.
    assert await replicas[2].register(original, min_similarity=0.7) is None
    assert await replicas[0].register(copy, min_similarity=0.7) == original.article_id


async def test_concurrent_registration_of_one_article_agrees(
    replicas: list[FetcherState],
) -> None:
    tag = uuid.uuid4().hex
    same = Fingerprint(f"s{tag}", f"hs{tag}", minhash.sketch(story(tag)))
    verdicts = await asyncio.gather(
        *(s.register(same, min_similarity=0.7) for s in replicas), return_exceptions=True
    )
    assert verdicts == [None, None, None]


async def test_prune_forgets_old_entries(replicas: list[FetcherState]) -> None:
    url = unique("old")
    await replicas[0].claim([url])
    assert await replicas[0].prune(older_than=dt.timedelta(days=-1)) >= 1
    assert not await replicas[0].is_seen(url)


async def test_deployments_sharing_a_database_do_not_see_each_other(
    replicas: list[FetcherState],
) -> None:
    other = FetcherState(replicas[0].engine, namespace="other-deployment.")
    url = unique("shared")
    tag = uuid.uuid4().hex
    article = Fingerprint(f"n{tag}", f"hn{tag}", minhash.sketch(story(tag)))
    copy = Fingerprint(f"m{tag}", f"hn{tag}", minhash.sketch(story(tag)))
    assert await replicas[0].claim([url]) == [url]
    assert await other.claim([url]) == [url]
    assert await replicas[0].register(article, min_similarity=0.7) is None
    assert await other.register(copy, min_similarity=0.7) is None
    assert await replicas[1].register(copy, min_similarity=0.7) == article.article_id
