"""Batched consumption: one poll of events.extracted.v1 becomes one database transaction.

The runtime's StepRunner handles one record at a time; the store writes a whole poll at once
instead (fewer round trips and commits). The dead-letter rules stay the runtime's: a record that
does not decode, and every record of a batch whose transaction failed, goes through the same
StepRunner one by one, which retries transient failures and dead-letters what cannot succeed.
So a bad record ends in the DLQ and the rest of its batch is still saved.

Latency: a poll never waits to fill a batch; it returns whatever is buffered (up to
``batch_max_records``) as soon as there is anything, so a batch is written as soon as a poll
returns fewer records than the batch size. Only an empty poll waits (``batch_timeout_ms``, and
FastStream pauses as long again), which is why that timeout is short (bench/store/latency.py).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from aiokafka import ConsumerRecord
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage

from newswire_contracts import EventsExtractedV1
from newswire_runtime import Delivery, Step, StepRunner
from newswire_runtime.kafka import AttemptGuard, delivery_of, runner_for, subscription
from newswire_store.settings import StoreSettings
from newswire_store.writes import EventStore

log = logging.getLogger("newswire.store.batch")


@dataclass(frozen=True)
class BatchOutcome:
    """What became of a batch: saved together, or how many went the one-by-one way."""

    saved_together: int
    one_by_one: int


class BatchRunner:
    """Saves a batch of deliveries in one transaction, isolating failures per record."""

    def __init__(self, store: EventStore, runner: StepRunner[EventsExtractedV1]) -> None:
        self.store = store
        self.runner = runner

    async def deliver_batch(self, deliveries: Sequence[Delivery]) -> BatchOutcome:
        decoded: list[EventsExtractedV1] = []
        one_by_one: list[Delivery] = []
        batched: list[Delivery] = []
        for delivery in deliveries:
            msg = self._decode(delivery)
            if msg is None:
                one_by_one.append(delivery)
            else:
                decoded.append(msg)
                batched.append(delivery)
        if decoded:
            try:
                await self.store.save_extractions(decoded)
            except Exception as exc:  # retried and classified record by record below
                log.warning(
                    "batch of %d failed (%s); applying its records one by one",
                    len(decoded),
                    type(exc).__name__,
                )
                one_by_one.extend(batched)
                decoded = []
        # Records are independent per article and the batch kept the last message per article,
        # so replaying the rest in their original order gives the same end state.
        for delivery in sorted(one_by_one, key=lambda d: (d.partition or 0, d.offset or 0)):
            await self.runner.deliver(delivery)
        return BatchOutcome(saved_together=len(decoded), one_by_one=len(one_by_one))

    def _decode(self, delivery: Delivery) -> EventsExtractedV1 | None:
        # The runner's decoding (size limit, validation); what fails goes the one-by-one way,
        # where the runner dead-letters it.
        try:
            return self.runner.decode(delivery)
        except Exception:
            return None


async def raw_bodies(msg: StreamMessage[Any]) -> list[bytes]:
    # Decoding is the runner's job, so a malformed payload reaches it and is dead-lettered.
    records = cast("tuple[ConsumerRecord[bytes, bytes], ...]", msg.raw_message)
    return [record.value or b"" for record in records]


def attach_batch(
    broker: KafkaBroker,
    step: Step[EventsExtractedV1],
    store: EventStore,
    settings: StoreSettings,
) -> BatchRunner:
    """Subscribe ``step``'s topic on ``broker`` in batches of up to ``batch_max_records``."""
    runner = runner_for(broker, step, settings)
    batch_runner = BatchRunner(store, runner)
    guard = AttemptGuard(step.service, runner.policy)

    @broker.subscriber(
        runner.topic,
        batch=True,
        max_records=settings.batch_max_records,
        batch_timeout_ms=settings.batch_timeout_ms,
        decoder=raw_bodies,
        max_poll_interval_ms=settings.max_poll_interval_ms,
        description=f"{step.service} consumes {step.input_model.__name__} in batches",
        **subscription(step, settings),
    )
    async def consume(bodies: list[bytes], message: KafkaMessage) -> None:
        records = cast("tuple[ConsumerRecord[bytes, bytes], ...]", message.raw_message)
        deliveries = [delivery_of(r, body) for r, body in zip(records, bodies, strict=True)]
        await guard.run(deliveries, lambda: batch_runner.deliver_batch(deliveries))

    return batch_runner
