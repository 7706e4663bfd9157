"""The fetcher's shared memory in SQL: seen URLs, per-source poll state, article fingerprints.

Why a database and not a compacted Kafka topic: replicas must *claim* URLs and source polls
atomically (``INSERT … ON CONFLICT DO NOTHING RETURNING``, ``UPDATE … WHERE lease expired``),
which a log cannot do without a consumer reading it all back first, and the near-duplicate
lookup needs an index by SimHash band. PostgreSQL (shared by every replica) in production,
SQLite for one process. The tables are the fetcher's own (``fetcher_*``); they are created if
missing, so the fetcher may share the store's database without touching its schema, and every
row carries a namespace (the deployment's topic prefix).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from newswire_fetcher import minhash
from newswire_fetcher.dedup import Fingerprint, find_original
from newswire_fetcher.errors import StateUnavailable
from newswire_fetcher.http import Validators

metadata = sa.MetaData()
# Every row belongs to a deployment, named by its topic prefix: deployments that share a
# database (as they may share a Kafka cluster) must not suppress each other's URLs or copies.
NAMESPACE = sa.String(100)

seen_urls = sa.Table(
    "fetcher_seen",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("url_key", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("source", sa.String(200)),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False, index=True),
)

sources = sa.Table(
    "fetcher_source_state",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("source_id", sa.String(200), primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("lease_until", sa.DateTime(timezone=True)),
)

fingerprints = sa.Table(
    "fetcher_fingerprint",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("duplicate_of", sa.String(64)),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Index("ix_fetcher_fingerprint_hash", "namespace", "content_hash"),
)

# One row per sketch value: the index on `value` finds articles sharing much of a sketch.
sketch_values = sa.Table(
    "fetcher_sketch",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, primary_key=True),
    sa.Index("ix_fetcher_sketch_value", "namespace", "value"),
)

# A copy shares most of its 64 sketch values with the original (~60 for a syndicated story);
# needing a quarter of them keeps the candidate list short without missing real copies.
MIN_SHARED_VALUES = minhash.K // 4
MAX_CANDIDATES = 50
CREATE_ATTEMPTS = 5


def url_key(url: str) -> str:
    """Fixed-size primary key for a URL of any length."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _insert(engine: AsyncEngine, table: sa.Table) -> Any:
    builders = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
    return builders[engine.dialect.name](table)


@dataclass(frozen=True, slots=True)
class SourceLease:
    """A source this replica may poll now, with what its last answer said about its version."""

    source_id: str
    validators: Validators


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes even for timezone=True columns.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


