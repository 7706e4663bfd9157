"""Store latency and throughput on a real broker: published → committed, per record.

The store's consumer (the production batch subscriber, ``attach_batch``) runs in this process
against real Kafka and a fresh PostgreSQL (or SQLite) database. The script

1. publishes ``--rate`` EventsExtractedV1 records per second (Poisson arrivals by default) for
   ``--seconds`` and records, per
   article, the time from just before the publish to the end of the transaction that stored it
   (p50/p95/max);
2. then publishes ``--burst`` records at once and reports how fast they are stored and the mean
   batch size, to show batching still works under load.

    uv run python bench/store/latency.py --database-url postgresql+asyncpg://…/newswire
    uv run python bench/store/latency.py --batch-timeout-ms 500   # the old default, for "before"
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaProducer
from export_rss import _extraction  # bench/store/export_rss.py: 10 events per article
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from newswire_contracts import EventsExtractedV1
from newswire_contracts.topics import EVENTS_EXTRACTED, topic
from newswire_runtime.kafka import create_broker, ensure_service_topics
from newswire_runtime.topics import TopicSettings
from newswire_store import EventStore, migrate
from newswire_store.batching import attach_batch
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings


class Clock:
    """When each article was sent and stored, and the size of every stored batch."""

    def __init__(self) -> None:
        self.sent: dict[str, float] = {}
        self.stored: dict[str, float] = {}
        self.batches: list[int] = []
        self.done = asyncio.Event()
        self.want = 0

    def mark(self, messages: Iterable[EventsExtractedV1]) -> None:
        now = time.perf_counter()
        ids = [m.article_id for m in messages]
        self.batches.append(len(ids))
        for article_id in ids:
            self.stored.setdefault(article_id, now)
        if len(self.stored) >= self.want:
            self.done.set()


def timed(store: EventStore, clock: Clock) -> None:
    """Wrap the store's write methods so every commit is timed (instance attributes)."""
    many, one = store.save_extractions, store.save_extraction

    async def save_extractions(messages: Iterable[EventsExtractedV1]) -> Any:
        batch = list(messages)
        result = await many(batch)
        clock.mark(batch)
        return result

    async def save_extraction(message: EventsExtractedV1) -> Any:
        result = await one(message)
        clock.mark([message])
        return result

    store.save_extractions = save_extractions  # type: ignore[method-assign]
    store.save_extraction = save_extraction  # type: ignore[method-assign]


async def fresh_database(url: str) -> tuple[str, Any]:
    if not url.startswith("postgresql"):
        return url, None
    server = make_url(url)
    name = f"newswire_bench_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))

    async def drop() -> None:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def run(args: argparse.Namespace) -> None:
    url, drop = await fresh_database(args.database_url)
    prefix = f"bench{uuid.uuid4().hex[:8]}."
    overrides = {} if args.batch_timeout_ms is None else {"batch_timeout_ms": args.batch_timeout_ms}
    settings = StoreSettings(
        kafka_bootstrap=args.bootstrap,
        topic_prefix=prefix,
        database_url=url,
        group_id=f"{prefix}store",
        topics=TopicSettings(replication_factor=1, min_insync_replicas=1),
        **overrides,
    )
    await migrate(url)
    store = EventStore.from_url(url)
    clock = Clock()
    timed(store, clock)
    step = StoreService(store, service="store").step()
    broker = create_broker(settings)
    attach_batch(broker, step, store, settings)
    await ensure_service_topics(settings, [step])
    producer = AIOKafkaProducer(bootstrap_servers=args.bootstrap, linger_ms=0)
    name = topic(EVENTS_EXTRACTED, prefix)
    serial = iter(range(10**9))

    async def send(wait: bool) -> None:
        msg = _extraction(next(serial))
        clock.sent[msg.article_id] = time.perf_counter()
        data = msg.model_dump_json().encode()
        if wait:
            await producer.send_and_wait(name, data, key=msg.article_id.encode())
        else:
            await producer.send(name, data, key=msg.article_id.encode())

    async def settle(count: int, within_s: float) -> None:
        clock.want, clock.done = count, asyncio.Event()
        if len(clock.stored) < count:
            await asyncio.wait_for(clock.done.wait(), within_s)

    try:
        await producer.start()
        async with broker:
            await broker.start()
            for _ in range(3):  # warm-up: group join, connections, first statements
                await send(True)
            await settle(3, 60)
            clock.batches.clear()
            warm = set(clock.sent)
            total = round(args.rate * args.seconds)
            rng = random.Random(args.seed)
            due = time.perf_counter()
            for _ in range(total):
                # Poisson arrivals (exponential gaps), as an upstream extractor produces them.
                gap = rng.expovariate(args.rate) if args.arrivals == "poisson" else 1 / args.rate
                due += gap
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                await send(True)
            await settle(3 + total, 60)
            latencies = [clock.stored[a] - t for a, t in clock.sent.items() if a not in warm]
            paced_batches = list(clock.batches)
            clock.batches.clear()
            before = len(clock.stored)
            burst_start = time.perf_counter()
            for _ in range(args.burst):
                await send(False)
            await producer.flush()
            await settle(before + args.burst, 300)
            burst_s = max(clock.stored.values()) - burst_start
    finally:
        await producer.stop()
        await store.close()
        if drop is not None:
            await drop()

    timeout = settings.batch_timeout_ms
    print(f"store batch_timeout_ms={timeout} batch_max_records={settings.batch_max_records}")
    print(
        f"{args.arrivals} {args.rate}/s for {args.seconds}s: n={len(latencies)} "
        f"p50={percentile(latencies, 0.5) * 1000:.0f} ms "
        f"p95={percentile(latencies, 0.95) * 1000:.0f} ms "
        f"max={max(latencies) * 1000:.0f} ms "
        f"mean batch={statistics.mean(paced_batches):.1f}"
    )
    print(
        f"burst of {args.burst}: {args.burst / burst_s:.0f} records/s "
        f"({args.burst * 10 / burst_s:.0f} events/s), "
        f"mean batch={statistics.mean(clock.batches):.1f}, batches={len(clock.batches)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument(
        "--database-url",
        default="postgresql+asyncpg://newswire:newswire@127.0.0.1:54329/newswire",
        help="server URL; a fresh database is created on it and dropped afterwards",
    )
    parser.add_argument("--rate", type=float, default=5.0, help="records per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--arrivals", choices=["poisson", "even"], default="poisson")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--burst", type=int, default=2000)
    parser.add_argument(
        "--batch-timeout-ms", type=int, default=None, help="default: the store's setting"
    )
    args = parser.parse_args()
    try:
        asyncio.run(run(args))
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
