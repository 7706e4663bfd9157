"""The read API counts its requests per route template and serves them at /metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from newswire_store import EventStore, migrate
from newswire_store.api import ApiSettings, create_api

TOKEN = "metrics-test-token-1234"


@pytest.fixture
async def api_store(store_url: str) -> AsyncIterator[EventStore]:
    await migrate(store_url)
    async with EventStore.from_url(store_url) as store:
        yield store


def _client(app: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api.test")  # type: ignore[arg-type]


def _value(body: str, prefix: str) -> float:
    lines = [line for line in body.splitlines() if line.startswith(prefix)]
    assert lines, f"{prefix} not in /metrics:\n{body}"
    return sum(float(line.rsplit(" ", 1)[1]) for line in lines)


async def test_requests_are_counted_by_route_template_and_status(api_store: EventStore) -> None:
    async with _client(create_api(ApiSettings(), store=api_store)) as client:
        assert (await client.get("/events")).status_code == 200
        first = await client.get("/events/no-such-event")
        second = await client.get("/events/another-missing-one")
        assert first.status_code == second.status_code >= 400
        body = (await client.get("/metrics")).text
    assert (
        _value(body, 'newswire_api_requests_total{method="GET",route="/events",status="200"}') == 1
    )
    route = '"/events/{event_id}"'
    missing = (
        f'newswire_api_requests_total{{method="GET",route={route},status="{first.status_code}"}}'
    )
    assert _value(body, missing) == 2  # one series for every id asked for
    assert "no-such-event" not in body
    assert (
        _value(body, 'newswire_api_request_duration_seconds_count{method="GET",route="/events"}')
        == 1
    )


async def test_metrics_need_the_token_when_the_api_has_one(api_store: EventStore) -> None:
    app = create_api(ApiSettings(token=TOKEN), store=api_store)
    async with _client(app) as client:
        assert (await client.get("/metrics")).status_code == 401
        ok = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    assert "newswire_api_requests_total" in ok.text
