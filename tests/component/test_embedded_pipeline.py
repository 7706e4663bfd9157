"""The embedded pipeline (what `newswire demo` runs) over the sample site served on loopback."""

from __future__ import annotations

from pathlib import Path

import httpx

from newswire import demo_site
from newswire.pipeline import EmbeddedSettings, read_feed, run_embedded
from newswire.site_server import serve_site
from newswire_fetcher.state import FetcherDatabase, SeenUrls
from newswire_runtime.sql import sqlite_url
from newswire_store import EventStore


async def test_sample_site_end_to_end_in_process_is_correct_and_idempotent(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite")
    with serve_site() as base:
        async with httpx.AsyncClient() as client:
            links = await read_feed(client, f"{base}/feed.xml")
        assert len(links) == len(demo_site.list_pages()) >= 12
        settings = EmbeddedSettings.from_env(url, allow_hosts=["127.0.0.1"], min_host_delay_s=0)
        first = await run_embedded(links, settings)
        second = await run_embedded(links, settings)  # a replay changes nothing

    assert first.dead_letters == []
    assert first.stored == len(links)
    assert (second.stored, second.events) == (first.stored, first.events)

    store = EventStore.from_url(url)
    try:
        assert await store.count() == (len(links), first.events)
        events = await store.list_events(limit=10_000)
    finally:
        await store.close()

    # The fetcher is the deployment's: its seen-URL record and fingerprints are in the database.
    database = FetcherDatabase.from_url(
        settings.fetcher.database_url, namespace=settings.fetcher.topic_prefix
    )
    try:
        seen = SeenUrls(database)
        assert all([await seen.is_seen(link) for link in links])
    finally:
        await database.close()

    consult = [
        e
        for e in events
        if e.event_type == "CONSULT"
        and {"UKR", "RUS"} <= {a.country for a in [*e.actors, *e.targets]}
    ]
    assert consult, "the Istanbul talks must give a CONSULT between Ukraine and Russia"
    talks = consult[0]
    assert talks.location is not None and talks.location.name == "Istanbul"
    assert talks.location.country == "TUR"
    assert talks.occurred.date is not None and talks.occurred.date.isoformat() == "2025-06-02"
    values = {q.value for e in events for q in e.quantities}
    assert {400, 10, 20000} <= values
