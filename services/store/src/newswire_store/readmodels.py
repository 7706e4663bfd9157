"""What the store's reads return: events with their article and bookkeeping, pages and counts."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from newswire_contracts import ArticleV1, Event


class ArticleRef(BaseModel):
    """The article an event was reported in, enough to cite and open it."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    url: str = Field(description="The URL the article was fetched from.")
    canonical_url: str
    title: str | None = None
    published_at: datetime | None = None
    site_name: str | None = None


class StoredEvent(Event):
    """An event as stored: the contract record plus its article and who extracted it when."""

    article: ArticleRef
    extractor: str = Field(description="Backend and version, e.g. 'rules/0.1.0'.")
    extracted_at: datetime


class EventPage(BaseModel):
    """One page of events and the cursor of the next one (null on the last page)."""

    items: list[StoredEvent]
    next_cursor: str | None = Field(
        default=None, description="Pass as ?cursor= to get the next page; null when done."
    )


class ArticleVersion(BaseModel):
    """A stored version of an article's text (a new one whenever its content hash changed)."""

    version: int
    content_hash: str | None
    title: str | None
    recorded_at: datetime


class StoredQuote(BaseModel):
    """A direct quote in an article, with its speaker as normalized."""

    text: str
    speaker_name: str | None
    speaker_country: str | None
    cue: str | None
    start: int
    end: int


class ArticleRecord(BaseModel):
    """An article with its version history, its quotes and how many events it reports."""

    article: ArticleV1
    version: int
    first_seen_at: datetime
    updated_at: datetime
    versions: list[ArticleVersion]
    quotes: list[StoredQuote]
    event_count: int


class TypeCount(BaseModel):
    event_type: str
    count: int


class DayCount(BaseModel):
    date: dt.date | None = Field(description="The day the events occurred; null for undated ones.")
    count: int


class EventStats(BaseModel):
    """Counts of the events a filter selects, by PLOVER type and by day."""

    total: int
    by_type: list[TypeCount]
    by_day: list[DayCount]


class TimelineCount(BaseModel):
    """How many events of one type occurred on one day."""

    date: dt.date
    event_type: str
    count: int


class Timeline(BaseModel):
    """Counts of the events a filter selects by day and PLOVER type, oldest day first."""

    total: int
    undated: int = Field(description="Matching events with no known date (not in ``counts``).")
    counts: list[TimelineCount]


class Place(BaseModel):
    """A point where events took place, and how many of the matching events did."""

    lat: float
    lon: float
    name: str | None
    country: str | None = Field(description="ISO 3166-1 alpha-3 of the place, or null.")
    count: int


class Places(BaseModel):
    """The places of the events a filter selects, most events first."""

    total: int
    located: int = Field(description="Matching events that have coordinates.")
    places: list[Place]
    truncated: bool = Field(description="True when more places matched than were returned.")
