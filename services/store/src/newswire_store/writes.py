"""The store's writes: EventStore adds idempotent upserts of articles and extractions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Table, case, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from newswire_contracts import ArticleV1, EventsExtractedV1
from newswire_runtime.sql import Upsert, check_dialect, create_engine, upsert
from newswire_store.mapping import (
    ARTICLE_COLUMNS,
    Row,
    article_row,
    extraction_rows,
    latest_per_article,
)
from newswire_store.reads import StoreReads
from newswire_store.schema import (
    ARTICLE_VERSIONS,
    ARTICLES,
    EVENT_ACTORS,
    EVENT_QUANTITIES,
    EVENTS,
    QUOTES,
)


class EventStore(StoreReads):
    """Persists extraction results and answers queries; safe to call again with the same input."""

    def __init__(self, engine: AsyncEngine) -> None:
        check_dialect(engine)
        super().__init__(engine)

    @classmethod
    def from_url(cls, url: str, **engine_options: Any) -> EventStore:
        """A store on a new engine; 'postgresql://' and 'sqlite:///' URLs get async drivers."""
        return cls(create_engine(url, **engine_options))

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def upsert_article(self, article: ArticleV1) -> None:
        """Insert or update the article; the version goes up only when its content_hash changes."""
        async with self._engine.begin() as conn:
            await self._upsert_articles(conn, [article])

    async def save_extraction(self, msg: EventsExtractedV1) -> None:
        """Replace the article's events and quotes with the message's, in one transaction."""
        await self.save_extractions([msg])

    async def save_extractions(self, msgs: Iterable[EventsExtractedV1]) -> None:
        """Apply a batch (e.g. one consumer poll) in one transaction: all of it or none of it.

        An article that appears twice ends up as its later message says.
        """
        batch = latest_per_article(msgs)
        for msg in batch:
            _check_consistent(msg)
        if not batch:
            return
        rows = extraction_rows(batch)
        async with self._engine.begin() as conn:
            # The upsert comes first: on PostgreSQL it locks the article rows, which serialises
            # two replicas replacing the same article's events during a consumer rebalance.
            await self._upsert_articles(conn, [msg.article for msg in batch])
            await conn.execute(delete(EVENTS).where(EVENTS.c.article_id.in_(rows.article_ids)))
            await conn.execute(delete(QUOTES).where(QUOTES.c.article_id.in_(rows.article_ids)))
            await _insert_all(conn, EVENTS, rows.events)
            await _insert_all(conn, EVENT_ACTORS, rows.actors)
            await _insert_all(conn, EVENT_QUANTITIES, rows.quantities)
            await _insert_all(conn, QUOTES, rows.quotes)

    async def close(self) -> None:
        """Close every pooled connection."""
        await self._engine.dispose()

    async def _upsert_articles(self, conn: AsyncConnection, articles: Sequence[ArticleV1]) -> None:
        now = datetime.now(UTC)
        await conn.execute(self._articles_upsert([article_row(a, now) for a in articles]))
        await conn.execute(self._versions_insert([a.article_id for a in articles]))

    def _versions_insert(self, article_ids: list[str]) -> Upsert:
        # Copies each article's current version; a version already recorded is left alone, so
        # only a first sighting or a changed text adds a row.
        names = ["article_id", "version", "content_hash", "title", "text", "modified_at"]
        current = select(*(ARTICLES.c[name] for name in names), ARTICLES.c.updated_at).where(
            ARTICLES.c.article_id.in_(article_ids)
        )
        stmt = upsert(self.dialect, ARTICLE_VERSIONS).from_select([*names, "recorded_at"], current)
        return stmt.on_conflict_do_nothing(index_elements=["article_id", "version"])

    def _articles_upsert(self, rows: list[Row]) -> Upsert:
        stmt = upsert(self.dialect, ARTICLES).values(rows)
        new, old = stmt.excluded, ARTICLES.c
        content_changed = old.content_hash.is_distinct_from(new.content_hash)
        return stmt.on_conflict_do_update(
            index_elements=[old.article_id],
            set_={
                **{name: new[name] for name in ARTICLE_COLUMNS if name != "article_id"},
                "updated_at": new.updated_at,
                "version": case((content_changed, old.version + 1), else_=old.version),
            },
            # An unchanged redelivery writes nothing, so updated_at means "last changed".
            where=or_(*(old[name].is_distinct_from(new[name]) for name in ARTICLE_COLUMNS)),
        )


def _check_consistent(msg: EventsExtractedV1) -> None:
    if msg.article_id != msg.article.article_id:
        raise ValueError(
            f"message article_id {msg.article_id!r} differs from its article's "
            f"{msg.article.article_id!r}"
        )


async def _insert_all(conn: AsyncConnection, table: Table, rows: list[Row]) -> None:
    if rows:
        await conn.execute(insert(table), rows)
