"""The test infrastructure itself: real Kafka carries and commits messages; PostgreSQL answers."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.support.databases import CreateTopics

pytestmark = pytest.mark.integration


async def test_message_round_trips_and_group_offset_is_committed(
    kafka_bootstrap: str, fresh_topic_prefix: str, create_topics: CreateTopics
) -> None:
    topic = f"{fresh_topic_prefix}infra.roundtrip"
    group = f"{fresh_topic_prefix}infra-group"
    await create_topics([topic], partitions=3)

    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        sent = await producer.send_and_wait(topic, b'{"hello": "kafka"}', key=b"article-1")
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        received = await asyncio.wait_for(consumer.getone(), timeout=60)
        await consumer.commit()
    finally:
        await consumer.stop()

    assert (received.key, received.value) == (b"article-1", b'{"hello": "kafka"}')
    assert (received.partition, received.offset) == (sent.partition, sent.offset)

    # A new member of the group must see the commit the first one made.
    reader = AIOKafkaConsumer(bootstrap_servers=kafka_bootstrap, group_id=group)
    await reader.start()
    try:
        committed = await reader.committed(TopicPartition(topic, sent.partition))
    finally:
        await reader.stop()
    assert committed == sent.offset + 1


async def test_topics_are_created_on_first_produce(
    kafka_bootstrap: str, fresh_topic_prefix: str
) -> None:
    topic = f"{fresh_topic_prefix}infra.autocreated"
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        sent = await producer.send_and_wait(topic, b"first")
        partitions = await producer.partitions_for(topic)
    finally:
        await producer.stop()
    assert sent.offset == 0
    assert len(partitions) >= 1


async def test_postgres_answers_queries(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql+asyncpg://")
    engine = create_async_engine(postgres_url)
    try:
        async with engine.connect() as connection:
            version = (await connection.execute(text("select version()"))).scalar_one()
            doubled = (await connection.execute(text("select :n * 2"), {"n": 21})).scalar_one()
    finally:
        await engine.dispose()
    assert "PostgreSQL" in version
    assert doubled == 42
