"""A dead letter the broker refuses: logged, counted, skipped once — the partition keeps flowing."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import pytest
from aiokafka import AIOKafkaProducer

from newswire_contracts import FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED, dlq, topic
from newswire_runtime import Delivery, Outgoing, ServiceSettings, Step, metrics
from newswire_runtime.kafka import attach, create_broker
from newswire_runtime.topics import TopicSpec, ensure_topic_specs

pytestmark = pytest.mark.integration


async def test_a_refused_dead_letter_is_counted_and_the_record_skipped(
    kafka_bootstrap: str, fresh_topic_prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    prefix = fresh_topic_prefix
    source, dead = topic(FETCH_REQUESTED, prefix), dlq(FETCH_REQUESTED, prefix)
    # The DLQ takes at most 1 KiB: any dead letter of the 4 KiB record below is refused.
    await ensure_topic_specs(
        kafka_bootstrap,
        [TopicSpec(source, 1, 1), TopicSpec(dead, 1, 1, {"max.message.bytes": "1024"})],
    )
    handled = asyncio.Event()

    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        handled.set()
        return []

    settings = ServiceSettings(
        service_name="refused",
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        group_id=f"{prefix}refused",
        max_attempts=3,
        backoff_initial_s=0.05,
    )
    broker = create_broker(settings)
    runner = attach(broker, Step("refused", FETCH_REQUESTED, FetchRequestedV1, handle), settings)
    seen: list[int | None] = []
    deliver = runner.deliver

    async def counted(delivery: Delivery) -> bool:
        seen.append(delivery.offset)
        return await deliver(delivery)

    runner.deliver = counted  # type: ignore[method-assign]
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(source, b"\x00" * 4096, key=b"k")
        good = FetchRequestedV1(url="https://news.example/a").model_dump_json().encode()
        await producer.send_and_wait(source, good, key=b"k")
    finally:
        await producer.stop()
    before = metrics.DEAD_LETTER_FAILURES.value(service="refused", topic=source)
    with caplog.at_level(logging.ERROR, logger="newswire.delivery"):
        async with broker:
            await broker.start()
            await asyncio.wait_for(handled.wait(), 60)
    assert seen == [0, 1]  # the refused record once, then the good one behind it
    assert metrics.DEAD_LETTER_FAILURES.value(service="refused", topic=source) == before + 1
    assert f"could not dead-letter {source}[0]@0 (4096 bytes, sha256 " in caplog.text


async def test_an_error_that_escapes_is_redelivered_at_most_max_attempts_times(
    kafka_bootstrap: str, fresh_topic_prefix: str
) -> None:
    # A bug in the delivery path itself: the consumer nacks (seek back), the guard counts the
    # redeliveries of that offset and skips it after max_attempts.
    prefix = fresh_topic_prefix
    source = topic(FETCH_REQUESTED, prefix)
    await ensure_topic_specs(
        kafka_bootstrap, [TopicSpec(source, 1, 1), TopicSpec(dlq(FETCH_REQUESTED, prefix), 1, 1)]
    )
    handled = asyncio.Event()

    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        handled.set()
        return []

    settings = ServiceSettings(
        service_name="buggy",
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        group_id=f"{prefix}buggy",
        max_attempts=3,
        backoff_initial_s=0.05,
    )
    broker = create_broker(settings)
    runner = attach(broker, Step("buggy", FETCH_REQUESTED, FetchRequestedV1, handle), settings)
    seen: list[int | None] = []
    deliver = runner.deliver

    async def buggy(delivery: Delivery) -> bool:
        seen.append(delivery.offset)
        if delivery.offset == 0:
            raise RuntimeError("a bug outside the policy")
        return await deliver(delivery)

    runner.deliver = buggy  # type: ignore[method-assign]
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        for url in ("https://news.example/a", "https://news.example/b"):
            data = FetchRequestedV1(url=url).model_dump_json().encode()
            await producer.send_and_wait(source, data, key=b"k")
    finally:
        await producer.stop()
    before = metrics.REDELIVERIES_EXHAUSTED.value(service="buggy", topic=source)
    async with broker:
        await broker.start()
        await asyncio.wait_for(handled.wait(), 60)
    assert seen == [0, 0, 0, 1]
    assert metrics.REDELIVERIES_EXHAUSTED.value(service="buggy", topic=source) == before + 1
