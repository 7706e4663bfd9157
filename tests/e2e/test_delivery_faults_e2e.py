"""Fault injection on the three service processes (real Kafka and PostgreSQL).

Poison on every input topic — not JSON, an invalid message, a record whose dead letter would be
too large if it carried the original whole, and a record over the size limit — is dead-lettered
exactly once, each letter within the limit with the original's size and SHA-256, while good
records keyed to the same partitions keep flowing. Then the store is killed with SIGKILL in the
middle of a stream and restarted: every article is stored once, none lost, none duplicated.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.support.databases import FreshDatabase
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from newswire import demo_site
from newswire.site_server import serve_site
from newswire_contracts import DeadLetterV1, FetchRequestedV1, article_id_for
from newswire_contracts.topics import (
    ARTICLES_FETCHED,
    EVENTS_EXTRACTED,
    FETCH_REQUESTED,
    INPUT_TOPICS,
    dlq,
    topic,
)
from newswire_runtime.topics import TopicSettings, ensure_topic_specs, specs_for
from newswire_store import EventStore

pytestmark = pytest.mark.e2e

LIMIT = 64 * 1024  # NEWSWIRE_MAX_MESSAGE_BYTES for this test: small records, same policy
PAGES = demo_site.list_pages()[:4]
POISON = {
    "not-json": b"\x00 not json at all",
    "invalid": b'{"schema_version": 1, "unexpected": true}',
    "whole-letter-too-big": b"\xff" * 60_000,  # fits; its base64 would not
    "over-the-limit": b"\xfe" * 100_000,  # the topic takes it (limit + 64 KiB), the runtime not
}


class Services:
    """The three services as `python -m newswire run …` processes; one can be killed and rerun."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs = env, logs
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str) -> None:
        with (self.logs / f"{name}.log").open("ab") as log:
            self.procs[name] = subprocess.Popen(
                [sys.executable, "-m", "newswire", "run", name],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill(self, name: str) -> None:
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait(timeout=30)

    def stop(self) -> None:
        for p in self.procs.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs.values():
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.logs.glob("*.log")))

    def tails(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
            for p in sorted(self.logs.glob("*.log"))
        )


@pytest.fixture
async def database(fresh_database: FreshDatabase) -> AsyncIterator[str]:
    """An empty database on the test server, dropped afterwards."""
    async with fresh_database("faults") as url:
        yield url


@pytest.fixture
def site() -> Iterator[str]:
    with serve_site() as base:
        yield base


@pytest.fixture
async def services(
    kafka_bootstrap: str, database: str, tmp_path: Path
) -> AsyncIterator[tuple[str, Services]]:
    prefix = f"flt{uuid.uuid4().hex[:8]}."
    # Created up front with the services' own layout, so the test's records never auto-create
    # a topic with broker defaults.
    names = [n for base in INPUT_TOPICS for n in (base, dlq(base, ""))]
    single = TopicSettings(replication_factor=1, min_insync_replicas=1)
    await ensure_topic_specs(
        kafka_bootstrap,
        specs_for(names, prefix=prefix, settings=single, max_message_bytes=LIMIT),
    )
    env = {
        **os.environ,
        "NEWSWIRE_KAFKA_BOOTSTRAP": kafka_bootstrap,
        "NEWSWIRE_TOPIC_PREFIX": prefix,
        "NEWSWIRE_TOPIC_REPLICATION_FACTOR": "1",
        "NEWSWIRE_TOPIC_MIN_INSYNC_REPLICAS": "1",
        "NEWSWIRE_MAX_MESSAGE_BYTES": str(LIMIT),
        "NEWSWIRE_DATABASE_URL": database,
        "NEWSWIRE_FETCHER_ALLOW_HOSTS": "127.0.0.1",
        "NEWSWIRE_FETCHER_MIN_HOST_DELAY_S": "0",
        "NEWSWIRE_FETCHER_MAX_ATTEMPTS": "2",
    }
    for service in ("fetcher", "extractor", "store"):
        env[f"NEWSWIRE_{service.upper()}_GROUP_ID"] = f"{prefix}{service}"
    running = Services(env, tmp_path)
    for name in ("store", "extractor", "fetcher"):
        running.start(name)
    try:
        yield prefix, running
    finally:
        running.stop()


