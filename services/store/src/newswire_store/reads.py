"""The store's reads: event pages, streams and counts, events and articles by id, readiness."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from newswire_contracts import ArticleV1, Event
from newswire_store.filters import Cursor, EventFilter, Order
from newswire_store.mapping import article_from_row
from newswire_store.readmodels import (
    ArticleRecord,
    ArticleVersion,
    DayCount,
    EventPage,
    EventStats,
    Place,
    Places,
    StoredEvent,
    StoredQuote,
    Timeline,
    TimelineCount,
    TypeCount,
)
from newswire_store.schema import ARTICLE_VERSIONS, ARTICLES, EVENTS, QUOTES
from newswire_store.selects import (
    events_select,
    page_select,
    places_selects,
    stats_selects,
    stored_event,
    timeline_select,
)


class StoreReads:
    """Read queries over the store's engine; EventStore adds the writes."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    @property
    def engine(self) -> AsyncEngine:
        return self._engine

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    async def search_events(
        self,
        flt: EventFilter,
        *,
        limit: int = 50,
        cursor: Cursor | None = None,
        order: Order = "occurred",
    ) -> EventPage:
        """One page of the events ``flt`` selects in ``order`` (newest first by default), and
        the next page's cursor."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        if cursor is not None and cursor.order != order:
            raise ValueError(f"a cursor of order={cursor.order} cannot page order={order}")
        async with self._engine.connect() as conn:
            result = await conn.execute(page_select(flt, self.dialect, cursor, limit, order))
            rows = result.mappings().all()
        items = [stored_event(row) for row in rows[:limit]]
        following = None
        if len(rows) > limit:
            last = rows[limit - 1]
            following = Cursor.of(
                order, last["occurred_date"], last["extracted_at"], last["payload"]["event_id"]
            ).encode()
        return EventPage(items=items, next_cursor=following)

    async def stream_events(
        self, flt: EventFilter, *, chunk: int = 500, order: Order = "occurred"
    ) -> AsyncIterator[StoredEvent]:
        """Every event ``flt`` selects, in ``order``, fetched ``chunk`` rows at a time.

        PostgreSQL reads through a server-side cursor, so memory stays flat however many
        events match; the connection is held until the iteration ends or is closed.
        """
        stmt = events_select(flt, self.dialect, order).execution_options(yield_per=chunk)
        async with self._engine.connect() as conn:
            result = await conn.stream(stmt)
            async for row in result.mappings():
                yield stored_event(row)

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
        flt = EventFilter(
            event_type=event_type, country=country, since=since, article_id=article_id
        )
        if limit < 1:
            raise ValueError("limit must be at least 1")
        stmt = events_select(flt, self.dialect).limit(limit)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(stmt)).mappings().all()
        return [Event.model_validate(row["payload"]) for row in rows]

    async def get_event(self, event_id: str) -> StoredEvent | None:
        """The stored event with its article reference, or None."""
        stmt = events_select(EventFilter(), self.dialect).where(EVENTS.c.event_id == event_id)
        async with self._engine.connect() as conn:
            row = (await conn.execute(stmt)).mappings().first()
        return None if row is None else stored_event(row)

    async def get_article(self, article_id: str) -> ArticleV1 | None:
        """The stored article, or None."""
        stmt = select(ARTICLES).where(ARTICLES.c.article_id == article_id)
        async with self._engine.connect() as conn:
            row = (await conn.execute(stmt)).mappings().first()
        return None if row is None else article_from_row(row)

    async def get_article_record(self, article_id: str) -> ArticleRecord | None:
        """The article with its versions, quotes and event count, or None."""
        async with self._engine.connect() as conn:
            stmt = select(ARTICLES).where(ARTICLES.c.article_id == article_id)
            row = (await conn.execute(stmt)).mappings().first()
            if row is None:
                return None
            versions = await conn.execute(
                select(ARTICLE_VERSIONS)
                .where(ARTICLE_VERSIONS.c.article_id == article_id)
                .order_by(ARTICLE_VERSIONS.c.version)
            )
            quotes = await conn.execute(
                select(QUOTES).where(QUOTES.c.article_id == article_id).order_by(QUOTES.c.idx)
            )
            events = await conn.scalar(
                select(func.count()).select_from(EVENTS).where(EVENTS.c.article_id == article_id)
            )
        return ArticleRecord(
            article=article_from_row(row),
            version=row["version"],
            first_seen_at=row["first_seen_at"],
            updated_at=row["updated_at"],
            versions=[ArticleVersion.model_validate(v) for v in versions.mappings()],
            quotes=[StoredQuote.model_validate(q) for q in quotes.mappings()],
            event_count=int(events or 0),
        )

    async def stats(self, flt: EventFilter) -> EventStats:
        """How many events ``flt`` selects, by type and by day."""
        by_type_stmt, by_day_stmt = stats_selects(flt, self.dialect)
        async with self._engine.connect() as conn:
            by_type = [
                TypeCount(event_type=t, count=n) for t, n in await conn.execute(by_type_stmt)
            ]
            by_day = [DayCount(date=d, count=n) for d, n in await conn.execute(by_day_stmt)]
        return EventStats(total=sum(c.count for c in by_type), by_type=by_type, by_day=by_day)

    async def timeline(self, flt: EventFilter) -> Timeline:
        """How many events ``flt`` selects, by day and type."""
        async with self._engine.connect() as conn:
            rows = (await conn.execute(timeline_select(flt, self.dialect))).all()
        counts = [TimelineCount(date=d, event_type=t, count=n) for d, t, n in rows if d]
        undated = sum(n for d, _, n in rows if d is None)
        return Timeline(total=sum(n for *_, n in rows), undated=undated, counts=counts)

    async def places(self, flt: EventFilter, *, limit: int = 1000) -> Places:
        """Where the events ``flt`` selects took place: up to ``limit`` points, busiest first."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        places_stmt, totals_stmt = places_selects(flt, self.dialect, limit)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(places_stmt)).all()
            located, total = (await conn.execute(totals_stmt)).one()
        points = [
            Place(lat=lat, lon=lon, name=name, country=country, count=n)
            for lat, lon, name, country, n in rows[:limit]
        ]
        return Places(
            total=int(total), located=int(located), places=points, truncated=len(rows) > limit
        )

    async def count(self) -> tuple[int, int]:
        """How many (articles, events) are stored."""
        async with self._engine.connect() as conn:
            articles = await conn.scalar(select(func.count()).select_from(ARTICLES))
            events = await conn.scalar(select(func.count()).select_from(EVENTS))
        return int(articles or 0), int(events or 0)

    async def revision(self) -> str | None:
        """The schema revision the database is at (None before migrations); raises if it is down."""
        async with self._engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
