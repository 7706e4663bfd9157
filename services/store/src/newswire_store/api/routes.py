"""Read API endpoints: events, one event, one article, counts, streaming export and health.

No ``from __future__ import annotations`` here: FastAPI reads the annotations at run time, and
the page-size limit in them comes from the enclosing factory.
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel

from newswire_contracts.messages import EventType as EventTypeName
from newswire_store import export
from newswire_store.filters import BBox, Cursor, EventFilter, Order, QueryError
from newswire_store.migrator import head_revision
from newswire_store.readmodels import (
    ArticleRecord,
    EventPage,
    EventStats,
    Places,
    StoredEvent,
    Timeline,
)
from newswire_store.writes import EventStore

_NO_NUL = r"^[^\x00]*$"
_NUMBER = r"-?[0-9]+(\.[0-9]+)?"
Country = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3, e.g. UKR.")
]
Id = Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")]


class Problem(BaseModel):
    detail: str


class EventDetail(StoredEvent):
    """One event, with whether its evidence sentence still reads so in the stored article."""

    evidence_in_article: bool
    article_link: str


class Health(BaseModel):
    status: str
    revision: str | None = None


def event_filter(
    event_type: Annotated[
        EventTypeName | None, Query(alias="type", description="PLOVER type.")
    ] = None,
    country: Country = None,
    actor_country: Country = None,
    target_country: Country = None,
    actor: Annotated[
        str | None,
        Query(max_length=200, pattern=_NO_NUL, description="Actor or target name, any case."),
    ] = None,
    since: Annotated[date | None, Query(description="Earliest event date (inclusive).")] = None,
    until: Annotated[date | None, Query(description="Latest event date (inclusive).")] = None,
    place_country: Country = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=rf"^{_NUMBER}(,{_NUMBER}){{3}}$",
            description="west,south,east,north in degrees (WGS84).",
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, pattern=_NO_NUL, description="Words in the evidence sentence."),
    ] = None,
    article_id: Annotated[str | None, Query(pattern=r"^[0-9a-f]{1,64}$")] = None,
    extracted_since: Annotated[
        datetime | None,
        Query(
            description="Only events extracted at or after this instant (ISO 8601; UTC when "
            "no offset is given), like GDELT's DATEADDED. Pair with order=extracted to poll."
        ),
    ] = None,
) -> EventFilter:
    """The filter every event endpoint shares; an unusable value is a 422."""
    return EventFilter(
        event_type=event_type,
        country=country,
        actor_country=actor_country,
        target_country=target_country,
        actor=actor,
        since=since,
        until=until,
        place_country=place_country,
        bbox=BBox.parse(bbox) if bbox is not None else None,
        text=q,
        article_id=article_id,
        extracted_since=extracted_since,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
OrderBy = Annotated[
    Order,
    Query(
        description="occurred: newest event date first, undated last (default). "
        "extracted: oldest extraction first, the stable order of incremental pulls."
    ),
]


def _store(request: Request) -> EventStore:
    store: EventStore = request.app.state.store
    return store


Store = Annotated[EventStore, Depends(_store)]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}
_STREAMS = {
    "csv": ("text/csv; charset=utf-8", "events.csv"),
    "jsonl": ("application/x-ndjson", "events.jsonl"),
}


def data_router(max_page_size: int) -> APIRouter:
    router = APIRouter()

    @router.get("/events", response_model=EventPage, responses={400: {"model": Problem}})
    async def list_events(
        store: Store,
        flt: Filter,
        limit: Annotated[int, Query(ge=1, le=max_page_size)] = 50,
        cursor: Annotated[
            str | None,
            Query(max_length=1000, pattern=r"^[A-Za-z0-9_-]+$", description="From next_cursor."),
        ] = None,
        order: OrderBy = "occurred",
    ) -> EventPage:
        """Events matching every given filter, newest first (or in extraction order), one page
        at a time."""
        try:
            after = Cursor.decode(cursor, order) if cursor is not None else None
        except QueryError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
        return await store.search_events(flt, limit=limit, cursor=after, order=order)

    @router.get("/events/{event_id}", response_model=EventDetail, responses=_NOT_FOUND)
    async def get_event(store: Store, event_id: Id) -> EventDetail:
        """One event, its evidence sentence and a link to its article."""
        found = await store.get_event(event_id)
        if found is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such event")
        article = await store.get_article(found.article.article_id)
        ev = found.evidence
        matches = article is not None and article.text[ev.start : ev.end] == ev.text
        return EventDetail(
            **found.model_dump(),
            evidence_in_article=matches,
            article_link=f"/articles/{found.article.article_id}",
        )

    @router.get("/articles/{article_id}", response_model=ArticleRecord, responses=_NOT_FOUND)
    async def get_article(store: Store, article_id: Id) -> ArticleRecord:
        """An article, its stored versions, its quotes and how many events it reports."""
        record = await store.get_article_record(article_id)
        if record is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such article")
        return record

    @router.get("/stats", response_model=EventStats)
    async def stats(store: Store, flt: Filter) -> EventStats:
        """How many events match, by PLOVER type and by day."""
        return await store.stats(flt)

    @router.get("/stats/timeline", response_model=Timeline)
    async def timeline(store: Store, flt: Filter) -> Timeline:
        """How many events match, by day and PLOVER type (the console's timeline)."""
        return await store.timeline(flt)

    @router.get("/stats/places", response_model=Places)
    async def places(
        store: Store,
        flt: Filter,
        limit: Annotated[int, Query(ge=1, le=10_000, description="Most places returned.")] = 2000,
    ) -> Places:
        """Where the matching events took place, busiest point first (the console's map)."""
        return await store.places(flt, limit=limit)

    for fmt, (media_type, filename) in _STREAMS.items():
        router.add_api_route(
            f"/export.{fmt}",
            _exporter(fmt, media_type, filename),
            methods=["GET"],
            response_class=StreamingResponse,
            responses={
                200: {"content": {media_type.split(";")[0]: {"schema": {"type": "string"}}}}
            },
            summary=f"Export matching events as {fmt.upper()}",
        )
    return router


def _exporter(fmt: Literal["csv", "jsonl"] | str, media_type: str, filename: str) -> Any:
    async def export_events(
        store: Store, flt: Filter, order: OrderBy = "occurred"
    ) -> StreamingResponse:
        """Every matching event as one flat row, streamed as it is read from the database."""
        return StreamingResponse(
            export.encode(store.stream_events(flt, order=order), fmt),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    return export_events


def health_router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", response_model=Health)
    async def healthz() -> Health:
        """The process is up (liveness)."""
        return Health(status="ok")

    @router.get("/readyz", response_model=Health, responses={503: {"model": Health}})
    async def readyz(store: Store) -> Any:
        """The database answers and its schema is at the revision this code expects."""
        try:
            revision = await store.revision()
        except Exception as exc:  # any failure means "not ready", never a 500
            return JSONResponse(
                Health(status=f"database unavailable: {type(exc).__name__}").model_dump(),
                status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        if revision != head_revision():
            body = Health(status="schema not migrated", revision=revision)
            return JSONResponse(body.model_dump(), status_code=503)
        return Health(status="ready", revision=revision)

    return router
