"""Kafka transport: a FastStream broker whose subscribers hand raw records to a StepRunner.

Offsets are committed only after the runner returns (AckPolicy.NACK_ON_ERROR: ack on success,
seek back on an escaped error), so delivery is at-least-once; the producer is idempotent. The
runner lets nothing but cancellation escape; should a bug let an error out anyway, the
:class:`AttemptGuard` counts redeliveries per (topic, partition, offset) and skips the record
after ``max_attempts`` instead of looping on it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Literal, TypedDict, cast

from aiokafka import ConsumerRecord
from aiokafka.errors import (
    KafkaError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    RecordTooLargeError,
)
from faststream import AckPolicy, FastStream
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage
from prometheus_client import CollectorRegistry

from newswire_contracts.topics import dlq, topic
from newswire_runtime import metrics
from newswire_runtime.delivery import Delivery, In, RetryPolicy, Step, StepRunner
from newswire_runtime.errors import PermanentError, TransientError
from newswire_runtime.observability import broker_middlewares
from newswire_runtime.policy import kafka_record_limit
from newswire_runtime.settings import ServiceSettings
from newswire_runtime.topics import (
    TopicReport,
    TopicSettings,
    TopicSpec,
    ensure_topic_specs,
    specs_for,
)

log = logging.getLogger("newswire.kafka")

Subscribe = Callable[[KafkaBroker, Step[Any], ServiceSettings], object]


class BrokerPublisher:
    """Publishes raw JSON bytes with a string key; classifies Kafka's failures."""

    def __init__(self, broker: KafkaBroker) -> None:
        self.broker = broker

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        try:
            await self.broker.publish(
                value,
                topic=topic,
                key=key.encode("utf-8") if key is not None else None,
                headers={"content-type": "application/json"},
            )
        except (MessageSizeTooLargeError, RecordTooLargeError) as exc:
            raise PermanentError(f"{topic} refused {len(value)} bytes: {exc!r}") from exc
        except KafkaTimeoutError as exc:
            raise TransientError(f"publishing to {topic} timed out") from exc
        except KafkaError as exc:
            if exc.retriable:
                raise TransientError(f"publishing to {topic}: {exc!r}") from exc
            raise PermanentError(f"publishing to {topic}: {exc!r}") from exc


class AttemptGuard:
    """Bounds redeliveries of a record whose processing raised: skip it after max_attempts."""

    def __init__(
        self,
        service: str,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.service = service
        self.policy = policy
        self._sleep = sleep
        self._attempts: dict[tuple[str, int | None, int | None], int] = {}

    def attempts(self, delivery: Delivery) -> int:
        return self._attempts.get(_coordinates(delivery), 0)

    async def run(self, deliveries: Sequence[Delivery], work: Callable[[], Awaitable[Any]]) -> None:
        """Run ``work`` for ``deliveries``; re-raise (redeliver) until they ran out of attempts."""
        keys = [_coordinates(d) for d in deliveries]
        try:
            await work()
        except Exception as exc:
            attempts = 0
            for key in keys:
                self._attempts[key] = self._attempts.get(key, 0) + 1
                attempts = max(attempts, self._attempts[key])
            if attempts < self.policy.max_attempts:
                log.warning(
                    "%s: %s failed (%s: %s), redelivery %d of %d",
                    self.service,
                    deliveries[0].where() if deliveries else "?",
                    type(exc).__name__,
                    exc,
                    attempts,
                    self.policy.max_attempts - 1,
                )
                await self._sleep(self.policy.delay(attempts))
                raise
            for key in keys:
                self._attempts.pop(key, None)
            for d in deliveries:
                metrics.REDELIVERIES_EXHAUSTED.inc(service=self.service, topic=d.topic)
                log.error(
                    "%s: skipping %s (%d bytes, sha256 %s) after %d attempts: %s: %s",
                    self.service,
                    d.where(),
                    len(d.value),
                    hashlib.sha256(d.value).hexdigest(),
                    attempts,
                    type(exc).__name__,
                    exc,
                    exc_info=exc,
                )
        else:
            for key in keys:
                self._attempts.pop(key, None)


def _coordinates(delivery: Delivery) -> tuple[str, int | None, int | None]:
    return (delivery.topic, delivery.partition, delivery.offset)


def retry_policy(settings: ServiceSettings) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=settings.max_attempts,
        initial_s=settings.backoff_initial_s,
        max_s=settings.backoff_max_s,
        max_message_bytes=settings.max_message_bytes,
    )


