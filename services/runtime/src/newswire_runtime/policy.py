"""The delivery policy's numbers: tries, backoff and the size limit of every record."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024
# Room for what Kafka adds around a value (record batch header, key, headers): the topics'
# max.message.bytes and the producer's request size are the value limit plus this.
RECORD_OVERHEAD_BYTES = 64 * 1024


def kafka_record_limit(max_message_bytes: int) -> int:
    """``max.message.bytes`` of the topics and the producer's max request size."""
    return max_message_bytes + RECORD_OVERHEAD_BYTES


@dataclass(frozen=True)
class RetryPolicy:
    """How often a record is tried and how large any record may be.

    ``max_attempts`` bounds every kind of retry of one record: the handler's transient failures,
    a publish that fails transiently, a dead letter that cannot be published, and redelivery
    after an error that escaped. ``max_message_bytes`` bounds the serialized value of every
    record consumed or produced, dead letters included.
    """

    max_attempts: int = 5
    initial_s: float = 0.5
    max_s: float = 30.0
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES

    def delay(self, attempt: int, hint: float | None = None) -> float:
        if hint is not None:
            return min(max(hint, 0.0), self.max_s)
        return float(min(self.initial_s * 2 ** (attempt - 1), self.max_s))
