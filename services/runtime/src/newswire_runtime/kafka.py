"""Kafka transport: a FastStream broker whose subscribers hand raw records to a StepRunner.

Offsets are committed only after the runner returns (AckPolicy.NACK_ON_ERROR: ack on success,
seek back on an escaped error), so delivery is at-least-once; the producer is idempotent.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from typing import Any, cast

from aiokafka import ConsumerRecord
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream import AckPolicy, FastStream
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage

from newswire_contracts.topics import dlq, topic
from newswire_runtime.delivery import Delivery, In, RetryPolicy, Step, StepRunner
from newswire_runtime.settings import ServiceSettings

log = logging.getLogger("newswire.kafka")


class BrokerPublisher:
    """Publishes raw JSON bytes with a string key through a FastStream Kafka broker."""

    def __init__(self, broker: KafkaBroker) -> None:
        self.broker = broker

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        await self.broker.publish(
            value,
            topic=topic,
            key=key.encode("utf-8") if key is not None else None,
            headers={"content-type": "application/json"},
        )


def retry_policy(settings: ServiceSettings) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=settings.max_attempts,
        initial_s=settings.backoff_initial_s,
        max_s=settings.backoff_max_s,
        max_message_bytes=settings.max_message_bytes,
    )


def create_broker(settings: ServiceSettings) -> KafkaBroker:
    return KafkaBroker(
        settings.kafka_bootstrap,
        client_id=f"newswire-{settings.service_name}",
        enable_idempotence=True,
        max_request_size=settings.max_message_bytes + 64 * 1024,
        logger=logging.getLogger(f"newswire.{settings.service_name}"),
    )


async def raw_body(msg: StreamMessage[Any]) -> bytes:
    # Decoding is the runner's job, so a malformed payload reaches it and is dead-lettered.
    return msg.body


def runner_for(broker: KafkaBroker, step: Step[In], settings: ServiceSettings) -> StepRunner[In]:
    """The StepRunner of ``step``, publishing through ``broker`` under the service's policy."""
    return StepRunner(
        step, BrokerPublisher(broker), prefix=settings.topic_prefix, policy=retry_policy(settings)
    )


def delivery_of(record: ConsumerRecord[bytes, bytes], value: bytes) -> Delivery:
    """A transport-neutral Delivery of a Kafka record whose body is ``value``."""
    return Delivery(
        topic=record.topic,
        value=value,
        key=record.key,
        partition=record.partition,
        offset=record.offset,
    )


def attach(broker: KafkaBroker, step: Step[Any], settings: ServiceSettings) -> StepRunner[Any]:
    """Subscribe ``step`` on ``broker`` and return the runner that serves it."""
    runner = runner_for(broker, step, settings)

    @broker.subscriber(
        runner.topic,
        group_id=settings.consumer_group,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        auto_offset_reset=settings.auto_offset_reset,
        decoder=raw_body,
        max_poll_interval_ms=10 * 60 * 1000,
        title=f"{step.service}:{step.input_topic}",
        description=f"{step.service} consumes {step.input_model.__name__}",
    )
    async def consume(body: bytes, message: KafkaMessage) -> None:
        record = cast("ConsumerRecord[bytes, bytes]", message.raw_message)
        await runner.deliver(delivery_of(record, body))

    return runner


async def ensure_topics(
    bootstrap: str, names: Iterable[str], *, partitions: int = 3, replication: int = 1
) -> list[str]:
    """Create missing topics; returns the ones created. Existing topics are left alone."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [n for n in dict.fromkeys(names) if n not in existing]
        if wanted:
            # A replica starting at the same time may win the race; that is fine.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(
                    [
                        NewTopic(n, num_partitions=partitions, replication_factor=replication)
                        for n in wanted
                    ]
                )
        return wanted
    finally:
        await admin.close()


def service_topics(steps: Iterable[Step[Any]], prefix: str, outputs: Iterable[str]) -> list[str]:
    """Every topic a service touches: inputs, their dead-letter topics and outputs."""
    names: list[str] = []
    for step in steps:
        names += [topic(step.input_topic, prefix), dlq(step.input_topic, prefix)]
    names += [topic(o, prefix) for o in outputs]
    return names


def create_app(
    settings: ServiceSettings,
    steps: list[Step[Any]],
    *,
    outputs: Iterable[str] = (),
    partitions: int = 3,
) -> tuple[FastStream, KafkaBroker]:
    """A FastStream app serving ``steps``; topics are created on start-up if missing."""
    broker = create_broker(settings)
    for step in steps:
        attach(broker, step, settings)
    app = FastStream(broker, logger=logging.getLogger(f"newswire.{settings.service_name}"))
    names = service_topics(steps, settings.topic_prefix, outputs)

    @app.on_startup
    async def _topics() -> None:
        created = await ensure_topics(settings.kafka_bootstrap, names, partitions=partitions)
        if created:
            log.info("created topics: %s", ", ".join(created))

    return app, broker
