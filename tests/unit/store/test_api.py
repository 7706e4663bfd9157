"""The read API over a real database, written once and run on SQLite and PostgreSQL.

``store_url`` (this directory's conftest) gives each test both databases. Requests go
through httpx.ASGITransport, so the app, its queries and the database are real; only the socket
is skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from newswire_contracts import Event
from newswire_store import EventStore, migrate
from newswire_store.api import ApiSettings, create_api
from newswire_store.export import COLUMNS
from newswire_store.filters import EventFilter
from tests.support.samples import (
    ACCUSATION,
    AGREEMENT,
    PLEDGE,
    RALLY,
    article,
    events_of,
    extraction,
    quote,
)

TOKEN = "s3cr3t-t0ken-for-tests"


@pytest.fixture
async def api_store(store_url: str) -> AsyncIterator[EventStore]:
    await migrate(store_url)
    async with EventStore.from_url(store_url) as store:
        yield store


@pytest.fixture
async def stored(api_store: EventStore) -> dict[str, list[Event]]:
    """Two articles: a roundup of four events and a later report of one."""
    roundup = article("roundup", [AGREEMENT, ACCUSATION, PLEDGE, RALLY])
    border = article("border", [ACCUSATION], content_hash="b1")
    said = quote("We will not wait.", "Ruth Kamau", "KEN").model_copy(update={"cue": "said"})
    await api_store.save_extractions(
        [
            extraction(roundup, events_of(roundup, [AGREEMENT, ACCUSATION, PLEDGE, RALLY]), [said]),
            extraction(border, events_of(border, [ACCUSATION])),
        ]
    )
    return {
        "roundup": events_of(roundup, [AGREEMENT, ACCUSATION, PLEDGE, RALLY]),
        "border": events_of(border, [ACCUSATION]),
    }


@pytest.fixture
async def client(api_store: EventStore) -> AsyncIterator[httpx.AsyncClient]:
    app = create_api(ApiSettings(max_page_size=100), store=api_store)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as c:
        yield c


async def event_ids(client: httpx.AsyncClient, **params: str | int) -> list[str]:
    response = await client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return [item["event_id"] for item in response.json()["items"]]


def ids(events: list[Event]) -> list[str]:
    return [e.event_id for e in events]


# --- /events -------------------------------------------------------------------------------


async def test_events_are_newest_first_with_undated_last(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    agreement, accusation, pledge, rally = stored["roundup"]
    (border,) = stored["border"]
    # Two accusations share a date; the id breaks the tie.
    same_day = sorted([accusation.event_id, border.event_id])
    assert await event_ids(client) == [
        agreement.event_id,
        *same_day,
        pledge.event_id,
        rally.event_id,
    ]


async def test_an_event_carries_its_record_article_and_extractor(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    agreement = stored["roundup"][0]
    item = (await client.get("/events", params={"type": "AGREE"})).json()["items"][0]
    assert Event.model_validate(item) == agreement
    assert item["article"]["url"].startswith("https://news.example.test/world/roundup")
    assert item["article"]["site_name"] == "Example World News"
    assert item["extractor"] == "rules/0.1.0"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "AID"}, [("roundup", 2)]),
        ({"country": "ven"}, [("roundup", 1), ("border", 0)]),
        ({"actor_country": "VEN"}, []),
        ({"target_country": "VEN"}, [("roundup", 1), ("border", 0)]),
        ({"actor_country": "KEN"}, [("roundup", 0)]),
        ({"actor": "  poland "}, [("roundup", 2)]),
        ({"actor": "UKRAINE"}, [("roundup", 2)]),
        ({"actor": "Pol"}, []),
        ({"since": "2025-02-24", "until": "2025-02-24"}, [("roundup", 1), ("border", 0)]),
        ({"since": "2025-03-01"}, [("roundup", 0)]),
        ({"until": "2025-02-01"}, [("roundup", 2)]),
        ({"place_country": "GEO"}, [("roundup", 3)]),
        ({"bbox": "40,41,46,42"}, [("roundup", 3)]),
        ({"bbox": "44.9,41,46,42"}, []),
        ({"bbox": "170,-90,45,90"}, [("roundup", 3)]),  # across the antimeridian
        ({"q": "ambulances"}, [("roundup", 2)]),
        ({"q": "Omo river"}, [("roundup", 0)]),
        ({"q": "river tanks"}, []),
        ({"q": "100%"}, []),
        (
            {"type": "ACCUSE", "country": "BRA", "since": "2025-01-01"},
            [("roundup", 1), ("border", 0)],
        ),
    ],
)
async def test_filters_combine(
    client: httpx.AsyncClient,
    stored: dict[str, list[Event]],
    params: dict[str, str],
    expected: list[tuple[str, int]],
) -> None:
    want = {stored[name][i].event_id for name, i in expected}
    assert set(await event_ids(client, **params)) == want


async def test_filter_by_article(client: httpx.AsyncClient, stored: dict[str, list[Event]]) -> None:
    border_id = (await client.get("/events", params={"type": "ACCUSE"})).json()["items"]
    article_id = next(
        i["article"]["article_id"] for i in border_id if "border" in i["article"]["url"]
    )
    assert await event_ids(client, article_id=article_id) == ids(stored["border"])


async def test_cursor_pages_through_every_event_once(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    everything = await event_ids(client)
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, str | int] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        body = (await client.get("/events", params=params)).json()
        seen += [item["event_id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    assert pages == 3


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"type": "PICNIC"}, 422),
        ({"country": "UK"}, 422),
        ({"bbox": "1,2,3"}, 422),
        ({"bbox": "0,50,10,40"}, 422),
        ({"since": "yesterday"}, 422),
        ({"limit": 0}, 422),
        ({"limit": 101}, 422),
        ({"cursor": "not-a-cursor"}, 400),
        ({"q": "nul\x00byte"}, 422),
    ],
)
async def test_bad_parameters_are_client_errors(
    client: httpx.AsyncClient, stored: dict[str, list[Event]], params: dict[str, str], status: int
) -> None:
    response = await client.get("/events", params=params)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


# --- one event, one article ----------------------------------------------------------------


async def test_event_by_id_has_its_evidence_and_article_link(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    pledge = stored["roundup"][2]
    body = (await client.get(f"/events/{pledge.event_id}")).json()
    assert body["evidence"]["text"] == pledge.evidence.text
    assert body["evidence_in_article"] is True
    article = await client.get(body["article_link"])
    assert article.status_code == 200
    assert article.json()["article"]["article_id"] == body["article"]["article_id"]
    assert (await client.get("/events/0123abcd")).status_code == 404


async def test_article_by_id_has_versions_quotes_and_event_count(
    client: httpx.AsyncClient, api_store: EventStore, stored: dict[str, list[Event]]
) -> None:
    changed = article("roundup", [AGREEMENT, RALLY], content_hash="v2")
    await api_store.save_extraction(extraction(changed, events_of(changed, [AGREEMENT, RALLY])))
    body = (await client.get(f"/articles/{changed.article_id}")).json()
    assert body["article"]["text"] == changed.text
    assert body["version"] == 2
    assert [v["content_hash"] for v in body["versions"]] == ["v1", "v2"]
    assert body["quotes"] == []
    assert body["event_count"] == 2
    assert (await client.get("/articles/ffff")).status_code == 404


# --- /stats ---------------------------------------------------------------------------------


async def test_stats_count_by_type_and_day(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    body = (await client.get("/stats")).json()
    assert body["total"] == 5
    assert body["by_type"][0] == {"event_type": "ACCUSE", "count": 2}
    assert {t["event_type"]: t["count"] for t in body["by_type"]} == {
        "ACCUSE": 2,
        "AGREE": 1,
        "AID": 1,
        "PROTEST": 1,
    }
    assert body["by_day"] == [
        {"date": "2025-03-03", "count": 1},
        {"date": "2025-02-24", "count": 2},
        {"date": "2025-02-01", "count": 1},
        {"date": None, "count": 1},
    ]
    filtered = (await client.get("/stats", params={"country": "BRA"})).json()
    assert filtered["total"] == 2


async def test_timeline_counts_by_day_and_type_oldest_first(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    body = (await client.get("/stats/timeline")).json()
    assert body == {
        "total": 5,
        "undated": 1,
        "counts": [
            {"date": "2025-02-01", "event_type": "AID", "count": 1},
            {"date": "2025-02-24", "event_type": "ACCUSE", "count": 2},
            {"date": "2025-03-03", "event_type": "AGREE", "count": 1},
        ],
    }
    brazil = (await client.get("/stats/timeline", params={"actor": "brazil"})).json()
    assert brazil["counts"] == [{"date": "2025-02-24", "event_type": "ACCUSE", "count": 2}]
    assert (brazil["total"], brazil["undated"]) == (2, 0)


async def test_places_group_events_by_point(
    client: httpx.AsyncClient, api_store: EventStore, stored: dict[str, list[Event]]
) -> None:
    body = (await client.get("/stats/places")).json()
    tbilisi = {"lat": 41.69, "lon": 44.8, "name": "Tbilisi", "country": "GEO", "count": 1}
    assert body == {"total": 5, "located": 1, "places": [tbilisi], "truncated": False}
    # Another article reports a rally at the very same point.
    rallies = article("rallies", [RALLY])
    await api_store.save_extraction(extraction(rallies, events_of(rallies, [RALLY])))
    body = (await client.get("/stats/places", params={"type": "PROTEST"})).json()
    assert body["places"] == [{**tbilisi, "count": 2}]
    assert (body["total"], body["located"]) == (2, 2)
    none = (await client.get("/stats/places", params={"type": "AGREE"})).json()
    assert none == {"total": 1, "located": 0, "places": [], "truncated": False}


async def test_places_say_when_they_are_truncated(
    client: httpx.AsyncClient, api_store: EventStore, stored: dict[str, list[Event]]
) -> None:
    elsewhere = article("elsewhere", [RALLY])
    moved = [
        e.model_copy(update={"location": e.location.model_copy(update={"lat": 10.0, "lon": 20.0})})
        for e in events_of(elsewhere, [RALLY])
        if e.location is not None
    ]
    await api_store.save_extraction(extraction(elsewhere, moved))
    body = (await client.get("/stats/places", params={"limit": 1})).json()
    assert len(body["places"]) == 1
    assert body["truncated"] is True
    assert body["located"] == 2


# --- incremental pulls ----------------------------------------------------------------------

EXTRACTED = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
async def batches(api_store: EventStore) -> list[list[str]]:
    """Three extractions an hour apart, the second about the oldest happenings (late news)."""
    first = article("first", [AGREEMENT, PLEDGE])
    late = article("late", [ACCUSATION, RALLY])
    last = article("last", [PLEDGE])
    ids_by_batch = []
    for hours, item, sentences in (
        (0, first, [AGREEMENT, PLEDGE]),
        (1, late, [ACCUSATION, RALLY]),
        (2, last, [PLEDGE]),
    ):
        message = extraction(item, events_of(item, sentences)).model_copy(
            update={"extracted_at": EXTRACTED + dt.timedelta(hours=hours)}
        )
        await api_store.save_extraction(message)
        ids_by_batch.append(sorted(e.event_id for e in message.events))
    return ids_by_batch


async def test_extracted_since_keeps_later_extractions_however_old_their_events(
    client: httpx.AsyncClient, batches: list[list[str]]
) -> None:
    _first, late, last = batches
    since = (EXTRACTED + dt.timedelta(hours=1)).isoformat()
    assert sorted(await event_ids(client, extracted_since=since)) == sorted(late + last)
    # Inclusive, and a time without an offset is UTC.
    assert sorted(await event_ids(client, extracted_since="2025-06-01T13:00:00")) == sorted(
        late + last
    )
    in_kyiv = "2025-06-01T16:00:00+02:00"  # 14:00 UTC
    assert await event_ids(client, extracted_since=in_kyiv) == last
    assert await event_ids(client, extracted_since="2025-06-01T14:00:00.000001Z") == []
    bad = await client.get("/events", params={"extracted_since": "after lunch"})
    assert bad.status_code == 422


async def test_order_extracted_pages_oldest_extraction_first_then_by_id(
    client: httpx.AsyncClient, batches: list[list[str]]
) -> None:
    seen: list[str] = []
    params: dict[str, str | int] = {"order": "extracted", "limit": 2}
    while True:
        body = (await client.get("/events", params=params)).json()
        seen += [item["event_id"] for item in body["items"]]
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert seen == [i for batch in batches for i in batch]
    # A cursor continues only the order it was made in.
    wrong = await client.get("/events", params={"cursor": params["cursor"]})
    assert wrong.status_code == 400
    assert "order=extracted" in wrong.json()["detail"]


async def test_exports_follow_the_extracted_order_and_filter(
    client: httpx.AsyncClient, batches: list[list[str]]
) -> None:
    _first, late, last = batches
    since = (EXTRACTED + dt.timedelta(minutes=30)).isoformat()
    response = await client.get(
        "/export.jsonl", params={"extracted_since": since, "order": "extracted"}
    )
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert [r["event_id"] for r in rows] == late + last
    assert [r["extracted_at"][:19] for r in rows] == ["2025-06-01T13:00:00"] * 2 + [
        "2025-06-01T14:00:00"
    ]
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                (
                    await client.get(
                        "/export.csv", params={"extracted_since": since, "order": "extracted"}
                    )
                ).text
            )
        )
    )
    assert [r["event_id"] for r in csv_rows] == late + last


# --- exports --------------------------------------------------------------------------------


async def test_csv_export_has_the_documented_columns_in_list_order(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    response = await client.get("/export.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == COLUMNS
    assert [r["event_id"] for r in rows] == await event_ids(client)
    pledge = next(r for r in rows if r["event_type"] == "AID")
    assert pledge["actor1_name"] == "Poland"
    assert pledge["actor2_country"] == "UKR"
    assert pledge["quantity"] == "40.0"
    assert pledge["quantity_unit"] == "ambulances"
    assert pledge["future"] == "true"
    assert pledge["event_date"] == "2025-02-01"
    rally = next(r for r in rows if r["event_type"] == "PROTEST")
    assert (rally["geo_lat"], rally["geo_lon"], rally["event_date"]) == ("41.69", "44.8", "")


async def test_jsonl_export_applies_the_filters(
    client: httpx.AsyncClient, stored: dict[str, list[Event]]
) -> None:
    response = await client.get("/export.jsonl", params={"type": "ACCUSE"})
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [set(line) for line in lines] == [set(COLUMNS)] * 2
    assert {line["event_type"] for line in lines} == {"ACCUSE"}
    assert all(line["actor1_country"] == "BRA" and line["actor2_sector"] == "MIL" for line in lines)


# Late evening where published: in UTC the first is 20:30 the same day, the second 03:30 the next.
MOSCOW_LATE = dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
BOGOTA_LATE = dt.datetime(2025, 6, 2, 22, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


@pytest.mark.parametrize(
    ("published", "expected"),
    [(MOSCOW_LATE, "2025-06-02T23:30:00+03:00"), (BOGOTA_LATE, "2025-06-02T22:30:00-05:00")],
)
async def test_published_at_keeps_the_publishers_offset_in_the_api_and_exports(
    client: httpx.AsyncClient, api_store: EventStore, published: dt.datetime, expected: str
) -> None:
    item = article("late", [AGREEMENT]).model_copy(update={"published_at": published})
    await api_store.save_extraction(extraction(item, events_of(item, [AGREEMENT])))
    params = {"article_id": item.article_id}

    (event,) = (await client.get("/events", params=params)).json()["items"]
    record = (await client.get(f"/articles/{item.article_id}")).json()
    by_id = (await client.get(f"/events/{event['event_id']}")).json()
    for shown in (event["article"], by_id["article"], record["article"]):
        assert dt.datetime.fromisoformat(shown["published_at"]).isoformat() == expected
    jsonl = (await client.get("/export.jsonl", params=params)).text
    (line,) = [json.loads(x) for x in jsonl.splitlines()]
    (row,) = csv.DictReader(io.StringIO((await client.get("/export.csv", params=params)).text))
    for flat in (line, row):
        assert (flat["published_at"], flat["published_date"]) == (expected, "2025-06-02")


async def test_stream_events_yields_what_the_pages_hold(
    api_store: EventStore, stored: dict[str, list[Event]]
) -> None:
    flt = EventFilter(country="BRA")
    streamed = [e.event_id async for e in api_store.stream_events(flt, chunk=1)]
    page = await api_store.search_events(flt, limit=10)
    assert streamed == [e.event_id for e in page.items]
    assert len(streamed) == 2


# --- auth and health ------------------------------------------------------------------------


async def test_a_configured_token_is_required_except_for_health(
    api_store: EventStore, stored: dict[str, list[Event]]
) -> None:
    app = create_api(ApiSettings(token=TOKEN), store=api_store)  # type: ignore[arg-type]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as c:
        assert (await c.get("/events")).status_code == 401
        wrong = await c.get("/events", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.headers["www-authenticate"] == "Bearer"
        good = await c.get("/events", headers={"Authorization": f"Bearer {TOKEN}"})
        assert good.status_code == 200
        assert (await c.get("/healthz")).status_code == 200
        assert (await c.get("/readyz")).status_code == 200
        spec = (await c.get("/openapi.json")).json()
        assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_placeholder_tokens_are_refused() -> None:
    with pytest.raises(ValueError, match="real secret"):
        ApiSettings(token="changeme")  # type: ignore[arg-type]
    assert ApiSettings(token="").token is None  # type: ignore[arg-type]


async def test_readiness_needs_a_migrated_database(store_url: str) -> None:
    async with EventStore.from_url(store_url) as store:
        app = create_api(ApiSettings(), store=store)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://api.test"
        ) as c:
            assert (await c.get("/healthz")).json() == {"status": "ok", "revision": None}
            unready = await c.get("/readyz")
            assert unready.status_code == 503
            await migrate(store_url)
            ready = await c.get("/readyz")
            assert ready.status_code == 200
            assert ready.json()["status"] == "ready"


async def test_readiness_reports_an_unreachable_database(tmp_path: object) -> None:
    missing = f"sqlite:///{dt.datetime.now().timestamp()}/no/such/dir/x.db"
    async with EventStore.from_url(missing) as store:
        app = create_api(ApiSettings(), store=store)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://api.test"
        ) as c:
            response = await c.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"].startswith("database unavailable")
