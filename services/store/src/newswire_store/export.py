"""Flat export rows (one line per event, GDELT-style columns) as CSV or JSON Lines; no I/O.

The columns are documented in docs/api.md; adding a column at the end is compatible, renaming or
removing one is not.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterable, AsyncIterator, Callable
from typing import Any

from newswire_contracts import Actor
from newswire_store.readmodels import StoredEvent

COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "mode",
    "actor1_name",
    "actor1_country",
    "actor1_sector",
    "actor1_kind",
    "actor2_name",
    "actor2_country",
    "actor2_sector",
    "actor2_kind",
    "actors",
    "targets",
    "geo_name",
    "geo_country",
    "geo_lat",
    "geo_lon",
    "geo_precision",
    "quantity",
    "quantity_max",
    "quantity_approximate",
    "quantity_unit",
    "quantity_category",
    "negated",
    "future",
    "hypothetical",
    "confidence",
    "attribution_speaker",
    "attribution_cue",
    "trigger",
    "evidence",
    "evidence_start",
    "evidence_end",
    "article_id",
    "source_url",
    "source_name",
    "published_at",
    "extractor",
    "extracted_at",
    "published_date",
)

Flat = dict[str, Any]


def _first(actors: list[Actor], prefix: str) -> Flat:
    head = actors[0] if actors else None
    return {
        f"{prefix}_name": head.name if head else None,
        f"{prefix}_country": head.country if head else None,
        f"{prefix}_sector": head.sector if head else None,
        f"{prefix}_kind": head.kind if head else None,
    }


def _names(actors: list[Actor]) -> str:
    # ';' because actor names may contain commas ("Hamas, the group").
    return ";".join(a.name for a in actors)


def flat_row(item: StoredEvent) -> Flat:
    """One event as a flat mapping of COLUMNS (JSON types: str, number, bool or null)."""
    place, said = item.location, item.attribution
    # In the publisher's offset, so published_date is the day printed on the article.
    published = item.article.published_at
    qty = item.quantities[0] if item.quantities else None
    return {
        "event_id": item.event_id,
        "event_date": item.occurred.date.isoformat() if item.occurred.date else None,
        "date_precision": item.occurred.precision,
        "event_type": item.event_type,
        "mode": item.mode,
        **_first(item.actors, "actor1"),
        **_first(item.targets, "actor2"),
        "actors": _names(item.actors),
        "targets": _names(item.targets),
        "geo_name": place.name if place else None,
        "geo_country": place.country if place else None,
        "geo_lat": place.lat if place else None,
        "geo_lon": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "quantity": qty.value if qty else None,
        "quantity_max": qty.value_max if qty else None,
        "quantity_approximate": qty.approximate if qty else None,
        "quantity_unit": qty.unit if qty else None,
        "quantity_category": qty.category if qty else None,
        "negated": item.modality.negated,
        "future": item.modality.future,
        "hypothetical": item.modality.hypothetical,
        "confidence": item.confidence,
        "attribution_speaker": said.speaker.name if said and said.speaker else None,
        "attribution_cue": said.cue if said else None,
        "trigger": item.evidence.trigger,
        "evidence": item.evidence.text,
        "evidence_start": item.evidence.start,
        "evidence_end": item.evidence.end,
        "article_id": item.article.article_id,
        "source_url": item.article.url,
        "source_name": item.article.site_name,
        "published_at": published.isoformat() if published else None,
        "extractor": item.extractor,
        "extracted_at": item.extracted_at.isoformat(),
        "published_date": published.date().isoformat() if published else None,
    }


def jsonl_line(row: Flat) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"


def _csv_value(value: Any) -> Any:
    # Lower-case booleans and empty nulls, the way pandas and R read them back.
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def csv_header() -> str:
    return csv_line(list(COLUMNS))


def csv_row(row: Flat) -> str:
    return csv_line([_csv_value(row[name]) for name in COLUMNS])


async def encode(
    events: AsyncIterable[StoredEvent], fmt: str, *, lines_per_chunk: int = 200
) -> AsyncIterator[str]:
    """The export text in chunks of ``lines_per_chunk`` lines, as the events arrive."""
    line: Callable[[Flat], str] = csv_row if fmt == "csv" else jsonl_line
    chunk: list[str] = [csv_header()] if fmt == "csv" else []
    async for item in events:
        chunk.append(line(flat_row(item)))
        if len(chunk) >= lines_per_chunk:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)
