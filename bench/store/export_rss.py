"""Peak memory of exporting many events: streaming export vs loading every event at once.

    uv run python bench/store/export_rss.py [--events 10000] [--database-url URL]

Seeds a fresh database (SQLite in a temp dir unless --database-url names an empty PostgreSQL
database), then measures each mode in its own child process so each peak RSS is its own:
  stream  - `newswire export`'s code path (EventStore.stream_events + export.encode) to /dev/null
  load    - the same rows fetched into one list first (what a naive export would do)
  idle    - the child with the same imports and nothing exported (the baseline)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newswire_contracts import (
    Actor,
    ArticleV1,
    Event,
    EventsExtractedV1,
    Evidence,
    Location,
    Occurred,
    article_id_for,
    event_id_for,
)
from newswire_store import EventStore, migrate
from newswire_store.export import encode
from newswire_store.filters import EventFilter

EVENTS_PER_ARTICLE = 10
TYPES = ["CONSULT", "ACCUSE", "AID", "PROTEST", "THREATEN"]
SENTENCE = (
    "Officials from {a} met counterparts from {b} in {city} on Tuesday to discuss grain "
    "shipments, border crossings and the release of detained journalists, report {n} said."
)


def _extraction(n: int) -> EventsExtractedV1:
    url = f"https://bench.example.test/world/{n}"
    article_id = article_id_for(url)
    sentences = [
        SENTENCE.format(a="Kenya", b="Ethiopia", city="Nairobi", n=f"{n}-{i}")
        for i in range(EVENTS_PER_ARTICLE)
    ]
    text = " ".join(sentences)
    events, start = [], 0
    for i, sentence in enumerate(sentences):
        kind = TYPES[i % len(TYPES)]
        end = start + len(sentence)
        events.append(
            Event(
                event_id=event_id_for(article_id, kind, start, end, "met"),
                event_type=kind,  # type: ignore[arg-type]
                actors=[Actor(text="Kenya", name="Kenya", country="KEN", sector="GOV")],
                targets=[Actor(text="Ethiopia", name="Ethiopia", country="ETH", sector="GOV")],
                location=Location(
                    text="Nairobi", name="Nairobi", country="KEN", lat=-1.29, lon=36.8
                ),
                occurred=Occurred(
                    date=dt.date(2025, 1, 1) + dt.timedelta(days=n % 365), precision="day"
                ),
                confidence=0.7,
                evidence=Evidence(text=sentence, start=start, end=end, trigger="met"),
            )
        )
        start = end + 1
    article = ArticleV1(
        article_id=article_id,
        url=url,
        canonical_url=url,
        text=text,
        title=f"Bench {n}",
        published_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC),
        site_name="Bench Wire",
        content_hash=f"h{n}",
    )
    return EventsExtractedV1(
        article_id=article_id, article=article, events=events, extractor="bench"
    )


async def seed(url: str, events: int) -> None:
    await migrate(url)
    articles = events // EVENTS_PER_ARTICLE
    started = time.perf_counter()
    async with EventStore.from_url(url) as store:
        for first in range(0, articles, 100):
            await store.save_extractions(
                _extraction(n) for n in range(first, min(first + 100, articles))
            )
        took = time.perf_counter() - started
        counts = await store.count()
        print(f"seeded {counts} (articles, events) in batches of 100 articles: {took:.1f}s")


async def run_mode(url: str, mode: str) -> int:
    rows = 0
    async with EventStore.from_url(url) as store:
        # The text is counted and dropped, as a socket or file would take it.
        if mode == "stream":
            async for chunk in encode(store.stream_events(EventFilter()), "csv"):
                rows += chunk.count("\n")
        elif mode == "load":
            page = await store.search_events(EventFilter(), limit=10**9)

            async def replay():  # type: ignore[no-untyped-def]
                for item in page.items:
                    yield item

            async for chunk in encode(replay(), "csv"):
                rows += chunk.count("\n")
    return rows


def child(url: str, mode: str) -> None:
    started = time.perf_counter()
    rows = asyncio.run(run_mode(url, mode)) if mode != "idle" else 0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    took = time.perf_counter() - started
    print(f"{mode:6} rows={rows:6d} peak_rss={peak_mib:7.1f} MiB time={took:5.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--database-url")
    parser.add_argument("--child", nargs=2, metavar=("URL", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        asyncio.run(seed(url, args.events))
        for mode in ("idle", "stream", "load"):
            subprocess.run([sys.executable, __file__, "--child", url, mode], check=True)


if __name__ == "__main__":
    main()
