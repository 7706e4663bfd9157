"""What a reader asks of the store: event filters, a bounding box and the page cursor; no I/O.

The API, ``newswire events`` and ``newswire export`` all build an :class:`EventFilter`, so they
answer the same question the same way.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from newswire_contracts.messages import EVENT_TYPES

_COUNTRY = re.compile(r"^[A-Za-z]{3}$")

Order = Literal["occurred", "extracted"]
"""``occurred``: newest event date first, undated last, then by id (the default).
``extracted``: oldest ``extracted_at`` first, then by id, for incremental pulls."""
ORDERS: tuple[Order, ...] = ("occurred", "extracted")


class QueryError(ValueError):
    """A filter or cursor that cannot be understood; the caller's mistake, never the store's."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class BBox:
    """A box in WGS84 degrees; ``west > east`` means it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        if not (-180 <= self.west <= 180 and -180 <= self.east <= 180):
            raise QueryError("bbox longitudes must lie in [-180, 180]", field="bbox")
        if not (-90 <= self.south <= self.north <= 90):
            raise QueryError(
                "bbox latitudes must lie in [-90, 90] with south <= north", field="bbox"
            )

    @classmethod
    def parse(cls, text: str) -> BBox:
        """A box from 'west,south,east,north' (the order GeoJSON and most map tools use)."""
        parts = text.split(",")
        if len(parts) != 4:
            raise QueryError("bbox is west,south,east,north", field="bbox")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise QueryError("bbox values must be numbers", field="bbox") from None
        return cls(west, south, east, north)


def _country(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not _COUNTRY.match(value):
        raise QueryError(f"{name} must be an ISO 3166-1 alpha-3 code such as 'UKR'", field=name)
    return value.upper()


def _event_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in EVENT_TYPES:
        raise QueryError(f"type must be one of {', '.join(EVENT_TYPES)}", field="type")
    return value.upper()


@dataclass(frozen=True)
class EventFilter:
    """Conditions an event must meet; every field is optional and they combine with AND.

    ``country`` matches an actor or a target, ``actor`` a normalized actor or target name
    (case-insensitive, whole name), ``text`` the evidence sentence (full-text on PostgreSQL,
    every word as a substring on SQLite). Dates are inclusive and exclude undated events.
    ``extracted_since`` keeps events extracted at or after that instant (a naive value is UTC),
    like polling GDELT by DATEADDED.
    """

    event_type: str | None = None
    country: str | None = None
    actor_country: str | None = None
    target_country: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    place_country: str | None = None
    bbox: BBox | None = None
    text: str | None = None
    article_id: str | None = None
    extracted_since: datetime | None = None

    def __post_init__(self) -> None:
        # Normalised here so every caller gets the same validation and matching.
        set_ = object.__setattr__
        set_(self, "event_type", _event_type(self.event_type))
        set_(self, "country", _country(self.country, "country"))
        set_(self, "actor_country", _country(self.actor_country, "actor_country"))
        set_(self, "target_country", _country(self.target_country, "target_country"))
        set_(self, "place_country", _country(self.place_country, "place_country"))
        for name in ("actor", "text", "article_id"):
            value = getattr(self, name)
            if value is not None and "\x00" in value:
                raise QueryError(f"{name} must not contain NUL characters", field=name)
        if self.text is not None and not self.text.strip():
            set_(self, "text", None)
        if self.extracted_since is not None:
            set_(self, "extracted_since", _utc(self.extracted_since))


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last event seen, in the page's order.

    In the ``occurred`` order (the default) that is its date and id; in the ``extracted`` order,
    its ``extracted_at`` and id. A cursor only continues the order it was made in.
    """

    occurred_date: date | None
    event_id: str
    extracted_at: datetime | None = None

    @property
    def order(self) -> Order:
        return "occurred" if self.extracted_at is None else "extracted"

    @classmethod
    def of(cls, order: Order, occurred: date | None, extracted: datetime, event_id: str) -> Cursor:
        """The cursor after an event with these keys, in ``order``."""
        if order == "extracted":
            return cls(None, event_id, _utc(extracted))
        return cls(occurred, event_id)

    def encode(self) -> str:
        if self.extracted_at is not None:
            fields: list[str | None] = ["x", self.extracted_at.isoformat(), self.event_id]
        else:
            day = self.occurred_date.isoformat() if self.occurred_date else None
            fields = [day, self.event_id]
        raw = json.dumps(fields, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, order: Order = "occurred") -> Cursor:
        """The cursor a previous page in ``order`` returned; QueryError if it was not."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            fields = json.loads(raw)
            if not isinstance(fields, list):
                raise TypeError(fields)
            cursor = cls._from_fields(fields)
        except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
            raise QueryError("cursor is not one this API returned", field="cursor") from None
        if cursor.order != order:
            raise QueryError(f"cursor was made for order={cursor.order}", field="cursor")
        return cursor

    @classmethod
    def _from_fields(cls, fields: list[object]) -> Cursor:
        if len(fields) == 3 and fields[0] == "x":
            _, moment, event_id = fields
            if not isinstance(moment, str):
                raise TypeError(moment)
            extracted = datetime.fromisoformat(moment)
            if extracted.tzinfo is None:
                raise ValueError(moment)
            return cls(None, _event_id(event_id), extracted)
        day, event_id = fields
        if day is not None and not isinstance(day, str):
            raise TypeError(day)
        return cls(date.fromisoformat(day) if day is not None else None, _event_id(event_id))


def _event_id(value: object) -> str:
    if not isinstance(value, str) or "\x00" in value:
        raise TypeError(value)
    return value
