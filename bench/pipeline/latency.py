"""Request → stored latency of the pipeline: three service processes, real Kafka and PostgreSQL.

A loopback site serves the bundled sample pages, each request under its own URL with a unique
paragraph (so every request is a new article, not a copy). The script starts `newswire run
store|extractor|fetcher` on fresh topics and a fresh database, publishes FetchRequestedV1 with
Poisson arrivals at ``--rate`` per second for ``--seconds``, and reads per article:

- requested: ``requested_at`` of the request (set just before it is published);
- fetched / extracted: ``produced_at`` of its ArticleFetchedV1 / EventsExtractedV1 (read back
  from the topics);
- stored: the article row's ``first_seen_at`` (the store's clock when it wrote the batch).

It prints p50/p95/max of request → stored and of each stage. All on one machine, one clock.

    uv run python bench/pipeline/latency.py --rate 5 --seconds 60
    uv run python bench/pipeline/latency.py --store-batch-timeout-ms 500     # "before"
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from newswire import demo_site
from newswire_contracts import (
    ArticleFetchedV1,
    EventsExtractedV1,
    FetchRequestedV1,
    article_id_for,
)
from newswire_contracts.topics import (
    ARTICLES_FETCHED,
    EVENTS_EXTRACTED,
    FETCH_REQUESTED,
    INPUT_TOPICS,
    dlq,
    topic,
)
from newswire_runtime.topics import TopicSettings, ensure_topic_specs, specs_for

PAGES = [p for p in demo_site.list_pages() if p.endswith(".html") and "index" not in p]


@contextmanager
def unique_site() -> Iterator[str]:
    """The sample pages; ``?n=K`` makes page K a distinct article (canonical URL and text)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            body = demo_site.read_page(path, base)
            if body is None:
                self.send_error(404)
                return
            if query:
                page = body.decode()
                canonical = f"{base}{path}"
                page = page.replace(f'"{canonical}"', f'"{canonical}?{query}"')
                # Distinct enough that the fetcher's near-duplicate check never matches.
                rng = random.Random(query)
                extra = " ".join(f"w{rng.getrandbits(40):x}" for _ in range(200))
                # Into the longest paragraph, which is the article's body on every sample page.
                longest = max(re.finditer(r"<p[^>]*>.*?</p>", page, re.S), key=lambda m: len(m[0]))
                end = longest.end() - len("</p>")
                page = f"{page[:end]} Bench note {query}: {extra}.{page[end:]}"
                body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", demo_site.content_type(path))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def start_services(env: dict[str, str], logs: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for name in ("store", "extractor", "fetcher"):
        with (logs / f"{name}.log").open("wb") as log:
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "newswire", "run", name],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
    return procs


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return (
        f"{name:<22} n={len(values):<4} p50={pct(values, 0.5) * 1000:6.0f} ms  "
        f"p95={pct(values, 0.95) * 1000:6.0f} ms  max={max(values) * 1000:6.0f} ms"
    )


