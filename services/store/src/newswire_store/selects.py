"""SQL for the read side: an EventFilter and a cursor become SELECTs, on PostgreSQL or SQLite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, or_, select

from newswire_store.filters import BBox, Cursor, EventFilter, Order
from newswire_store.mapping import name_key, with_utc_offset
from newswire_store.readmodels import ArticleRef, StoredEvent
from newswire_store.schema import ARTICLES, EVENT_ACTORS, EVENTS

# Must be spelled as in the ix_events_evidence_fts index, or PostgreSQL will not use it.
_TS_CONFIG: ColumnElement[Any] = literal_column("'english'::regconfig")

# Newest first, undated last, then by id: a total order, so it can be paged by cursor.
ORDER = (EVENTS.c.occurred_date.desc().nulls_last(), EVENTS.c.event_id)
# Oldest extraction first, then by id: what an incremental pull pages through.
EXTRACTED_ORDER = (EVENTS.c.extracted_at, EVENTS.c.event_id)
ORDERS: dict[Order, tuple[ColumnElement[Any], ...]] = {
    "occurred": ORDER,
    "extracted": EXTRACTED_ORDER,
}

EVENT_COLUMNS = (
    EVENTS.c.payload,
    EVENTS.c.occurred_date,
    EVENTS.c.extractor,
    EVENTS.c.extracted_at,
    EVENTS.c.article_id,
    ARTICLES.c.url,
    ARTICLES.c.canonical_url,
    ARTICLES.c.title,
    ARTICLES.c.published_at,
    ARTICLES.c.published_utc_offset_min,
    ARTICLES.c.site_name,
)


def events_select(flt: EventFilter, dialect: str, order: Order = "occurred") -> Select[Any]:
    """Every event the filter selects, with its article, in ``order``."""
    return (
        select(*EVENT_COLUMNS)
        .join(ARTICLES, ARTICLES.c.article_id == EVENTS.c.article_id)
        .where(*conditions(flt, dialect))
        .order_by(*ORDERS[order])
    )


def page_select(
    flt: EventFilter,
    dialect: str,
    cursor: Cursor | None,
    limit: int,
    order: Order = "occurred",
) -> Select[Any]:
    """One page: ``limit + 1`` rows, the extra one telling whether another page follows."""
    stmt = events_select(flt, dialect, order)
    if cursor is not None:
        stmt = stmt.where(after(cursor))
    return stmt.limit(limit + 1)


def stored_event(row: Mapping[str, Any]) -> StoredEvent:
    """The read model of one row of EVENT_COLUMNS."""
    article = ArticleRef(
        article_id=row["article_id"],
        url=row["url"],
        canonical_url=row["canonical_url"],
        title=row["title"],
        published_at=with_utc_offset(row["published_at"], row["published_utc_offset_min"]),
        site_name=row["site_name"],
    )
    return StoredEvent.model_validate(
        {
            **row["payload"],
            "article": article,
            "extractor": row["extractor"],
            "extracted_at": row["extracted_at"],
        }
    )


def after(cursor: Cursor) -> ColumnElement[bool]:
    """Events that come after the cursor in its order."""
    day, event_id = EVENTS.c.occurred_date, EVENTS.c.event_id
    if cursor.extracted_at is not None:
        moment = EVENTS.c.extracted_at
        return or_(
            moment > cursor.extracted_at,
            and_(moment == cursor.extracted_at, event_id > cursor.event_id),
        )
    if cursor.occurred_date is None:
        return and_(day.is_(None), event_id > cursor.event_id)
    return or_(
        day < cursor.occurred_date,
        and_(day == cursor.occurred_date, event_id > cursor.event_id),
        day.is_(None),
    )


def conditions(flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter."""
    where: list[ColumnElement[bool]] = []
    if flt.event_type is not None:
        where.append(EVENTS.c.event_type == flt.event_type)
    if flt.country is not None:
        where.append(_involving(EVENT_ACTORS.c.country == flt.country))
    if flt.actor_country is not None:
        where.append(_involving(EVENT_ACTORS.c.country == flt.actor_country, "actor"))
    if flt.target_country is not None:
        where.append(_involving(EVENT_ACTORS.c.country == flt.target_country, "target"))
    if flt.actor is not None:
        where.append(_involving(EVENT_ACTORS.c.name_key == name_key(flt.actor)))
    if flt.since is not None:
        where.append(EVENTS.c.occurred_date >= flt.since)
    if flt.until is not None:
        where.append(EVENTS.c.occurred_date <= flt.until)
    if flt.place_country is not None:
        where.append(EVENTS.c.location_country == flt.place_country)
    if flt.bbox is not None:
        where.append(_inside(flt.bbox))
    if flt.text is not None:
        where.append(_matching(flt.text, dialect))
    if flt.article_id is not None:
        where.append(EVENTS.c.article_id == flt.article_id)
    if flt.extracted_since is not None:
        where.append(EVENTS.c.extracted_at >= flt.extracted_since)
    return where