async def _send(bootstrap: str, records: list[tuple[str, bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        for name, key, value in records:
            await producer.send_and_wait(name, value, key=key)
    finally:
        await producer.stop()


async def _read_dead_letters(
    bootstrap: str, prefix: str, want: int, timeout: float, linger: float
) -> list[tuple[int, DeadLetterV1]]:
    """(record size, letter) of every dead letter; waits for ``want``, then ``linger`` more."""
    consumer = AIOKafkaConsumer(
        *(dlq(n, prefix) for n in INPUT_TOPICS),
        bootstrap_servers=bootstrap,
        group_id=f"{prefix}dlq-reader",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    letters: list[tuple[int, DeadLetterV1]] = []
    try:
        async with asyncio.timeout(timeout):
            while len(letters) < want:
                for records in (await consumer.getmany(timeout_ms=500)).values():
                    letters += [
                        (len(r.value), DeadLetterV1.model_validate_json(r.value)) for r in records
                    ]
        loop = asyncio.get_running_loop()
        end = loop.time() + linger
        while loop.time() < end:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                letters += [
                    (len(r.value), DeadLetterV1.model_validate_json(r.value)) for r in records
                ]
    finally:
        await consumer.stop()
    return letters


async def _stored(store: EventStore, ids: set[str]) -> set[str]:
    return {i for i in ids if await store.get_article(i) is not None}


async def _wait_stored(store: EventStore, ids: set[str], at_least: int, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while len(await _stored(store, ids)) < at_least:
            await asyncio.sleep(0.3)


async def test_poison_is_dead_lettered_once_and_a_killed_store_loses_nothing(
    kafka_bootstrap: str, database: str, site: str, services: tuple[str, Services]
) -> None:
    prefix, running = services
    urls = [site + page for page in PAGES]
    ids = {article_id_for(u) for u in urls}
    # Poison first, keyed like the first good record of each topic: the same partition, ahead.
    keys = {
        FETCH_REQUESTED: urls[0].encode(),
        ARTICLES_FETCHED: article_id_for(urls[0]).encode(),
        EVENTS_EXTRACTED: article_id_for(urls[0]).encode(),
    }
    poison = [(topic(n, prefix), keys[n], value) for n in INPUT_TOPICS for value in POISON.values()]
    store = EventStore.from_url(database)
    try:
        try:
            await _send(kafka_bootstrap, poison)
            letters = await _read_dead_letters(
                kafka_bootstrap, prefix, want=len(poison), timeout=120, linger=0
            )
            requests = [
                (
                    topic(FETCH_REQUESTED, prefix),
                    u.encode(),
                    FetchRequestedV1(url=u).model_dump_json().encode(),
                )
                for u in urls
            ]
            await _send(kafka_bootstrap, requests[:2])
            await _wait_stored(store, ids, at_least=1, timeout=120)
            running.kill("store")  # mid-stream: the rest of the first half is in flight
            await _send(kafka_bootstrap, requests[2:])
            running.start("store")
            await _wait_stored(store, ids, at_least=len(ids), timeout=180)
            letters += await _read_dead_letters(
                kafka_bootstrap, prefix, want=0, timeout=10, linger=3
            )
        except TimeoutError:
            pytest.fail("the pipeline did not finish in time\n" + running.tails())

        # Nothing lost, nothing duplicated: every article once, one version, unique events.
        for article_id in ids:
            record = await store.get_article_record(article_id)
            assert record is not None
            assert len(record.versions) == 1, record.versions
            assert record.article.duplicate_of is None
            events = await store.list_events(article_id=article_id, limit=10_000)
            assert len({e.event_id for e in events}) == len(events)
        articles, _ = await store.count()
        assert articles == len(ids)
    finally:
        await store.close()

    # Every poison record dead-lettered exactly once, by the service that consumes its topic.
    coordinates = [(d.original_topic, d.original_partition, d.original_offset) for _, d in letters]
    assert len(coordinates) == len(set(coordinates)) == len(poison), running.tails()
    by_value = {(d.original_topic, d.original_sha256): (size, d) for size, d in letters}
    logs = running.log_text()
    for name, key, value in poison:
        size, letter = by_value[(name, hashlib.sha256(value).hexdigest())]
        assert size <= LIMIT
        assert letter.original_size == len(value)
        assert letter.original_key == key.decode()
        assert value.startswith(letter.original_value)
        assert letter.truncated == (len(value) >= POISON["whole-letter-too-big"].__len__())
        if len(value) > LIMIT:
            assert f"over the {LIMIT}-byte limit" in letter.error
        else:
            assert letter.error.startswith("invalid message")
        where = f"{name}[{letter.original_partition}]@{letter.original_offset}"
        assert logs.count(f"dead-lettering {where} ") == 1, where  # tried once, never redelivered
    assert {d.service for _, d in letters} == {"fetcher", "extractor", "store"}
