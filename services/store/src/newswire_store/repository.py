"""EventStore: idempotent writes and filtered reads of articles and events over async SQLAlchemy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Self

from sqlalchemy import ColumnElement, Table, case, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from newswire_contracts import ArticleV1, Event, EventsExtractedV1
from newswire_store.engine import SUPPORTED_DIALECTS, create_engine
from newswire_store.mapping import (
    ARTICLE_FIELDS,
    Row,
    article_from_row,
    article_row,
    extraction_rows,
    latest_per_article,
)
from newswire_store.models import Base

ARTICLES: Table = Base.metadata.tables["articles"]
EVENTS: Table = Base.metadata.tables["events"]
EVENT_ACTORS: Table = Base.metadata.tables["event_actors"]
QUOTES: Table = Base.metadata.tables["quotes"]

_Upsert = postgresql.Insert | sqlite.Insert
_UPSERT_INSERTS: dict[str, Callable[[Table], _Upsert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


class EventStore:
    """Persists extraction results and answers queries; safe to call again with the same input."""

    def __init__(self, engine: AsyncEngine) -> None:
        dialect = engine.dialect.name
        if dialect not in SUPPORTED_DIALECTS:
            raise ValueError(f"unsupported database {dialect!r}; use PostgreSQL or SQLite")
        self._engine = engine
        self._dialect_insert = _UPSERT_INSERTS[dialect]

    @classmethod
    def from_url(cls, url: str) -> EventStore:
        """A store on a new engine; 'postgresql://' and 'sqlite:///' URLs get async drivers."""
        return cls(create_engine(url))

    @property
    def engine(self) -> AsyncEngine:
        return self._engine

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
            await _insert_all(conn, QUOTES, rows.quotes)

    async def list_events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        since: date | None = None,
        article_id: str | None = None,
        limit: int = 100,
    ) -> list[Event]:
        """Events newest first (undated last, then by event_id); country is actor or target."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        stmt = (
            select(EVENTS.c.payload)
            .where(*_event_filters(event_type, country, since, article_id))
            .order_by(EVENTS.c.occurred_date.desc().nulls_last(), EVENTS.c.event_id)
            .limit(limit)
        )
        async with self._engine.connect() as conn:
            payloads = (await conn.execute(stmt)).scalars().all()
        return [Event.model_validate(payload) for payload in payloads]

    async def get_article(self, article_id: str) -> ArticleV1 | None:
        """The stored article, or None."""
        stmt = select(ARTICLES).where(ARTICLES.c.article_id == article_id)
        async with self._engine.connect() as conn:
            row = (await conn.execute(stmt)).mappings().first()
        return None if row is None else article_from_row(row)

    async def count(self) -> tuple[int, int]:
        """How many (articles, events) are stored."""
        async with self._engine.connect() as conn:
            articles = await conn.scalar(select(func.count()).select_from(ARTICLES))
            events = await conn.scalar(select(func.count()).select_from(EVENTS))
        return int(articles or 0), int(events or 0)

    async def close(self) -> None:
        """Close every pooled connection."""
        await self._engine.dispose()

    async def _upsert_articles(self, conn: AsyncConnection, articles: Sequence[ArticleV1]) -> None:
        now = datetime.now(UTC)
        await conn.execute(self._articles_upsert([article_row(a, now) for a in articles]))

    def _articles_upsert(self, rows: list[Row]) -> _Upsert:
        stmt = self._dialect_insert(ARTICLES).values(rows)
        new, old = stmt.excluded, ARTICLES.c
        content_changed = old.content_hash.is_distinct_from(new.content_hash)
        return stmt.on_conflict_do_update(
            index_elements=[old.article_id],
            set_={
                **{name: new[name] for name in ARTICLE_FIELDS if name != "article_id"},
                "updated_at": new.updated_at,
                "version": case((content_changed, old.version + 1), else_=old.version),
            },
            # An unchanged redelivery writes nothing, so updated_at means "last changed".
            where=or_(*(old[name].is_distinct_from(new[name]) for name in ARTICLE_FIELDS)),
        )


def _check_consistent(msg: EventsExtractedV1) -> None:
    if msg.article_id != msg.article.article_id:
        raise ValueError(
            f"message article_id {msg.article_id!r} differs from its article's "
            f"{msg.article.article_id!r}"
        )


def _event_filters(
    event_type: str | None, country: str | None, since: date | None, article_id: str | None
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if event_type is not None:
        filters.append(EVENTS.c.event_type == event_type.upper())
    if country is not None:
        involved = select(EVENT_ACTORS.c.event_id).where(EVENT_ACTORS.c.country == country.upper())
        filters.append(EVENTS.c.event_id.in_(involved))
    if since is not None:
        filters.append(EVENTS.c.occurred_date >= since)
    if article_id is not None:
        filters.append(EVENTS.c.article_id == article_id)
    return filters


async def _insert_all(conn: AsyncConnection, table: Table, rows: list[Row]) -> None:
    if rows:
        await conn.execute(insert(table), rows)
