"""The size policy and the attempt bound: letters always fit, nothing is tried more than allowed."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence

import pytest

from newswire_contracts import DeadLetterV1, FetchRequestedV1
from newswire_contracts.topics import ARTICLES_FETCHED, FETCH_REQUESTED
from newswire_runtime import (
    Delivery,
    Outgoing,
    PermanentError,
    Producer,
    RetryPolicy,
    Step,
    StepRunner,
    TransientError,
    metrics,
)
from newswire_runtime.kafka import AttemptGuard
from newswire_runtime.producer import fitting_letter

LIMIT = 64 * 1024


class Publisher:
    """Records publishes; fails the first ``fail`` calls (or all calls to ``.dlq`` topics)."""

    def __init__(self, fail: int = 0, *, error: Exception | None = None, dlq_down: bool = False):
        self.sent: list[tuple[str, str | None, bytes]] = []
        self.calls = 0
        self.fail = fail
        self.error = error or TransientError("broker unavailable")
        self.dlq_down = dlq_down

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        self.calls += 1
        if self.calls <= self.fail or (self.dlq_down and topic.endswith(".dlq")):
            raise self.error
        self.sent.append((topic, key, value))


async def no_sleep(_: float) -> None:
    return None


def runner(
    handle: object, publisher: Publisher, *, attempts: int = 3, outputs: Sequence[str] = ("out.v1",)
) -> StepRunner[FetchRequestedV1]:
    step: Step[FetchRequestedV1] = Step(
        "test",
        FETCH_REQUESTED,
        FetchRequestedV1,
        handle,  # type: ignore[arg-type]
        tuple(outputs),
    )
    policy = RetryPolicy(max_attempts=attempts, max_message_bytes=LIMIT)
    return StepRunner(step, publisher, prefix="p.", policy=policy, sleep=no_sleep)


def request() -> bytes:
    return FetchRequestedV1(url="https://example.org/a").model_dump_json().encode()


async def echo(msg: FetchRequestedV1) -> Sequence[Outgoing]:
    return [Outgoing("out.v1", msg.url, msg)]


@pytest.mark.parametrize("size", [0, 100, LIMIT // 2, LIMIT - 1, LIMIT, 3 * LIMIT])
def test_a_dead_letter_always_fits_and_describes_the_whole_original(size: int) -> None:
    value = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    data = fitting_letter(
        Delivery("p.t", value, key=b"k", partition=1, offset=9),
        error_type="ValidationError",
        error="invalid message",
        service="s",
        attempts=1,
        limit=LIMIT,
    )
    assert len(data) <= LIMIT
    letter = DeadLetterV1.model_validate_json(data)
    assert letter.original_size == size
    assert letter.original_sha256 == hashlib.sha256(value).hexdigest()
    assert value.startswith(letter.original_value)
    assert letter.truncated == (letter.original_value != value)
    # Whole whenever the base64 of the original leaves room for the rest of the letter.
    assert letter.truncated == (len(base64.b64encode(value)) + 1000 > LIMIT)


def test_a_huge_error_text_and_key_still_fit() -> None:
    data = fitting_letter(
        Delivery("p.t", b"v" * LIMIT, key=b"\x01" * LIMIT),
        error_type="E",
        error="\x02" * LIMIT,
        service="s",
        attempts=1,
        limit=16 * 1024,
    )
    assert len(data) <= 16 * 1024
    assert DeadLetterV1.model_validate_json(data).truncated


async def test_an_oversized_record_is_dead_lettered_once_never_raised() -> None:
    value = b'{"url": "https://example.org/' + b"a" * LIMIT + b'"}'
    pub = Publisher()
    assert not await runner(echo, pub).deliver(Delivery("p.fetch.requested.v1", value))
    [(topic, _, data)] = pub.sent
    letter = DeadLetterV1.model_validate_json(data)
    assert topic == "p.fetch.requested.v1.dlq"
    assert letter.error_type == "PermanentError"
    assert f"over the {LIMIT}-byte limit" in letter.error
    assert letter.truncated and letter.original_size == len(value)


async def test_an_output_over_the_limit_dead_letters_its_input_with_the_reason() -> None:
    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        big = msg.model_copy(update={"source": "s" * LIMIT})
        return [Outgoing("out.v1", msg.url, big)]

    pub = Publisher()
    assert not await runner(handle, pub).deliver(Delivery("p.fetch.requested.v1", request()))
    [(topic, _, data)] = pub.sent
    letter = DeadLetterV1.model_validate_json(data)
    assert topic == "p.fetch.requested.v1.dlq"
    assert "FetchRequestedV1 for out.v1" in letter.error and "limit" in letter.error
    assert not letter.truncated


async def test_an_undeclared_output_topic_is_refused() -> None:
    pub = Publisher()
    r = runner(echo, pub, outputs=(ARTICLES_FETCHED,))
    assert not await r.deliver(Delivery("p.fetch.requested.v1", request()))
    [(topic, _, data)] = pub.sent
    assert topic == "p.fetch.requested.v1.dlq"
    assert "does not declare" in DeadLetterV1.model_validate_json(data).error


async def test_a_transient_publish_failure_is_retried_then_succeeds() -> None:
    pub = Publisher(fail=2)
    assert await runner(echo, pub, attempts=3).deliver(Delivery("p.fetch.requested.v1", request()))
    assert [t for t, _, _ in pub.sent] == ["p.out.v1"]
    assert pub.calls == 3


async def test_a_publish_that_keeps_failing_dead_letters_after_max_attempts() -> None:
    pub = Publisher(fail=3)
    assert not await runner(echo, pub, attempts=3).deliver(
        Delivery("p.fetch.requested.v1", request())
    )
    [(topic, _, data)] = pub.sent
    assert topic == "p.fetch.requested.v1.dlq"
    assert DeadLetterV1.model_validate_json(data).error == "broker unavailable"
    assert pub.calls == 4  # three tries of the output, one of the letter


@pytest.mark.parametrize("error", [TransientError("down"), PermanentError("refused")])
async def test_a_dead_letter_that_cannot_be_published_is_counted_and_skipped(
    error: Exception,
) -> None:
    pub = Publisher(error=error, dlq_down=True)
    before = metrics.DEAD_LETTER_FAILURES.value(service="test", topic="p.fetch.requested.v1")
    ok = await runner(echo, pub, attempts=4).deliver(Delivery("p.fetch.requested.v1", b"not json"))
    assert not ok  # returned, not raised: the consumer commits and moves on
    tries = 4 if isinstance(error, TransientError) else 1
    assert pub.calls == tries
    after = metrics.DEAD_LETTER_FAILURES.value(service="test", topic="p.fetch.requested.v1")
    assert after == before + 1


async def test_producer_send_refuses_an_oversized_message_before_publishing() -> None:
    pub = Publisher()
    producer = Producer(pub, prefix="p.", service="s", policy=RetryPolicy(max_message_bytes=LIMIT))
    big = FetchRequestedV1(url="https://example.org/a", source="s" * LIMIT)
    with pytest.raises(PermanentError, match="limit"):
        await producer.send(Outgoing(FETCH_REQUESTED, "k", big))
    assert pub.calls == 0


async def test_the_guard_redelivers_at_most_max_attempts_then_skips() -> None:
    guard = AttemptGuard("test", RetryPolicy(max_attempts=3), sleep=no_sleep)
    record = Delivery("p.t", b"x", partition=0, offset=5)
    runs = 0

    async def broken() -> None:
        nonlocal runs
        runs += 1
        raise RuntimeError("bug")

    before = metrics.REDELIVERIES_EXHAUSTED.value(service="test", topic="p.t")
    for _ in range(2):
        with pytest.raises(RuntimeError):
            await guard.run([record], broken)
    await guard.run([record], broken)  # third attempt: skipped, not raised
    assert runs == 3
    assert metrics.REDELIVERIES_EXHAUSTED.value(service="test", topic="p.t") == before + 1
    assert guard.attempts(record) == 0


async def test_the_guard_forgets_a_record_that_succeeded() -> None:
    guard = AttemptGuard("test", RetryPolicy(max_attempts=2), sleep=no_sleep)
    record = Delivery("p.t", b"x", partition=0, offset=6)
    fail = True

    async def flaky() -> None:
        if fail:
            raise RuntimeError("once")

    with pytest.raises(RuntimeError):
        await guard.run([record], flaky)
    fail = False
    await guard.run([record], flaky)
    assert guard.attempts(record) == 0
