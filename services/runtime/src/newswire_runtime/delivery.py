"""Transport-independent delivery: decode, run a step, publish its output, retry or dead-letter.

The Kafka adapter and the in-process transport both call :class:`StepRunner`, so the demo and
production apply one policy: permanent failures (bad JSON, invalid message, a
:class:`PermanentError`, any unexpected exception) become a ``DeadLetterV1`` on ``<topic>.dlq``;
transient ones are retried with exponential backoff and dead-lettered after ``max_attempts``.
Only a failure to dead-letter escapes, so the transport leaves the offset uncommitted.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from pydantic import ValidationError

from newswire_contracts import DeadLetterV1, Message
from newswire_contracts.topics import dlq, topic
from newswire_runtime.errors import PermanentError, TransientError

log = logging.getLogger("newswire.delivery")

In = TypeVar("In", bound=Message)


@dataclass(frozen=True)
class Outgoing:
    """A message a step wants published: topic name without prefix, key, payload."""

    topic: str
    key: str
    message: Message


@dataclass(frozen=True)
class Delivery:
    """One received record, as any transport sees it."""

    topic: str
    value: bytes
    key: bytes | None = None
    partition: int | None = None
    offset: int | None = None


class Publisher(Protocol):
    async def publish(self, topic: str, key: str | None, value: bytes) -> None: ...


@dataclass(frozen=True)
class Step(Generic[In]):
    """One service's work: consume ``input_topic`` as ``input_model`` and return messages."""

    service: str
    input_topic: str
    input_model: type[In]
    handle: Callable[[In], Awaitable[Sequence[Outgoing]]]


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    initial_s: float = 0.5
    max_s: float = 30.0
    max_message_bytes: int = 4 * 1024 * 1024

    def delay(self, attempt: int, hint: float | None) -> float:
        if hint is not None:
            return min(max(hint, 0.0), self.max_s)
        return float(min(self.initial_s * 2 ** (attempt - 1), self.max_s))


class StepRunner(Generic[In]):
    """Runs a :class:`Step` for each delivery under the retry and dead-letter policy."""

    def __init__(
        self,
        step: Step[In],
        publisher: Publisher,
        *,
        prefix: str,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.step = step
        self.publisher = publisher
        self.prefix = prefix
        self.policy = policy or RetryPolicy()
        self._sleep = sleep

    @property
    def topic(self) -> str:
        return topic(self.step.input_topic, self.prefix)

    async def deliver(self, delivery: Delivery) -> bool:
        """Process one record; True when it succeeded, False when it was dead-lettered."""
        try:
            message = self._decode(delivery.value)
        except (ValidationError, ValueError) as exc:
            await self._dead_letter(delivery, exc, attempts=1)
            return False
        attempt = 1
        while True:
            try:
                outgoing = await self.step.handle(message)
            except TransientError as exc:
                if attempt >= self.policy.max_attempts:
                    await self._dead_letter(delivery, exc, attempts=attempt)
                    return False
                delay = self.policy.delay(attempt, exc.retry_after)
                log.warning(
                    "%s: transient failure (%s), retry %d in %.1fs",
                    self.step.service,
                    exc,
                    attempt,
                    delay,
                )
                await self._sleep(delay)
                attempt += 1
                continue
            except Exception as exc:  # anything else can never succeed: keep the consumer moving
                await self._dead_letter(delivery, exc, attempts=attempt)
                return False
            for out in outgoing:
                await self.publish(out)
            return True

    def _decode(self, value: bytes) -> In:
        if len(value) > self.policy.max_message_bytes:
            raise PermanentError(f"message of {len(value)} bytes exceeds the limit")
        return self.step.input_model.model_validate_json(value)

    async def publish(self, out: Outgoing) -> None:
        data = out.message.model_dump_json().encode("utf-8")
        await self.publisher.publish(topic(out.topic, self.prefix), out.key, data)

    async def _dead_letter(self, delivery: Delivery, exc: BaseException, *, attempts: int) -> None:
        reason = _describe(exc)
        log.error(
            "%s: dead-lettering record from %s: %s", self.step.service, delivery.topic, reason
        )
        letter = DeadLetterV1(
            original_topic=delivery.topic,
            original_key=delivery.key.decode("utf-8", "replace") if delivery.key else None,
            original_value=delivery.value,
            original_partition=delivery.partition,
            original_offset=delivery.offset,
            error_type=type(exc).__name__,
            error=reason,
            service=self.step.service,
            attempts=attempts,
        )
        key = letter.original_key
        await self.publisher.publish(
            dlq(self.step.input_topic, self.prefix), key, letter.model_dump_json().encode()
        )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return f"invalid message: {exc.error_count()} error(s): " + "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:5]
        )
    if isinstance(exc, PermanentError | TransientError):
        return str(exc)
    last = traceback.format_exception_only(exc)[-1].strip()
    return f"unexpected error: {last}"
