"""The three services as separate processes on real Kafka and PostgreSQL.

A URL served on 127.0.0.1 goes in; its article and events come out in PostgreSQL. A malformed
record on each input topic ends in that topic's dead-letter topic and the pipeline keeps going.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from newswire import demo_site
from newswire.site_server import serve_site
from newswire_contracts import DeadLetterV1, FetchRequestedV1, article_id_for
from newswire_contracts.topics import FETCH_REQUESTED, INPUT_TOPICS, dlq, topic
from newswire_store import EventStore

pytestmark = pytest.mark.e2e

ISTANBUL = next(p for p in demo_site.list_pages() if "istanbul" in p)
SECOND = next(p for p in demo_site.list_pages() if "istanbul" not in p)


@pytest.fixture
def site() -> Iterator[str]:
    with serve_site() as base:
        yield base


@pytest.fixture
def services(
    kafka_bootstrap: str, postgres_url: str, tmp_path: Path
) -> Iterator[tuple[str, list[subprocess.Popen[bytes]], list[Path]]]:
    prefix = f"e2e{uuid.uuid4().hex[:8]}."
    env = {
        **os.environ,
        "NEWSWIRE_KAFKA_BOOTSTRAP": kafka_bootstrap,
        # The test broker is a single node (production defaults: 3 and 2).
        "NEWSWIRE_TOPIC_REPLICATION_FACTOR": "1",
        "NEWSWIRE_TOPIC_MIN_INSYNC_REPLICAS": "1",
        "NEWSWIRE_TOPIC_PREFIX": prefix,
        "NEWSWIRE_DATABASE_URL": postgres_url,
        "NEWSWIRE_FETCHER_MAX_ATTEMPTS": "2",
        "NEWSWIRE_FETCHER_ALLOW_HOSTS": "127.0.0.1",
    }
    procs, logs = [], []
    for name in ("store", "extractor", "fetcher"):
        log = tmp_path / f"{name}.log"
        logs.append(log)
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "newswire", "run", name],
                env=env,
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
    try:
        yield prefix, procs, logs
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


async def _send(bootstrap: str, name: str, prefix: str, value: bytes, key: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        await producer.send_and_wait(topic(name, prefix), value, key=key)
    finally:
        await producer.stop()


async def _dead_letters(
    bootstrap: str, prefix: str, want: int, timeout: float
) -> list[DeadLetterV1]:
    consumer = AIOKafkaConsumer(
        *(dlq(n, prefix) for n in INPUT_TOPICS),
        bootstrap_servers=bootstrap,
        group_id=f"{prefix}dlq-reader",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    letters: list[DeadLetterV1] = []
    try:
        async with asyncio.timeout(timeout):
            while len(letters) < want:
                batch = await consumer.getmany(timeout_ms=500)
                for records in batch.values():
                    letters += [DeadLetterV1.model_validate_json(r.value) for r in records]
    finally:
        await consumer.stop()
    return letters


async def _wait_for_article(store: EventStore, article_id: str, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while await store.get_article(article_id) is None:
            await asyncio.sleep(0.5)


def _logs(logs: list[Path]) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-4000:]}" for p in logs)


async def test_url_in_events_out_and_bad_records_dead_lettered(
    site: str,
    services: tuple[str, list[subprocess.Popen[bytes]], list[Path]],
    kafka_bootstrap: str,
    postgres_url: str,
) -> None:
    prefix, procs, logs = services
    first, second = site + ISTANBUL, site + SECOND
    bad = {name: f"broken {name} record \x00".encode() for name in INPUT_TOPICS}
    await _send(
        kafka_bootstrap,
        FETCH_REQUESTED,
        prefix,
        FetchRequestedV1(url=first).model_dump_json().encode(),
        first.encode(),
    )
    for name, value in bad.items():
        await _send(kafka_bootstrap, name, prefix, value, b"bad-" + name.encode())
    # Sent after the malformed records: the pipeline must still process it.
    await _send(
        kafka_bootstrap,
        FETCH_REQUESTED,
        prefix,
        FetchRequestedV1(url=second).model_dump_json().encode(),
        second.encode(),
    )

    store = EventStore.from_url(postgres_url)
    try:
        try:
            letters = await _dead_letters(kafka_bootstrap, prefix, want=3, timeout=180)
            ids = {article_id_for(u) for u in (first, second)}
            for article_id in ids:
                await _wait_for_article(store, article_id, timeout=120)
        except TimeoutError:
            pytest.fail("pipeline did not finish in time\n" + _logs(logs))
        assert all(p.poll() is None for p in procs), _logs(logs)

        article = await store.get_article(article_id_for(first))
        assert article is not None
        assert "Istanbul" in article.text
        assert article.published_at is not None and article.published_at.tzinfo is not None
        mine = await store.list_events(article_id=article.article_id, limit=10_000)
        for e in mine:  # evidence offsets point into the stored article text
            assert article.text[e.evidence.start : e.evidence.end] == e.evidence.text
        consult = [e for e in mine if e.event_type == "CONSULT"]
        assert consult, f"no CONSULT among {[e.event_type for e in mine]}"
        countries = {a.country for e in consult for a in [*e.actors, *e.targets]}
        assert {"UKR", "RUS"} <= countries
        assert any(e.occurred.date and e.occurred.date.isoformat() == "2025-06-02" for e in consult)
    finally:
        await store.close()

    by_topic = {letter.original_topic: letter for letter in letters}
    assert set(by_topic) == {topic(n, prefix) for n in INPUT_TOPICS}
    for name, value in bad.items():
        letter = by_topic[topic(name, prefix)]
        assert letter.original_value == value
        assert "invalid message" in letter.error
    assert {letter.service for letter in letters} == {"fetcher", "extractor", "store"}
