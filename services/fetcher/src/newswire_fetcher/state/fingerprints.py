"""The fingerprint index: which earlier article, if any, a new article copies."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from newswire_fetcher import minhash
from newswire_fetcher.dedup import Fingerprint, find_original
from newswire_fetcher.state.database import FetcherDatabase, utc_now
from newswire_fetcher.state.tables import fingerprints, sketch_values
from newswire_runtime.sql import insert_ignoring

# A copy shares most of its 64 sketch values with the original (~60 for a syndicated story);
# needing a quarter of them keeps the candidate list short without missing real copies.
MIN_SHARED_VALUES = minhash.K // 4
MAX_CANDIDATES = 50


class FingerprintIndex:
    """Fingerprints of the articles fetched so far, shared by every replica through the database."""

    def __init__(self, db: FetcherDatabase) -> None:
        self.db = db

    async def register(self, fingerprint: Fingerprint, *, min_similarity: float) -> str | None:
        """Record ``fingerprint``; the original's id if it is a copy (the first verdict stands)."""
        async with self.db.begin() as conn:
            if await self._known(conn, fingerprint.article_id):
                return await self._verdict(conn, fingerprint.article_id)
            earlier = await self._candidates(conn, fingerprint)
            original = find_original(fingerprint, earlier, min_similarity=min_similarity)
            inserted = await conn.execute(
                insert_ignoring(self.db.dialect, fingerprints, ["namespace", "article_id"]).values(
                    namespace=self.db.namespace,
                    article_id=fingerprint.article_id,
                    content_hash=fingerprint.content_hash,
                    duplicate_of=original,
                    seen_at=utc_now(),
                )
            )
            if inserted.rowcount != 1:
                # Another replica registered the same article a moment before us: its verdict.
                return await self._verdict(conn, fingerprint.article_id)
            if fingerprint.sketch:
                rows = [
                    {
                        "namespace": self.db.namespace,
                        "article_id": fingerprint.article_id,
                        "value": minhash.to_signed(v),
                    }
                    for v in fingerprint.sketch
                ]
                await conn.execute(sa.insert(sketch_values), rows)
        return original

    async def prune(self, *, older_than: dt.timedelta) -> int:
        """Forget fingerprints first seen longer ago than ``older_than``; how many went."""
        expired = sa.and_(
            self.db.mine(fingerprints), fingerprints.c.seen_at < utc_now() - older_than
        )
        old = sa.select(fingerprints.c.article_id).where(expired)
        async with self.db.begin() as conn:
            await conn.execute(
                sa.delete(sketch_values).where(
                    self.db.mine(sketch_values), sketch_values.c.article_id.in_(old)
                )
            )
            gone = await conn.execute(sa.delete(fingerprints).where(expired))
        return int(gone.rowcount or 0)

    async def _verdict(self, conn: AsyncConnection, article_id: str) -> str | None:
        found = await conn.execute(
            sa.select(fingerprints.c.duplicate_of).where(
                self.db.mine(fingerprints), fingerprints.c.article_id == article_id
            )
        )
        row = found.first()
        return None if row is None else row.duplicate_of

    async def _known(self, conn: AsyncConnection, article_id: str) -> bool:
        found = await conn.execute(
            sa.select(fingerprints.c.article_id).where(
                self.db.mine(fingerprints), fingerprints.c.article_id == article_id
            )
        )
        return found.first() is not None

    async def _candidates(
        self, conn: AsyncConnection, fingerprint: Fingerprint
    ) -> list[tuple[Fingerprint, str | None]]:
        ids = set(await self._exact(conn, fingerprint.content_hash))
        if fingerprint.sketch:
            ids |= set(await self._sharing(conn, fingerprint.sketch))
        ids.discard(fingerprint.article_id)
        if not ids:
            return []
        rows = (
            await conn.execute(
                sa.select(fingerprints)
                .where(self.db.mine(fingerprints), fingerprints.c.article_id.in_(ids))
                .order_by(fingerprints.c.seen_at, fingerprints.c.article_id)
            )
        ).all()
        sketches = await self._sketches(conn, [row.article_id for row in rows])
        return [
            (
                Fingerprint(row.article_id, row.content_hash, sketches.get(row.article_id)),
                row.duplicate_of,
            )
            for row in rows
        ]

    async def _exact(self, conn: AsyncConnection, content_hash: str) -> list[str]:
        found = await conn.execute(
            sa.select(fingerprints.c.article_id)
            .where(self.db.mine(fingerprints), fingerprints.c.content_hash == content_hash)
            .limit(MAX_CANDIDATES)
        )
        return [row.article_id for row in found]

    async def _sharing(self, conn: AsyncConnection, sketch: tuple[int, ...]) -> list[str]:
        shared = sa.func.count()
        found = await conn.execute(
            sa.select(sketch_values.c.article_id)
            .where(
                self.db.mine(sketch_values),
                sketch_values.c.value.in_([minhash.to_signed(v) for v in sketch]),
            )
            .group_by(sketch_values.c.article_id)
            .having(shared >= min(MIN_SHARED_VALUES, len(sketch)))
            .order_by(shared.desc())
            .limit(MAX_CANDIDATES)
        )
        return [row.article_id for row in found]

    async def _sketches(
        self, conn: AsyncConnection, article_ids: list[str]
    ) -> dict[str, tuple[int, ...]]:
        found = await conn.execute(
            sa.select(sketch_values.c.article_id, sketch_values.c.value).where(
                self.db.mine(sketch_values), sketch_values.c.article_id.in_(article_ids)
            )
        )
        values: dict[str, list[int]] = {}
        for row in found:
            values.setdefault(row.article_id, []).append(minhash.from_signed(row.value))
        return {article_id: tuple(sorted(v)) for article_id, v in values.items()}
