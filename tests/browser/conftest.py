"""Browser tests of the analyst console: Debian's Chromium, headless, driven by Selenium.

One store per session, filled by the demo pipeline (the bundled sample site fetched, extracted
and stored in this process) plus one article with characters outside the BMP, served by the real
API app under uvicorn on 127.0.0.1. In CI (CI=true) a missing Chromium fails these tests; on a
workstation without it they are skipped with the reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from newswire.pipeline import EmbeddedSettings, read_feed, run_embedded
from newswire.site_server import serve_site
from newswire_contracts import (
    Actor,
    ArticleV1,
    Event,
    EventsExtractedV1,
    Evidence,
    Location,
    Occurred,
    Quantity,
    article_id_for,
    event_id_for,
)
from newswire_fetcher.service import create_client
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime.sql import sqlite_url
from newswire_store import EventStore
from newswire_store.api import ApiSettings, create_api
from tests.support.browser import (
    ASTRAL_URL,
    CHROMEDRIVER,
    CHROMIUM,
    TOKEN,
    Browser,
    headless_chromium,
)

# An article whose text has characters outside the BMP (flags, emoji) before and inside the
# evidence: Python counts them as one character each, JavaScript as two.
ASTRAL_TEXT = (
    "🇺🇦 KYIV — Residents lit candles 🕯️ in the square on Sunday. "
    "Ukraine's foreign ministry accused Russia of shelling two 🏥 hospitals in Kharkiv. "
    "Officials said repairs would take weeks."
)


def _astral_extraction() -> EventsExtractedV1:
    article_id = article_id_for(ASTRAL_URL)
    sentence = "Ukraine's foreign ministry accused Russia of shelling two 🏥 hospitals in Kharkiv."
    start = ASTRAL_TEXT.index(sentence)
    end = start + len(sentence)
    t_start = ASTRAL_TEXT.index("accused")
    t_end = t_start + len("accused")
    event = Event(
        event_id=event_id_for(article_id, "ACCUSE", start, end, "accused"),
        event_type="ACCUSE",
        actors=[
            Actor(
                text="Ukraine's foreign ministry",
                name="Ukraine",
                kind="ORG",
                country="UKR",
                sector="GOV",
            )
        ],
        targets=[Actor(text="Russia", name="Russia", kind="GPE", country="RUS", sector="GOV")],
        location=Location(text="Kharkiv", name="Kharkiv", country="UKR", lat=49.99, lon=36.23),
        quantities=[Quantity(value=2, unit="hospitals", category="damaged", text="two")],
        occurred=Occurred(date=dt.date(2025, 3, 1), precision="day"),
        confidence=0.9,
        evidence=Evidence(
            text=sentence,
            start=start,
            end=end,
            trigger="accused",
            trigger_start=t_start,
            trigger_end=t_end,
        ),
    )
    article = ArticleV1(
        article_id=article_id,
        url=ASTRAL_URL,
        canonical_url=ASTRAL_URL,
        title="Candles and shelling",
        text=ASTRAL_TEXT,
        published_at=dt.datetime(2025, 3, 2, 8, 0, tzinfo=dt.UTC),
        language="en",
        site_name="Example Test News",
    )
    return EventsExtractedV1(
        article_id=article_id, article=article, events=[event], extractor="test/1"
    )


def _roundup_extraction(protests: int) -> EventsExtractedV1:
    """Many protests in one article, so the list has more than one page of 100."""
    url = "https://example.test/world/protest-roundup"
    article_id = article_id_for(url)
    sentences = [
        f"Students rallied outside the town hall of Rivertown {i} on Monday."
        for i in range(protests)
    ]
    text = " ".join(sentences)
    events = []
    for sentence in sentences:
        start = text.index(sentence)
        t_start = start + sentence.index("rallied")
        events.append(
            Event(
                event_id=event_id_for(
                    article_id, "PROTEST", start, start + len(sentence), "rallied"
                ),
                event_type="PROTEST",
                actors=[Actor(text="Students", name="students", kind="NORP", sector="CVL")],
                occurred=Occurred(date=dt.date(2025, 3, 3), precision="day"),
                confidence=0.7,
                evidence=Evidence(
                    text=sentence,
                    start=start,
                    end=start + len(sentence),
                    trigger="rallied",
                    trigger_start=t_start,
                    trigger_end=t_start + len("rallied"),
                ),
            )
        )
    article = ArticleV1(
        article_id=article_id,
        url=url,
        canonical_url=url,
        title="Protests across the region",
        text=text,
        published_at=dt.datetime(2025, 3, 4, 8, 0, tzinfo=dt.UTC),
        language="en",
    )
    return EventsExtractedV1(
        article_id=article_id, article=article, events=events, extractor="test/1"
    )


async def _fill(url: str) -> None:
    with serve_site() as base:
        async with create_client(FetcherSettings(allow_hosts=["127.0.0.1"])) as client:
            links = await read_feed(client, f"{base}/feed.xml")
        settings = EmbeddedSettings.from_env(url, allow_hosts=["127.0.0.1"], min_host_delay_s=0)
        report = await run_embedded(links, settings)
    assert report.stored == len(links) > 0, report
    async with EventStore.from_url(url) as store:
        await store.save_extraction(_astral_extraction())
        # However many events the demo's sample site gives, the list gets a second page.
        stored = (await store.count())[1]
        await store.save_extraction(_roundup_extraction(max(12, 110 - stored)))


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo pipeline's SQLite store (built once per session)."""
    url = sqlite_url(tmp_path_factory.mktemp("console") / "demo.sqlite")
    asyncio.run(_fill(url))
    return url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(settings: ApiSettings) -> Iterator[str]:
    """The API app under uvicorn on 127.0.0.1, in a thread of this process; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_api(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start")
        time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def console_url(demo_store: str) -> Iterator[str]:
    with serving(ApiSettings(database_url=demo_store)) as base:
        yield base


@pytest.fixture(scope="session")
def guarded_url(demo_store: str) -> Iterator[str]:
    """The same store behind a bearer token."""
    with serving(ApiSettings(database_url=demo_store, token=TOKEN)) as base:  # type: ignore[arg-type]
        yield base


@pytest.fixture(scope="session")
def api(console_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=console_url, timeout=30) as client:
        yield client


def chromium_or_skip() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        reason = (
            f"Chromium is not installed ({', '.join(missing)} missing); "
            "install it with: apt-get install chromium chromium-driver"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium_or_skip()
    with headless_chromium(logs=("browser", "performance")) as driver:
        yield Browser(driver)
