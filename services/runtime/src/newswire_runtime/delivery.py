"""Transport-independent delivery: decode, run a step, publish its output, retry or dead-letter.

The Kafka adapter and the in-process transport both call :class:`StepRunner`, so the demo and
production apply one policy: permanent failures (bad JSON, invalid message, a record over the
size limit, a :class:`PermanentError`, any unexpected exception, an output that is too large or
goes to a topic the step did not declare) become a ``DeadLetterV1`` on ``<topic>.dlq``; transient
ones are retried with exponential backoff and dead-lettered after ``max_attempts``. Nothing but
cancellation escapes :meth:`StepRunner.deliver`: a dead letter that cannot be published is logged,
counted and skipped by the :class:`~newswire_runtime.producer.Producer`.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import ValidationError

from newswire_contracts import Message
from newswire_contracts.topics import topic
from newswire_runtime import metrics
from newswire_runtime.errors import PermanentError, TransientError
from newswire_runtime.logcontext import correlation
from newswire_runtime.policy import RetryPolicy
from newswire_runtime.producer import Delivery, Outgoing, Producer, Publisher

__all__ = [
    "Delivery",
    "In",
    "Outgoing",
    "Publisher",
    "RetryPolicy",
    "Step",
    "StepRunner",
    "describe",
]

log = logging.getLogger("newswire.delivery")

In = TypeVar("In", bound=Message)


@dataclass(frozen=True)
class Step(Generic[In]):
    """One service's work: consume ``input_topic`` as ``input_model`` and return messages.

    ``outputs`` are the topics (without prefix) the step may publish to; they are created with
    the service's topics, and a message for any other topic is refused.
    """

    service: str
    input_topic: str
    input_model: type[In]
    handle: Callable[[In], Awaitable[Sequence[Outgoing]]]
    outputs: tuple[str, ...] = ()


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
        self.prefix = prefix
        self.policy = policy or RetryPolicy()
        self.producer = Producer(
            publisher, prefix=prefix, service=step.service, policy=self.policy, sleep=sleep
        )
        self._sleep = sleep

    @property
    def topic(self) -> str:
        return topic(self.step.input_topic, self.prefix)

    def decode(self, delivery: Delivery) -> In:
        """The record as the step's input model; raises PermanentError or ValidationError."""
        limit = self.policy.max_message_bytes
        if len(delivery.value) > limit:
            raise PermanentError(
                f"record of {len(delivery.value)} bytes is over the {limit}-byte limit "
                "(NEWSWIRE_MAX_MESSAGE_BYTES)"
            )
        return self.step.input_model.model_validate_json(delivery.value)

    async def deliver(self, delivery: Delivery) -> bool:
        """Process one record; True when it succeeded, False when it was dead-lettered."""
        try:
            message = self.decode(delivery)
        except Exception as exc:
            await self.dead_letter(delivery, exc, attempts=1)
            return False
        with correlation(_correlation_of(message)):
            return await self._process(delivery, message)

    async def _process(self, delivery: Delivery, message: In) -> bool:
        attempt = 1
        while True:
            try:
                outgoing = await self.step.handle(message)
                break
            except TransientError as exc:
                if attempt >= self.policy.max_attempts:
                    await self.dead_letter(delivery, exc, attempts=attempt)
                    return False
                delay = self.policy.delay(attempt, exc.retry_after)
                metrics.RETRIES.inc(service=self.step.service, topic=delivery.topic)
                log.warning(
                    "%s: transient failure (%s), retry %d in %.1fs",
                    self.step.service,
                    exc,
                    attempt,
                    delay,
                )
                await self._sleep(delay)
                attempt += 1
            except Exception as exc:  # anything else can never succeed: keep the consumer moving
                if not isinstance(exc, PermanentError | ValidationError):
                    where = delivery.where()
                    log.error("%s: unexpected error at %s", self.step.service, where, exc_info=exc)
                await self.dead_letter(delivery, exc, attempts=attempt)
                return False
        try:
            for out in outgoing:
                self._check_declared(out)
            for out in outgoing:
                await self.producer.send(out)
        except Exception as exc:  # too large, refused, or the broker stayed unavailable
            await self.dead_letter(delivery, exc, attempts=attempt)
            return False
        return True

    async def publish(self, out: Outgoing) -> None:
        self._check_declared(out)
        await self.producer.send(out)

    async def dead_letter(self, delivery: Delivery, exc: BaseException, *, attempts: int) -> bool:
        return await self.producer.dead_letter(
            self.step.input_topic,
            delivery,
            error_type=type(exc).__name__,
            error=describe(exc),
            attempts=attempts,
        )

    def _check_declared(self, out: Outgoing) -> None:
        if out.topic not in self.step.outputs:
            raise PermanentError(
                f"step {self.step.service} published to {out.topic!r}, which it does not declare "
                f"(outputs: {', '.join(self.step.outputs) or 'none'})"
            )


def _correlation_of(message: object) -> str | None:
    found = getattr(message, "correlation_id", None) or getattr(message, "message_id", None)
    return str(found) if found is not None else None


def describe(exc: BaseException) -> str:
    """A one-line reason for a dead letter."""
    if isinstance(exc, ValidationError):
        return f"invalid message: {exc.error_count()} error(s): " + "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:5]
        )
    if isinstance(exc, PermanentError | TransientError):
        return str(exc)
    last = traceback.format_exception_only(exc)[-1].strip()
    return f"unexpected error: {last}"
