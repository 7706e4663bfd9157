"""One test body, two transports: FastStream's in-memory broker and a real Apache Kafka broker."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence

import pytest
from aiokafka import AIOKafkaProducer
from faststream.kafka import KafkaBroker, TestKafkaBroker

from newswire_contracts import DeadLetterV1, FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED, dlq, topic
from newswire_runtime import Outgoing, ServiceSettings, Step
from newswire_runtime.kafka import attach, create_broker, ensure_topics, raw_body

OUT = "echo.v1"


async def echo(msg: FetchRequestedV1) -> Sequence[Outgoing]:
    return [Outgoing(OUT, msg.url, msg)]


def step() -> Step[FetchRequestedV1]:
    return Step("echo", FETCH_REQUESTED, FetchRequestedV1, echo, (OUT,))


class Harness:
    """Publishes raw bytes and collects what lands on the output and dead-letter topics."""

    def __init__(self, broker: KafkaBroker, prefix: str, real: bool, bootstrap: str) -> None:
        self.broker, self.prefix, self.real, self.bootstrap = broker, prefix, real, bootstrap
        self.out: list[bytes] = []
        self.dead: list[bytes] = []

    async def send(self, value: bytes, key: bytes | None = None) -> None:
        if self.real:
            producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap)
            await producer.start()
            try:
                await producer.send_and_wait(topic(FETCH_REQUESTED, self.prefix), value, key=key)
            finally:
                await producer.stop()
        else:
            await self.broker.publish(value, topic=topic(FETCH_REQUESTED, self.prefix), key=key)

    async def wait_for(self, out: int, dead: int, timeout: float = 60.0) -> None:
        async def enough() -> None:
            while len(self.out) < out or len(self.dead) < dead:
                await asyncio.sleep(0.05)

        await asyncio.wait_for(enough(), timeout)


@pytest.fixture(params=["memory", pytest.param("kafka", marks=pytest.mark.integration)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    real = request.param == "kafka"
    bootstrap = request.getfixturevalue("kafka_bootstrap") if real else "127.0.0.1:1"
    prefix = f"t{uuid.uuid4().hex[:8]}."
    settings = ServiceSettings(
        service_name="echo", kafka_bootstrap=bootstrap, topic_prefix=prefix, max_attempts=1
    )
    broker = create_broker(settings)
    attach(broker, step(), settings)
    if real:
        await ensure_topics(
            bootstrap,
            [topic(FETCH_REQUESTED, prefix), dlq(FETCH_REQUESTED, prefix), topic(OUT, prefix)],
        )
    h = Harness(broker, prefix, real, bootstrap)

    @broker.subscriber(
        topic(OUT, prefix), group_id=f"{prefix}o", auto_offset_reset="earliest", decoder=raw_body
    )
    async def on_out(body: bytes) -> None:
        h.out.append(body)

    @broker.subscriber(
        dlq(FETCH_REQUESTED, prefix),
        group_id=f"{prefix}d",
        auto_offset_reset="earliest",
        decoder=raw_body,
    )
    async def on_dead(body: bytes) -> None:
        h.dead.append(body)

    if real:
        async with broker:
            await broker.start()
            yield h
    else:
        async with TestKafkaBroker(broker) as test_broker:
            h.broker = test_broker
            yield h


async def test_valid_message_is_processed_and_bad_ones_are_dead_lettered(harness: Harness) -> None:
    good = FetchRequestedV1(url="https://news.example/a").model_dump_json().encode()
    await harness.send(b"\x00not json at all", key=b"bad-1")
    await harness.send(b'{"url": "mailto:someone@example.org"}', key=b"bad-2")
    await harness.send(good, key=b"https://news.example/a")
    await harness.wait_for(out=1, dead=2)

    assert FetchRequestedV1.model_validate_json(harness.out[0]).url == "https://news.example/a"
    letters = sorted(
        (DeadLetterV1.model_validate_json(b) for b in harness.dead),
        key=lambda d: d.original_key or "",
    )
    assert [d.original_key for d in letters] == ["bad-1", "bad-2"]
    assert letters[0].original_value == b"\x00not json at all"
    assert letters[0].original_topic == topic(FETCH_REQUESTED, harness.prefix)
    assert "invalid message" in letters[1].error and "url" in letters[1].error