def create_broker(
    settings: ServiceSettings, registry: CollectorRegistry | None = None
) -> KafkaBroker:
    """The service's broker; with a registry, FastStream's Prometheus (and tracing) middlewares."""
    middlewares = (
        broker_middlewares(settings.service_name, registry, tracing=settings.tracing)
        if registry is not None
        else []
    )
    return KafkaBroker(
        settings.kafka_bootstrap,
        middlewares=middlewares,
        client_id=f"newswire-{settings.service_name}",
        enable_idempotence=True,
        max_request_size=kafka_record_limit(settings.max_message_bytes),
        logger=logging.getLogger(f"newswire.{settings.service_name}"),
    )


def fetch_bytes(settings: ServiceSettings) -> int:
    """A consumer's per-partition fetch size: at least one record of the largest allowed size."""
    return max(1024 * 1024, kafka_record_limit(settings.max_message_bytes))


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


class Subscription(TypedDict):
    group_id: str
    ack_policy: AckPolicy
    auto_offset_reset: Literal["earliest", "latest"]
    max_partition_fetch_bytes: int
    title: str


def subscription(step: Step[Any], settings: ServiceSettings) -> Subscription:
    """What every subscriber of a step shares, one record at a time or in batches: its group,
    offsets committed after the work (never FastStream's default ACK_FIRST), where a new group
    starts, a fetch size that holds the largest allowed record, and its AsyncAPI title."""
    return Subscription(
        group_id=settings.consumer_group,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        auto_offset_reset=settings.auto_offset_reset,
        max_partition_fetch_bytes=fetch_bytes(settings),
        title=f"{step.service}:{step.input_topic}",
    )


def attach(broker: KafkaBroker, step: Step[Any], settings: ServiceSettings) -> StepRunner[Any]:
    """Subscribe ``step`` on ``broker`` and return the runner that serves it."""
    runner = runner_for(broker, step, settings)
    guard = AttemptGuard(step.service, runner.policy)

    @broker.subscriber(
        runner.topic,
        decoder=raw_body,
        max_poll_interval_ms=10 * 60 * 1000,
        description=f"{step.service} consumes {step.input_model.__name__}",
        **subscription(step, settings),
    )
    async def consume(body: bytes, message: KafkaMessage) -> None:
        record = cast("ConsumerRecord[bytes, bytes]", message.raw_message)
        delivery = delivery_of(record, body)
        await guard.run([delivery], lambda: runner.deliver(delivery))

    return runner


def service_topics(steps: Iterable[Step[Any]], prefix: str) -> list[str]:
    """Every topic a service touches, with prefix: its steps' inputs, their DLQs and outputs."""
    return [topic(n, prefix) for n in topic_names(steps)]


def topic_names(steps: Iterable[Step[Any]]) -> list[str]:
    """The same without prefix, each once."""
    names: list[str] = []
    for step in steps:
        names += [step.input_topic, dlq(step.input_topic, ""), *step.outputs]
    return list(dict.fromkeys(names))


async def ensure_service_topics(
    settings: ServiceSettings, steps: Iterable[Step[Any]]
) -> TopicReport:
    """Create the service's missing topics per the topic settings; report mismatches."""
    specs = specs_for(
        topic_names(steps),
        prefix=settings.topic_prefix,
        settings=settings.topics,
        max_message_bytes=settings.max_message_bytes,
    )
    return await ensure_topic_specs(settings.kafka_bootstrap, specs)


async def ensure_topics(
    bootstrap: str, names: Iterable[str], *, partitions: int = 3, replication: int = 1
) -> list[str]:
    """Create missing topics (full names) with plain broker defaults; returns those created.

    For tests and tools; services use :func:`ensure_service_topics` (layout from settings).
    """
    specs = [TopicSpec(n, partitions, replication) for n in dict.fromkeys(names)]
    return (await ensure_topic_specs(bootstrap, specs)).created


def create_app(
    settings: ServiceSettings,
    steps: list[Step[Any]],
    *,
    subscribe: Subscribe = attach,
    registry: CollectorRegistry | None = None,
) -> tuple[FastStream, KafkaBroker]:
    """A FastStream app serving ``steps``; their topics are created on start-up if missing.

    ``subscribe`` attaches one step to the broker (the store passes its batch subscriber);
    ``registry`` (default: a new one, kept as ``app.registry``) receives the service's metrics.
    """
    broker = create_broker(settings, registry)
    for step in steps:
        subscribe(broker, step, settings)
    app = FastStream(broker, logger=logging.getLogger(f"newswire.{settings.service_name}"))

    @app.on_startup
    async def _topics() -> None:
        await ensure_service_topics(settings, steps)

    return app, broker


__all__ = [
    "AttemptGuard",
    "BrokerPublisher",
    "Subscription",
    "TopicSettings",
    "attach",
    "create_app",
    "create_broker",
    "delivery_of",
    "ensure_service_topics",
    "ensure_topics",
    "raw_body",
    "retry_policy",
    "runner_for",
    "service_topics",
    "subscription",
]