class FetcherState:
    """Seen URLs, source leases and fingerprints in one SQL database."""

    def __init__(self, engine: AsyncEngine, *, namespace: str = "") -> None:
        if engine.dialect.name not in ("postgresql", "sqlite"):
            raise ValueError(f"unsupported database {engine.dialect.name!r}")
        self.engine = engine
        self.namespace = namespace

    @classmethod
    def from_url(cls, url: str, *, namespace: str = "") -> FetcherState:
        """State on the database at ``url``, for the deployment named ``namespace``."""
        return cls(create_async_engine(url, pool_pre_ping=True), namespace=namespace)

    def _mine(self, table: sa.Table) -> sa.ColumnElement[bool]:
        return table.c.namespace == self.namespace

    async def create_tables(self) -> None:
        """Create the fetcher's tables if missing (replicas starting together may race)."""
        for attempt in range(CREATE_ATTEMPTS):
            try:
                async with self._begin() as conn:
                    await conn.run_sync(metadata.create_all)
                return
            except (StateUnavailable, IntegrityError, ProgrammingError):
                # Another replica created one between our check and our CREATE: look again.
                if attempt == CREATE_ATTEMPTS - 1:
                    raise

    async def close(self) -> None:
        await self.engine.dispose()

    @contextlib.asynccontextmanager
    async def _begin(self) -> AsyncIterator[AsyncConnection]:
        try:
            async with self.engine.begin() as conn:
                yield conn
        except (OperationalError, DBAPIError) as error:
            raise StateUnavailable(f"fetcher database unavailable: {error}") from error

    # Seen URLs ---------------------------------------------------------------------------

    async def claim(self, urls: Sequence[str], *, source: str | None = None) -> list[str]:
        """The URLs of ``urls`` nobody had claimed before, now claimed (order kept)."""
        distinct = list(dict.fromkeys(urls))
        if not distinct:
            return []
        now = _now()
        ns = self.namespace
        rows = [
            {"namespace": ns, "url_key": url_key(u), "url": u, "source": source, "seen_at": now}
            for u in distinct
        ]
        statement = (
            _insert(self.engine, seen_urls)
            .on_conflict_do_nothing(index_elements=["namespace", "url_key"])
            .returning(seen_urls.c.url_key)
        )
        async with self._begin() as conn:
            created: set[str] = set()
            for start in range(0, len(rows), 500):
                result = await conn.execute(statement, rows[start : start + 500])
                created.update(row[0] for row in result)
        return [u for u in distinct if url_key(u) in created]

    async def release(self, urls: Iterable[str]) -> None:
        """Forget claims whose fetch requests could not be published."""
        keys = [url_key(u) for u in urls]
        if keys:
            async with self._begin() as conn:
                await conn.execute(
                    sa.delete(seen_urls).where(self._mine(seen_urls), seen_urls.c.url_key.in_(keys))
                )

    async def is_seen(self, url: str) -> bool:
        async with self._begin() as conn:
            found = await conn.execute(
                sa.select(seen_urls.c.url_key).where(
                    self._mine(seen_urls), seen_urls.c.url_key == url_key(url)
                )
            )
            return found.first() is not None

    async def prune(self, *, older_than: dt.timedelta) -> int:
        """Forget URLs and fingerprints first seen longer ago than ``older_than``."""
        cutoff = _now() - older_than
        async with self._begin() as conn:
            gone = await conn.execute(
                sa.delete(seen_urls).where(self._mine(seen_urls), seen_urls.c.seen_at < cutoff)
            )
            expired = sa.and_(self._mine(fingerprints), fingerprints.c.seen_at < cutoff)
            old = sa.select(fingerprints.c.article_id).where(expired)
            await conn.execute(
                sa.delete(sketch_values).where(
                    self._mine(sketch_values), sketch_values.c.article_id.in_(old)
                )
            )
            await conn.execute(sa.delete(fingerprints).where(expired))
        return int(gone.rowcount or 0)

    # Sources -----------------------------------------------------------------------------

    async def add_sources(self, source_ids: Iterable[str], *, first_poll: dt.datetime) -> None:
        """Register sources (existing ones keep their schedule and validators)."""
        rows = [
            {"namespace": self.namespace, "source_id": s, "next_poll_at": first_poll}
            for s in dict.fromkeys(source_ids)
        ]
        if rows:
            statement = _insert(self.engine, sources).on_conflict_do_nothing(
                index_elements=["namespace", "source_id"]
            )
            async with self._begin() as conn:
                await conn.execute(statement, rows)

    async def lease(
        self, source_id: str, *, hold: dt.timedelta, now: dt.datetime | None = None
    ) -> SourceLease | None:
        """Take the source's poll if it is due and nobody holds it; None otherwise."""
        now = now or _now()
        due = sa.and_(
            self._mine(sources),
            sources.c.source_id == source_id,
            sources.c.next_poll_at <= now,
            sa.or_(sources.c.lease_until.is_(None), sources.c.lease_until < now),
        )
        async with self._begin() as conn:
            taken = await conn.execute(sa.update(sources).where(due).values(lease_until=now + hold))
            if taken.rowcount != 1:
                return None
            row = (
                await conn.execute(
                    sa.select(sources.c.etag, sources.c.last_modified).where(
                        self._mine(sources), sources.c.source_id == source_id
                    )
                )
            ).one()
        return SourceLease(source_id, Validators(row.etag, row.last_modified))

    async def finish(
        self, source_id: str, *, validators: Validators | None, next_poll_at: dt.datetime
    ) -> None:
        """Release a lease; ``validators`` None keeps the ones stored (e.g. after a failure)."""
        values: dict[str, Any] = {"next_poll_at": next_poll_at, "lease_until": None}
        if validators is not None:
            values.update(etag=validators.etag, last_modified=validators.last_modified)
        async with self._begin() as conn:
            await conn.execute(
                sa.update(sources)
                .where(self._mine(sources), sources.c.source_id == source_id)
                .values(**values)
            )

    async def next_poll_at(self, source_id: str) -> dt.datetime | None:
        async with self._begin() as conn:
            found = await conn.execute(
                sa.select(sources.c.next_poll_at).where(
                    self._mine(sources), sources.c.source_id == source_id
                )
            )
            return _aware(found.scalar_one_or_none())

    # Fingerprints ------------------------------------------------------------------------

    async def register(self, fingerprint: Fingerprint, *, min_similarity: float) -> str | None:
        """FingerprintIndex.register, shared by every replica through the database."""
        async with self._begin() as conn:
            if await self._known(conn, fingerprint.article_id):
                return await self._verdict(conn, fingerprint.article_id)
            earlier = await self._candidates(conn, fingerprint)
            original = find_original(fingerprint, earlier, min_similarity=min_similarity)
            inserted = await conn.execute(
                _insert(self.engine, fingerprints)
                .on_conflict_do_nothing(index_elements=["namespace", "article_id"])
                .values(
                    namespace=self.namespace,
                    article_id=fingerprint.article_id,
                    content_hash=fingerprint.content_hash,
                    duplicate_of=original,
                    seen_at=_now(),
                )
            )
            if inserted.rowcount != 1:
                # Another replica registered the same article a moment before us: its verdict.
                return await self._verdict(conn, fingerprint.article_id)
            if fingerprint.sketch:
                rows = [
                    {
                        "namespace": self.namespace,
                        "article_id": fingerprint.article_id,
                        "value": minhash.to_signed(v),
                    }
                    for v in fingerprint.sketch
                ]
                await conn.execute(sa.insert(sketch_values), rows)
        return original

    async def _verdict(self, conn: AsyncConnection, article_id: str) -> str | None:
        found = await conn.execute(
            sa.select(fingerprints.c.duplicate_of).where(
                self._mine(fingerprints), fingerprints.c.article_id == article_id
            )
        )
        row = found.first()
        return None if row is None else row.duplicate_of

    async def _known(self, conn: AsyncConnection, article_id: str) -> bool:
        found = await conn.execute(
            sa.select(fingerprints.c.article_id).where(
                self._mine(fingerprints), fingerprints.c.article_id == article_id
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
                .where(self._mine(fingerprints), fingerprints.c.article_id.in_(ids))
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
            .where(self._mine(fingerprints), fingerprints.c.content_hash == content_hash)
            .limit(MAX_CANDIDATES)
        )
        return [row.article_id for row in found]

    async def _sharing(self, conn: AsyncConnection, sketch: tuple[int, ...]) -> list[str]:
        shared = sa.func.count()
        found = await conn.execute(
            sa.select(sketch_values.c.article_id)
            .where(
                self._mine(sketch_values),
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
                self._mine(sketch_values), sketch_values.c.article_id.in_(article_ids)
            )
        )
        values: dict[str, list[int]] = {}
        for row in found:
            values.setdefault(row.article_id, []).append(minhash.from_signed(row.value))
        return {article_id: tuple(sorted(v)) for article_id, v in values.items()}
