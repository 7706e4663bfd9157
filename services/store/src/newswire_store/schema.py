"""The store's schema: articles and their versions, events with actors and quantities, and quotes,
as SQLAlchemy declarative classes (which Alembic compares) and as Core tables (which the reads and
writes use)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from newswire_runtime.sql import JSONType, UTCDateTime

# Indexes only one dialect can build (PostgreSQL's full-text GIN index); migrations create them,
# and schema comparisons must not report them as drift on either database.
DIALECT_SPECIFIC_INDEXES = frozenset({"ix_events_evidence_fts"})


def include_in_comparison(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic ``include_name`` hook: leave the dialect-specific indexes out of comparisons."""
    return not (type_ == "index" and name in DIALECT_SPECIFIC_INDEXES)


# Named constraints let Alembic's SQLite batch mode find and alter them in later migrations.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of the store's tables.

    Strings are TEXT: PostgreSQL enforces VARCHAR lengths, and the contracts promise none.
    """

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ArticleRow(Base):
    """One article, keyed by the id derived from its canonical URL."""

    __tablename__ = "articles"

    article_id: Mapped[str] = mapped_column(Text, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSONType)
    # The instant, which ordering and filters use; the column below keeps the publisher's offset.
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Minutes east of UTC that published_at was given with (+03:00 -> 180); NULL reads as UTC.
    published_utc_offset_min: Mapped[int | None] = mapped_column(Integer)
    modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    language: Mapped[str | None] = mapped_column(Text)
    site_name: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSONType)
    image_url: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(Text)
    # No foreign key: the original may never reach this store, or arrive later.
    duplicate_of: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class ArticleVersionRow(Base):
    """The text of each version of an article, so old evidence offsets stay checkable."""

    __tablename__ = "article_versions"

    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventRow(Base):
    """One event; the columns are for filtering, ``payload`` is the full contract record."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_article_id", "article_id"),
        Index("ix_events_event_type", "event_type"),
        # The API's order (newest first, then id) is also its cursor.
        Index("ix_events_occurred_date_event_id", "occurred_date", "event_id"),
        Index("ix_events_location_country", "location_country"),
        # bbox filters use its prefix; the console's map counts events per place from it alone.
        Index("ix_events_place", "lat", "lon", "location_name", "location_country"),
        # The console's timeline counts events per day and type from it alone.
        Index("ix_events_occurred_date_event_type", "occurred_date", "event_type"),
        # Incremental pulls (extracted_since, order=extracted) page by this.
        Index("ix_events_extracted_at_event_id", "extracted_at", "event_id"),
    )

    event_id: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.article_id", ondelete="CASCADE")
    )
    event_type: Mapped[str] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(Text)
    occurred_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(Text)
    location_name: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    negated: Mapped[bool] = mapped_column(Boolean)
    future: Mapped[bool] = mapped_column(Boolean)
    hypothetical: Mapped[bool] = mapped_column(Boolean)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    extractor: Mapped[str] = mapped_column(Text)
    extracted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventActorRow(Base):
    """An actor or target of an event, one row each, so country filters use an index."""

    __tablename__ = "event_actors"
    __table_args__ = (
        Index("ix_event_actors_country_role", "country", "role"),
        Index("ix_event_actors_name_key_role", "name_key", "role"),
    )

    event_id: Mapped[str] = mapped_column(
        Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(Text, primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # name.casefold(), computed in Python so both databases match names the same way.
    name_key: Mapped[str] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)


class EventQuantityRow(Base):
    """A counted amount of an event ('nearly 400 children'), so counts can be filtered."""

    __tablename__ = "event_quantities"
    __table_args__ = (Index("ix_event_quantities_category", "category"),)

    event_id: Mapped[str] = mapped_column(
        Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    approximate: Mapped[bool] = mapped_column(Boolean)
    unit: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class QuoteRow(Base):
    """A direct quote in an article, in reading order."""

    __tablename__ = "quotes"

    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    speaker_country: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


# Core handles on the same tables, for the statements that do not need the ORM.
ARTICLES: Table = Base.metadata.tables["articles"]
ARTICLE_VERSIONS: Table = Base.metadata.tables["article_versions"]
EVENTS: Table = Base.metadata.tables["events"]
EVENT_ACTORS: Table = Base.metadata.tables["event_actors"]
EVENT_QUANTITIES: Table = Base.metadata.tables["event_quantities"]
QUOTES: Table = Base.metadata.tables["quotes"]
