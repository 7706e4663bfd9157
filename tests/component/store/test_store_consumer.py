"""The store's batch subscriber, one test body on FastStream's in-memory broker and real Kafka."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from faststream.kafka import KafkaBroker, TestKafkaBroker

from newswire_contracts import DeadLetterV1, article_id_for
from newswire_contracts.topics import EVENTS_EXTRACTED, dlq, topic
from newswire_runtime.kafka import create_broker, ensure_topics, raw_body
from newswire_store import EventStore, migrate
from newswire_store.batching import attach_batch
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings
from tests.support.samples import ACCUSATION, AGREEMENT, RALLY, article, events_of, extraction


class Harness:
    def __init__(self, broker: KafkaBroker, store: EventStore, prefix: str, bootstrap: str | None):
        self.broker, self.store, self.prefix, self.bootstrap = broker, store, prefix, bootstrap
        self.dead: list[DeadLetterV1] = []

    async def send(self, records: list[tuple[bytes, bytes]]) -> None:
        name = topic(EVENTS_EXTRACTED, self.prefix)
        if self.bootstrap is None:
            for key, value in records:
                await self.broker.publish(value, topic=name, key=key)
            return
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap)
        await producer.start()
        try:
            for key, value in records:
                await producer.send(name, value, key=key, partition=0)
            await producer.flush()
        finally:
            await producer.stop()

    async def wait_for(self, articles: int, dead: int, timeout: float = 60.0) -> None:
        async def done() -> None:
            while (await self.store.count())[0] < articles or len(self.dead) < dead:
                await asyncio.sleep(0.1)

        await asyncio.wait_for(done(), timeout)


@pytest.fixture(params=["memory", pytest.param("kafka", marks=pytest.mark.integration)])
async def harness(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    real = request.param == "kafka"
    bootstrap = request.getfixturevalue("kafka_bootstrap") if real else None
    prefix = f"t{uuid.uuid4().hex[:8]}."
    url = f"sqlite:///{tmp_path / 'store.db'}"
    await migrate(url)
    settings = StoreSettings(
        kafka_bootstrap=bootstrap or "127.0.0.1:1",
        topic_prefix=prefix,
        database_url=url,
        max_attempts=1,
        batch_max_records=50,
    )
    store = EventStore.from_url(url)
    broker = create_broker(settings)
    attach_batch(broker, StoreService(store, service="store").step(), store, settings)
    h = Harness(broker, store, prefix, bootstrap)

    @broker.subscriber(
        dlq(EVENTS_EXTRACTED, prefix),
        group_id=f"{prefix}d",
        auto_offset_reset="earliest",
        decoder=raw_body,
    )
    async def on_dead(body: bytes) -> None:
        h.dead.append(DeadLetterV1.model_validate_json(body))

    try:
        if real:
            assert bootstrap is not None
            await ensure_topics(
                bootstrap, [topic(EVENTS_EXTRACTED, prefix), dlq(EVENTS_EXTRACTED, prefix)]
            )
            async with broker:
                await broker.start()
                yield h
        else:
            async with TestKafkaBroker(broker) as test_broker:
                h.broker = test_broker
                yield h
    finally:
        await store.close()


async def test_records_are_stored_and_bad_ones_dead_lettered(harness: Harness) -> None:
    first = article("a", [AGREEMENT])
    second = article("b", [ACCUSATION, RALLY])
    lying = extraction(second, []).model_copy(
        update={"article_id": article_id_for("https://elsewhere.example.test/")}
    )
    await harness.send(
        [
            (b"a", extraction(first, events_of(first, [AGREEMENT])).model_dump_json().encode()),
            (b"broken", b"\x00 not json"),
            (b"lying", lying.model_dump_json().encode()),
            (
                b"b",
                extraction(second, events_of(second, [ACCUSATION, RALLY]))
                .model_dump_json()
                .encode(),
            ),
        ]
    )
    await harness.wait_for(articles=2, dead=2)

    assert await harness.store.count() == (2, 3)
    assert sorted(d.original_key or "" for d in harness.dead) == ["broken", "lying"]
    assert {d.service for d in harness.dead} == {"store"}
    assert all(d.original_topic == topic(EVENTS_EXTRACTED, harness.prefix) for d in harness.dead)