def _involving(condition: ColumnElement[bool], role: str | None = None) -> ColumnElement[bool]:
    extra = [] if role is None else [EVENT_ACTORS.c.role == role]
    return EVENTS.c.event_id.in_(select(EVENT_ACTORS.c.event_id).where(condition, *extra))


def _inside(box: BBox) -> ColumnElement[bool]:
    lat, lon = EVENTS.c.lat, EVENTS.c.lon
    lon_ok: ColumnElement[bool]
    if box.west <= box.east:
        lon_ok = lon.between(box.west, box.east)
    else:  # crosses the antimeridian, e.g. Fiji: 177,-20,-178,-15
        lon_ok = or_(lon >= box.west, lon <= box.east)
    return and_(lat.between(box.south, box.north), lon_ok)


def _matching(text: str, dialect: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        # websearch_to_tsquery accepts anything a person types ("quoted phrases", -not, or).
        vector = func.to_tsvector(_TS_CONFIG, EVENTS.c.evidence_text)
        return vector.bool_op("@@")(func.websearch_to_tsquery(_TS_CONFIG, text))
    words = text.split()
    return and_(*(EVENTS.c.evidence_text.icontains(w, autoescape=True) for w in words))


def stats_selects(flt: EventFilter, dialect: str) -> tuple[Select[Any], Select[Any]]:
    """Counts of the filtered events by type and by day (undated events count as one day)."""
    where = conditions(flt, dialect)
    count = func.count().label("count")
    by_type = (
        select(EVENTS.c.event_type, count)
        .where(*where)
        .group_by(EVENTS.c.event_type)
        .order_by(count.desc(), EVENTS.c.event_type)
    )
    by_day = (
        select(EVENTS.c.occurred_date, count)
        .where(*where)
        .group_by(EVENTS.c.occurred_date)
        .order_by(EVENTS.c.occurred_date.desc().nulls_last())
    )
    return by_type, by_day


def timeline_select(flt: EventFilter, dialect: str) -> Select[Any]:
    """Counts of the filtered events by day and type, oldest day first (undated rows last)."""
    count = func.count().label("count")
    day, kind = EVENTS.c.occurred_date, EVENTS.c.event_type
    return (
        select(day, kind, count)
        .where(*conditions(flt, dialect))
        .group_by(day, kind)
        .order_by(day.asc().nulls_last(), kind)
    )


def places_selects(flt: EventFilter, dialect: str, limit: int) -> tuple[Select[Any], Select[Any]]:
    """The filtered events' places with coordinates, most events first (``limit + 1`` rows, to
    tell truncation), and the counts of events with and without coordinates."""
    where = conditions(flt, dialect)
    count = func.count().label("count")
    keys = (EVENTS.c.lat, EVENTS.c.lon, EVENTS.c.location_name, EVENTS.c.location_country)
    places = (
        select(*keys, count)
        .where(*where, EVENTS.c.lat.is_not(None), EVENTS.c.lon.is_not(None))
        .group_by(*keys)
        .order_by(count.desc(), *keys)
        .limit(limit + 1)
    )
    has_point = and_(EVENTS.c.lat.is_not(None), EVENTS.c.lon.is_not(None))
    located = func.coalesce(func.sum(case((has_point, 1), else_=0)), 0).label("located")
    totals = select(located, func.count().label("total")).where(*where)
    return places, totals
