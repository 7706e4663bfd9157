"""Seen URLs: each URL is claimed once per deployment, so no replica requests it twice."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from newswire_fetcher.state.database import FetcherDatabase, utc_now
from newswire_fetcher.state.tables import seen_urls
from newswire_runtime.sql import insert_ignoring

CLAIM_BATCH = 500


def url_key(url: str) -> str:
    """Fixed-size primary key for a URL of any length."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


class SeenUrls:
    """The URLs requested or fetched so far, claimed atomically across replicas."""

    def __init__(self, db: FetcherDatabase) -> None:
        self.db = db

    async def claim(self, urls: Sequence[str], *, source: str | None = None) -> list[str]:
        """The URLs of ``urls`` nobody had claimed before, now claimed (order kept)."""
        distinct = list(dict.fromkeys(urls))
        if not distinct:
            return []
        at, ns = utc_now(), self.db.namespace
        rows = [
            {"namespace": ns, "url_key": url_key(u), "url": u, "source": source, "seen_at": at}
            for u in distinct
        ]
        statement = insert_ignoring(self.db.dialect, seen_urls, ["namespace", "url_key"]).returning(
            seen_urls.c.url_key
        )
        async with self.db.begin() as conn:
            created: set[str] = set()
            for start in range(0, len(rows), CLAIM_BATCH):
                result = await conn.execute(statement, rows[start : start + CLAIM_BATCH])
                created.update(row[0] for row in result)
        return [u for u in distinct if url_key(u) in created]

    async def release(self, urls: Iterable[str]) -> None:
        """Forget claims whose fetch requests could not be published."""
        keys = [url_key(u) for u in urls]
        if keys:
            async with self.db.begin() as conn:
                await conn.execute(
                    sa.delete(seen_urls).where(
                        self.db.mine(seen_urls), seen_urls.c.url_key.in_(keys)
                    )
                )

    async def is_seen(self, url: str) -> bool:
        async with self.db.begin() as conn:
            found = await conn.execute(
                sa.select(seen_urls.c.url_key).where(
                    self.db.mine(seen_urls), seen_urls.c.url_key == url_key(url)
                )
            )
            return found.first() is not None

    async def prune(self, *, older_than: dt.timedelta) -> int:
        """Forget URLs first seen longer ago than ``older_than``; how many went."""
        cutoff = utc_now() - older_than
        async with self.db.begin() as conn:
            gone = await conn.execute(
                sa.delete(seen_urls).where(self.db.mine(seen_urls), seen_urls.c.seen_at < cutoff)
            )
        return int(gone.rowcount or 0)
