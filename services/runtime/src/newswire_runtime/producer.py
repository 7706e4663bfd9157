"""The one way a service publishes: its outputs (``send``) and its dead letters (``dead_letter``).

Every record is checked against the size limit before it leaves; a transient publish failure is
retried with backoff at most ``max_attempts`` times. A dead letter always fits the limit: when the
original is too large to carry whole, the letter keeps its first bytes with ``truncated`` set, and
the original's length and SHA-256 either way. A dead letter that still cannot be published is
logged with the record's coordinates and counted, and the record is skipped: it stays in its input
topic at that offset until retention, so nothing blocks the partition.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from newswire_contracts import DeadLetterV1, Message
from newswire_contracts.topics import dlq, topic
from newswire_runtime import metrics
from newswire_runtime.errors import PermanentError, TransientError
from newswire_runtime.policy import RetryPolicy

log = logging.getLogger("newswire.delivery")

MAX_ERROR_CHARS = 8 * 1024
MAX_KEY_CHARS = 4 * 1024


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

    def where(self) -> str:
        return f"{self.topic}[{self.partition}]@{self.offset}"


class Publisher(Protocol):
    """A transport's raw publish; raises TransientError/PermanentError for classified failures."""

    async def publish(self, topic: str, key: str | None, value: bytes) -> None: ...


class Producer:
    """Publishes a service's messages and dead letters under one size and retry policy."""

    def __init__(
        self,
        publisher: Publisher,
        *,
        prefix: str,
        service: str,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.publisher = publisher
        self.prefix = prefix
        self.service = service
        self.policy = policy or RetryPolicy()
        self._sleep = sleep

    async def send(self, out: Outgoing) -> None:
        """Publish ``out``; PermanentError if it is too large or refused, TransientError after
        ``max_attempts`` transient failures."""
        data = out.message.model_dump_json().encode("utf-8")
        limit = self.policy.max_message_bytes
        if len(data) > limit:
            raise PermanentError(
                f"{type(out.message).__name__} for {out.topic} is {len(data)} bytes, "
                f"over the {limit}-byte limit (NEWSWIRE_MAX_MESSAGE_BYTES)"
            )
        await self._publish(topic(out.topic, self.prefix), out.key, data)

    async def dead_letter(
        self,
        input_topic: str,
        delivery: Delivery,
        *,
        error_type: str,
        error: str,
        attempts: int = 1,
        service: str | None = None,
    ) -> bool:
        """Publish a dead letter for ``delivery`` to ``input_topic``'s DLQ; never raises.

        Returns False when the letter could not be published within ``max_attempts``: then the
        failure is logged and counted and the caller moves on.
        """
        service = service or self.service
        data = fitting_letter(
            delivery,
            error_type=error_type,
            error=error,
            service=service,
            attempts=attempts,
            limit=self.policy.max_message_bytes,
        )
        target = dlq(input_topic, self.prefix)
        key = _text_key(delivery.key)
        log.error(
            "%s: dead-lettering %s (%d bytes) after %d attempt(s): %s",
            service,
            delivery.where(),
            len(delivery.value),
            attempts,
            error[:500],
        )
        try:
            await self._publish(target, key, data)
        except Exception as exc:  # the record must not block its partition: count and move on
            metrics.DEAD_LETTER_FAILURES.inc(service=service, topic=delivery.topic)
            log.error(
                "%s: could not dead-letter %s (%d bytes, sha256 %s) to %s: %s: %s; skipping it "
                "(it stays in its input topic at that offset until retention)",
                service,
                delivery.where(),
                len(delivery.value),
                hashlib.sha256(delivery.value).hexdigest(),
                target,
                type(exc).__name__,
                exc,
            )
            return False
        metrics.DEAD_LETTERED.inc(service=service, topic=delivery.topic)
        return True

    async def _publish(self, name: str, key: str | None, data: bytes) -> None:
        attempt = 1
        while True:
            try:
                await self.publisher.publish(name, key, data)
                return
            except TransientError as exc:
                if attempt >= self.policy.max_attempts:
                    raise
                delay = self.policy.delay(attempt, exc.retry_after)
                metrics.RETRIES.inc(service=self.service, topic=name)
                log.warning(
                    "%s: publishing to %s failed (%s), retry %d in %.1fs",
                    self.service,
                    name,
                    exc,
                    attempt,
                    delay,
                )
                await self._sleep(delay)
                attempt += 1


def fitting_letter(
    delivery: Delivery,
    *,
    error_type: str,
    error: str,
    service: str,
    attempts: int,
    limit: int,
) -> bytes:
    """A serialized DeadLetterV1 of at most ``limit`` bytes, the original cut if it must be."""
    value = delivery.value
    letter = DeadLetterV1(
        original_topic=delivery.topic,
        original_key=_text_key(delivery.key),
        original_value=value,
        original_partition=delivery.partition,
        original_offset=delivery.offset,
        original_size=len(value),
        original_sha256=hashlib.sha256(value).hexdigest(),
        error_type=error_type[:200],
        error=error[:MAX_ERROR_CHARS],
        service=service,
        attempts=max(attempts, 1),
    )
    data = letter.model_dump_json().encode("utf-8")
    if len(data) <= limit:
        return data
    # base64 carries 3 bytes in 4 characters; the rest of the letter does not depend on the value.
    # A few bytes of slack for "truncated": true and base64 padding.
    room = limit - (len(data) - _b64_len(len(value))) - 16
    keep = max(room, 0) // 4 * 3
    while True:
        cut = letter.model_copy(update={"original_value": value[:keep], "truncated": True})
        data = cut.model_dump_json().encode("utf-8")
        if len(data) <= limit:
            return data
        if keep == 0:
            # Only a huge error text or key can get here (their characters may be escaped as
            # six bytes each); a short prefix of both always fits the smallest allowed limit.
            short_key = cut.original_key[:256] if cut.original_key else None
            update = {"error": error[:256], "original_key": short_key}
            return cut.model_copy(update=update).model_dump_json().encode("utf-8")
        keep = max(keep - (len(data) - limit) - 3, 0)


def _b64_len(n: int) -> int:
    return 4 * ((n + 2) // 3)


def _text_key(key: bytes | None) -> str | None:
    if key is None:
        return None
    return key[: MAX_KEY_CHARS * 4].decode("utf-8", "replace")[:MAX_KEY_CHARS]
