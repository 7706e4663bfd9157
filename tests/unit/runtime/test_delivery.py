"""StepRunner policy: success publishes; bad input and permanent errors dead-letter; retries."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newswire_contracts import DeadLetterV1, FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED
from newswire_runtime import Delivery, Outgoing, PermanentError, Step, StepRunner, TransientError
from newswire_runtime.delivery import RetryPolicy


class RecordingPublisher:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str | None, bytes]] = []

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        self.sent.append((topic, key, value))


def make_runner(
    handle: object, publisher: RecordingPublisher, sleeps: list[float], attempts: int = 3
) -> StepRunner[FetchRequestedV1]:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    step: Step[FetchRequestedV1] = Step(
        "test",
        FETCH_REQUESTED,
        FetchRequestedV1,
        handle,  # type: ignore[arg-type]
        ("out.v1",),
    )
    return StepRunner(
        step, publisher, prefix="p.", policy=RetryPolicy(max_attempts=attempts), sleep=sleep
    )


def request_bytes(url: str = "https://example.org/a") -> bytes:
    return FetchRequestedV1(url=url).model_dump_json().encode()


async def test_success_publishes_outputs_with_prefix_and_key() -> None:
    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        return [Outgoing("out.v1", msg.url, msg)]

    pub, sleeps = RecordingPublisher(), []
    ok = await make_runner(handle, pub, sleeps).deliver(
        Delivery("p.fetch.requested.v1", request_bytes())
    )
    assert ok
    assert [(t, k) for t, k, _ in pub.sent] == [("p.out.v1", "https://example.org/a")]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"{not json", "invalid message"),
        (b'{"url": "ftp://example.org/x"}', "url"),
        (b"\xff\xfe", "invalid message"),
    ],
)
async def test_undecodable_or_invalid_input_is_dead_lettered(payload: bytes, expected: str) -> None:
    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        raise AssertionError("must not be called")

    pub, sleeps = RecordingPublisher(), []
    runner = make_runner(handle, pub, sleeps)
    ok = await runner.deliver(Delivery("p.fetch.requested.v1", payload, key=b"k", offset=7))
    assert not ok
    [(topic, _, value)] = pub.sent
    assert topic == "p.fetch.requested.v1.dlq"
    letter = DeadLetterV1.model_validate_json(value)
    assert letter.original_value == payload
    assert letter.original_offset == 7
    assert letter.original_key == "k"
    assert letter.service == "test"
    assert expected in letter.error


async def test_permanent_error_is_dead_lettered_without_retry() -> None:
    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        raise PermanentError("HTTP 404 for https://example.org/a")

    pub, sleeps = RecordingPublisher(), []
    assert not await make_runner(handle, pub, sleeps).deliver(
        Delivery("p.fetch.requested.v1", request_bytes())
    )
    letter = DeadLetterV1.model_validate_json(pub.sent[0][2])
    assert letter.error_type == "PermanentError"
    assert "404" in letter.error
    assert sleeps == []


async def test_transient_error_retries_with_backoff_then_succeeds() -> None:
    calls = 0

    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise TransientError("HTTP 503", retry_after=2.0 if calls == 2 else None)
        return [Outgoing("out.v1", "k", msg)]

    pub, sleeps = RecordingPublisher(), []
    assert await make_runner(handle, pub, sleeps).deliver(
        Delivery("p.fetch.requested.v1", request_bytes())
    )
    assert sleeps == [0.5, 2.0]  # exponential first, then the server's Retry-After
    assert [t for t, _, _ in pub.sent] == ["p.out.v1"]


async def test_transient_error_is_dead_lettered_after_max_attempts() -> None:
    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        raise TransientError("timeout")

    pub, sleeps = RecordingPublisher(), []
    assert not await make_runner(handle, pub, sleeps, attempts=3).deliver(
        Delivery("p.fetch.requested.v1", request_bytes())
    )
    letter = DeadLetterV1.model_validate_json(pub.sent[0][2])
    assert letter.attempts == 3
    assert sleeps == [0.5, 1.0]


async def test_unexpected_exception_is_dead_lettered_and_named() -> None:
    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        raise KeyError("boom")

    pub, sleeps = RecordingPublisher(), []
    assert not await make_runner(handle, pub, sleeps).deliver(
        Delivery("p.fetch.requested.v1", request_bytes())
    )
    letter = DeadLetterV1.model_validate_json(pub.sent[0][2])
    assert letter.error_type == "KeyError"
    assert "boom" in letter.error
