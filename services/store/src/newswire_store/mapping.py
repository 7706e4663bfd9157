"""Pure translation between contract records and table rows (plain dicts); no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from newswire_contracts import Actor, ArticleV1, Event, EventsExtractedV1, Quantity, Quote

ARTICLE_FIELDS: tuple[str, ...] = tuple(ArticleV1.model_fields)
# The column beside published_at (an instant) that keeps the offset the publisher gave.
PUBLISHED_OFFSET = "published_utc_offset_min"
# The articles columns an article's content sets: its fields and its publication offset.
ARTICLE_COLUMNS: tuple[str, ...] = (*ARTICLE_FIELDS, PUBLISHED_OFFSET)

Row = dict[str, Any]


def utc_offset_minutes(moment: datetime | None) -> int | None:
    """Minutes east of UTC of an aware datetime (``+03:00`` -> 180), or None without one."""
    offset = moment.utcoffset() if moment is not None else None
    return None if offset is None else int(offset.total_seconds() // 60)


def with_utc_offset(moment: datetime | None, minutes: int | None) -> datetime | None:
    """The same instant in the publisher's offset; a NULL offset (rows older than it) is UTC."""
    if moment is None or minutes is None:
        return moment
    return moment.astimezone(timezone(timedelta(minutes=minutes)))


def article_row(article: ArticleV1, now: datetime) -> Row:
    """The articles row of a first sighting; on conflict the upsert keeps the stored bookkeeping."""
    row: Row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row[PUBLISHED_OFFSET] = utc_offset_minutes(article.published_at)
    row.update(first_seen_at=now, updated_at=now, version=1)
    return row


def article_from_row(row: Mapping[Any, Any]) -> ArticleV1:
    """The contract article stored in a row, published_at in the publisher's offset."""
    fields = {name: row[name] for name in ARTICLE_FIELDS}
    fields["published_at"] = with_utc_offset(row["published_at"], row.get(PUBLISHED_OFFSET))
    return ArticleV1.model_validate(fields)


def unique_events(events: Iterable[Event]) -> list[Event]:
    """The events with repeated ids dropped (first wins), since event_id is the primary key."""
    seen: dict[str, Event] = {}
    for item in events:
        seen.setdefault(item.event_id, item)
    return list(seen.values())


def event_row(item: Event, article_id: str, extractor: str, extracted_at: datetime) -> Row:
    """The events row: filterable columns beside the full record as JSON."""
    location = item.location
    return {
        "event_id": item.event_id,
        "article_id": article_id,
        "event_type": item.event_type,
        "mode": item.mode,
        "occurred_date": item.occurred.date,
        "date_precision": item.occurred.precision,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "confidence": item.confidence,
        "negated": item.modality.negated,
        "future": item.modality.future,
        "hypothetical": item.modality.hypothetical,
        "evidence_text": item.evidence.text,
        "evidence_start": item.evidence.start,
        "evidence_end": item.evidence.end,
        "trigger": item.evidence.trigger,
        "payload": item.model_dump(mode="json"),
        "extractor": extractor,
        "extracted_at": extracted_at,
    }


def actor_rows(item: Event) -> list[Row]:
    """One event_actors row per actor and per target, numbered within its role."""
    return [
        *_role_rows(item.event_id, "actor", item.actors),
        *_role_rows(item.event_id, "target", item.targets),
    ]


def name_key(name: str) -> str:
    """The form actor names are matched in: case-folded and with spaces collapsed."""
    return " ".join(name.casefold().split())


def _role_rows(event_id: str, role: str, actors: list[Actor]) -> list[Row]:
    return [
        {
            "event_id": event_id,
            "role": role,
            "idx": idx,
            "name": actor.name,
            "name_key": name_key(actor.name),
            "text": actor.text,
            "country": actor.country,
            "sector": actor.sector,
            "kind": actor.kind,
        }
        for idx, actor in enumerate(actors)
    ]


def quantity_rows(event_id: str, quantities: list[Quantity]) -> list[Row]:
    """One event_quantities row per counted amount, in the order the extractor gave."""
    return [
        {
            "event_id": event_id,
            "idx": idx,
            "value": q.value,
            "value_max": q.value_max,
            "approximate": q.approximate,
            "unit": q.unit,
            "category": q.category,
            "text": q.text,
        }
        for idx, q in enumerate(quantities)
    ]


def quote_rows(article_id: str, quotes: list[Quote]) -> list[Row]:
    """The quotes rows of an article, numbered in reading order."""
    return [
        {
            "article_id": article_id,
            "idx": idx,
            "text": quote.text,
            "speaker_name": quote.speaker.name if quote.speaker else None,
            "speaker_country": quote.speaker.country if quote.speaker else None,
            "cue": quote.cue,
            "start": quote.start,
            "end": quote.end,
        }
        for idx, quote in enumerate(quotes)
    ]


@dataclass(frozen=True)
class ExtractionRows:
    """Everything a batch of extraction messages writes besides the articles."""

    article_ids: list[str]
    events: list[Row]
    actors: list[Row]
    quantities: list[Row]
    quotes: list[Row]


def latest_per_article(msgs: Iterable[EventsExtractedV1]) -> list[EventsExtractedV1]:
    """One message per article, the last one given, ordered by article_id.

    A later message of an article supersedes an earlier one, as if they were applied in turn;
    the fixed order makes concurrent writers lock articles in the same sequence.
    """
    latest = {msg.article_id: msg for msg in msgs}
    return [latest[article_id] for article_id in sorted(latest)]


def extraction_rows(msgs: Sequence[EventsExtractedV1]) -> ExtractionRows:
    """Rows for the events, event_actors and quotes of messages about distinct articles."""
    rows = ExtractionRows([], [], [], [], [])
    for msg in msgs:
        events = unique_events(msg.events)
        rows.article_ids.append(msg.article_id)
        rows.events.extend(
            event_row(e, msg.article_id, msg.extractor, msg.extracted_at) for e in events
        )
        rows.actors.extend(row for e in events for row in actor_rows(e))
        rows.quantities.extend(
            row for e in events for row in quantity_rows(e.event_id, e.quantities)
        )
        rows.quotes.extend(quote_rows(msg.article_id, msg.quotes))
    return rows