async def produced_at(bootstrap: str, name: str, model: type, ids: set[str]) -> dict[str, float]:
    consumer = AIOKafkaConsumer(
        name, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    found: dict[str, float] = {}
    try:
        async with asyncio.timeout(60):
            while len(found) < len(ids):
                for records in (await consumer.getmany(timeout_ms=1000)).values():
                    for r in records:
                        msg = model.model_validate_json(r.value)
                        article_id = getattr(msg, "article_id", None) or msg.article.article_id
                        found.setdefault(article_id, msg.produced_at.timestamp())
    except TimeoutError:
        pass
    finally:
        await consumer.stop()
    return found


async def run(args: argparse.Namespace) -> None:
    server = make_url(args.database_url)
    db = f"newswire_bench_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{db}"'))
    url = server.set(database=db).render_as_string(hide_password=False)
    prefix = f"pbench{uuid.uuid4().hex[:8]}."
    names = [n for base in INPUT_TOPICS for n in (base, dlq(base, ""))]
    single = TopicSettings(replication_factor=1, min_insync_replicas=1)
    await ensure_topic_specs(args.bootstrap, specs_for(names, prefix=prefix, settings=single))
    env = {
        **os.environ,
        "NEWSWIRE_KAFKA_BOOTSTRAP": args.bootstrap,
        "NEWSWIRE_TOPIC_PREFIX": prefix,
        "NEWSWIRE_TOPIC_REPLICATION_FACTOR": "1",
        "NEWSWIRE_TOPIC_MIN_INSYNC_REPLICAS": "1",
        "NEWSWIRE_DATABASE_URL": url,
        "NEWSWIRE_FETCHER_ALLOW_HOSTS": "127.0.0.1",
        "NEWSWIRE_FETCHER_MIN_HOST_DELAY_S": "0",
        "NEWSWIRE_FETCHER_HOST_CONCURRENCY": "8",
        "NEWSWIRE_FETCHER_DEDUP_MIN_SIMILARITY": "1.0",
    }
    if args.store_batch_timeout_ms is not None:
        env["NEWSWIRE_STORE_BATCH_TIMEOUT_MS"] = str(args.store_batch_timeout_ms)
    for service in ("fetcher", "extractor", "store"):
        env[f"NEWSWIRE_{service.upper()}_GROUP_ID"] = f"{prefix}{service}"
    logs = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    procs = start_services(env, logs)
    engine = create_async_engine(url, poolclass=NullPool)
    requested: dict[str, float] = {}
    try:
        with unique_site() as base:
            producer = AIOKafkaProducer(bootstrap_servers=args.bootstrap, linger_ms=0)
            await producer.start()
            serial = iter(range(10**9))

            async def request() -> str:
                page = PAGES[next(serial) % len(PAGES)]
                url = f"{base}{page}?n={uuid.uuid4().hex[:12]}"
                req = FetchRequestedV1(url=url, source="bench")
                article_id = article_id_for(url)
                requested[article_id] = req.requested_at.timestamp()
                await producer.send_and_wait(
                    topic(FETCH_REQUESTED, prefix), req.model_dump_json().encode(), key=url.encode()
                )
                return article_id

            async def stored_times() -> dict[str, float]:
                async with engine.connect() as conn:
                    rows = await conn.execute(
                        text("SELECT article_id, first_seen_at FROM articles")
                    )
                    out = {}
                    for article_id, seen in rows:
                        if isinstance(seen, str):
                            seen = dt.datetime.fromisoformat(seen)
                        if seen.tzinfo is None:
                            seen = seen.replace(tzinfo=dt.UTC)
                        out[article_id] = seen.timestamp()
                    return out

            async def wait_stored(ids: set[str], within_s: float) -> dict[str, float]:
                end = time.monotonic() + within_s
                while True:
                    try:
                        times = await stored_times()
                    except Exception:  # the table appears when the store has migrated
                        times = {}
                    if ids <= set(times) or time.monotonic() > end:
                        return times
                    await asyncio.sleep(0.5)

            # Warm-up: every service up, every page parsed once.
            warm = {await request() for _ in range(3)}
            times = await wait_stored(warm, 300)
            if not warm <= set(times):
                raise SystemExit(f"services not ready after 300 s; logs in {logs}")
            rng = random.Random(args.seed)
            ids: set[str] = set()
            due = time.perf_counter()
            for _ in range(round(args.rate * args.seconds)):
                due += rng.expovariate(args.rate)
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                ids.add(await request())
            await producer.stop()
            times = await wait_stored(ids, 180)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
    fetched = await produced_at(
        args.bootstrap, topic(ARTICLES_FETCHED, prefix), ArticleFetchedV1, ids
    )
    extracted = await produced_at(
        args.bootstrap, topic(EVENTS_EXTRACTED, prefix), EventsExtractedV1, ids
    )
    await engine.dispose()
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
    await admin.dispose()

    done = [a for a in ids if a in times]
    full = [a for a in done if a in fetched and a in extracted]
    timeout = args.store_batch_timeout_ms or "default"
    print(f"rate {args.rate}/s Poisson for {args.seconds}s, store batch timeout {timeout} ms")
    print(f"stored {len(done)} of {len(ids)}")
    print(line("request → stored", [times[a] - requested[a] for a in done]))
    print(line("  request → fetched", [fetched[a] - requested[a] for a in full]))
    print(line("  fetched → extracted", [extracted[a] - fetched[a] for a in full]))
    print(line("  extracted → stored", [times[a] - extracted[a] for a in full]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument(
        "--database-url",
        default="postgresql+asyncpg://newswire:newswire@127.0.0.1:54329/newswire",
        help="server URL; a fresh database is created on it and dropped afterwards",
    )
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store-batch-timeout-ms", type=int, default=None)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
