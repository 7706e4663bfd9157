"""Shared by the console's benchmark and screenshot scripts: a store, a server, a browser.

- ``demo_store``: the demo pipeline (the bundled sample site fetched, extracted and stored);
- ``scaled_store``: that store's articles cloned under new URLs until it holds N events, dates
  spread back over the years and places moved a little per copy (so the map has many points);
- ``serving``: the API app under uvicorn on 127.0.0.1 in a thread of this process;
- ``chromium``: Debian's Chromium, headless, through Debian's chromedriver (never a download).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn
from selenium import webdriver

from newswire.pipeline import EmbeddedSettings, read_feed, run_embedded
from newswire.site_server import serve_site
from newswire_contracts import EventsExtractedV1, Quote, article_id_for, event_id_for
from newswire_fetcher.service import create_client
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime.sql import sqlite_url
from newswire_store import EventStore, migrate
from newswire_store.api import ApiSettings, create_api
from newswire_store.filters import EventFilter


async def demo_store(url: str) -> None:
    """Fill ``url`` by the demo pipeline."""
    with serve_site() as base:
        async with create_client(FetcherSettings(allow_hosts=["127.0.0.1"])) as client:
            links = await read_feed(client, f"{base}/feed.xml")
        settings = EmbeddedSettings.from_env(url, allow_hosts=["127.0.0.1"], min_host_delay_s=0)
        report = await run_embedded(links, settings)
    if report.stored != len(links):
        raise RuntimeError(f"the demo stored {report.stored} of {len(links)} articles")


async def _extractions(url: str) -> list[EventsExtractedV1]:
    """Every stored article of ``url`` with its events and quotes, as the extractor sent them."""
    out = []
    async with EventStore.from_url(url) as store:
        page = await store.search_events(EventFilter(), limit=100_000)
        article_ids = sorted({e.article.article_id for e in page.items})
        for article_id in article_ids:
            article = await store.get_article(article_id)
            record = await store.get_article_record(article_id)
            assert article is not None
            assert record is not None
            events = [e for e in page.items if e.article.article_id == article_id]
            quotes = [
                Quote(text=q.text, cue=q.cue, start=q.start, end=q.end) for q in record.quotes
            ]
            out.append(
                EventsExtractedV1(
                    article_id=article_id,
                    article=article,
                    events=[e.model_copy() for e in events],
                    quotes=quotes,
                    extractor=events[0].extractor if events else "rules",
                )
            )
    return out


def _clone(msg: EventsExtractedV1, copy: int) -> EventsExtractedV1:
    url = f"{msg.article.canonical_url}?copy={copy}"
    article_id = article_id_for(url)
    article = msg.article.model_copy(
        update={"article_id": article_id, "url": url, "canonical_url": url}
    )
    shift = dt.timedelta(days=5 * copy)
    nudge = ((copy * 37) % 100) / 50 - 1.0  # -1 .. +1 degree, the same for the whole copy
    events = []
    for ev in msg.events:
        day = ev.occurred.date - shift if ev.occurred.date else None
        place = ev.location
        if place is not None and place.lat is not None and place.lon is not None:
            place = place.model_copy(
                update={
                    "lat": max(-89.0, min(89.0, place.lat + nudge)),
                    "lon": (place.lon + 180 + nudge) % 360 - 180,
                }
            )
        e = ev.evidence
        events.append(
            ev.model_copy(
                update={
                    "event_id": event_id_for(article_id, ev.event_type, e.start, e.end, e.trigger),
                    "occurred": ev.occurred.model_copy(update={"date": day}),
                    "location": place,
                }
            )
        )
    return msg.model_copy(update={"article_id": article_id, "article": article, "events": events})


async def scaled_store(url: str, events: int, seed_url: str) -> int:
    """Fill ``url`` (migrated here) with clones of ``seed_url``'s articles: ``events`` in all."""
    await migrate(url)
    async with EventStore.from_url(url) as store:
        if (await store.count())[1]:
            raise SystemExit(f"{url.split('@')[-1]} already holds events; give an empty database")
    seed = [m for m in await _extractions(seed_url) if m.events]
    stored = 0
    copy = 0
    async with EventStore.from_url(url) as store:
        while stored < events:
            batch = []
            for msg in seed:
                clone = _clone(msg, copy)
                room = events - stored
                if room <= 0:
                    break
                if len(clone.events) > room:
                    clone = clone.model_copy(update={"events": clone.events[:room]})
                batch.append(clone)
                stored += len(clone.events)
            await store.save_extractions(batch)
            copy += 1
        return (await store.count())[1]


def temp_sqlite(prefix: str) -> str:
    return sqlite_url(Path(tempfile.mkdtemp(prefix=prefix)) / "store.sqlite")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(database_url: str) -> Iterator[str]:
    """The read API and console over ``database_url`` on 127.0.0.1; yields the base URL."""
    port = _free_port()
    app = create_api(ApiSettings(database_url=database_url))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def chromium(width: int = 1400, height: int = 900) -> contextlib.AbstractContextManager[Any]:
    """The browser tests' headless Chromium launcher, with scrollbars hidden for pictures."""
    root = str(Path(__file__).resolve().parents[2])  # so `tests.support` imports from a script
    if root not in sys.path:
        sys.path.insert(0, root)
    from tests.support.browser import headless_chromium

    return headless_chromium(width, height, extra_flags=("--hide-scrollbars",))


def wait_ready(driver: webdriver.Chrome, timeout_s: float = 60) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout_s).until(
        lambda d: d.execute_script("return document.body.dataset.state") in ("ready", "error")
    )
    state = driver.execute_script("return document.body.dataset.state")
    if state != "ready":
        status = driver.execute_script("return document.getElementById('status').textContent")
        raise RuntimeError(f"the console did not render: {status}")
