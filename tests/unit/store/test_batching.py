"""BatchRunner over a real SQLite store: one transaction per batch, bad records dead-lettered."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from newswire_contracts import DeadLetterV1, EventsExtractedV1, article_id_for
from newswire_contracts.topics import EVENTS_EXTRACTED, dlq, topic
from newswire_runtime import Delivery, StepRunner
from newswire_runtime.delivery import RetryPolicy
from newswire_store import EventStore, migrate
from newswire_store.batching import BatchRunner
from newswire_store.service import StoreService
from tests.support.samples import ACCUSATION, AGREEMENT, RALLY, article, events_of, extraction

PREFIX = "t."


class Recorder:
    """A publisher that keeps what it is given."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str | None, bytes]] = []

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        self.sent.append((topic, key, value))

    def dead_letters(self) -> list[DeadLetterV1]:
        name = dlq(EVENTS_EXTRACTED, PREFIX)
        return [DeadLetterV1.model_validate_json(v) for t, _, v in self.sent if t == name]


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[EventStore]:
    await migrate(store_url)
    async with EventStore.from_url(store_url) as s:
        yield s


def runner(store: EventStore, publisher: Recorder) -> BatchRunner:
    step_runner: StepRunner[EventsExtractedV1] = StepRunner(
        StoreService(store, service="store").step(),
        publisher,
        prefix=PREFIX,
        policy=RetryPolicy(max_attempts=1),
    )
    return BatchRunner(store, step_runner)


def delivery(value: bytes, offset: int, key: str = "k") -> Delivery:
    return Delivery(
        topic=topic(EVENTS_EXTRACTED, PREFIX),
        value=value,
        key=key.encode(),
        partition=0,
        offset=offset,
    )


def good(slug: str, sentences: list) -> bytes:  # type: ignore[type-arg]
    item = article(slug, sentences)
    return extraction(item, events_of(item, sentences)).model_dump_json().encode()


async def test_a_clean_batch_is_saved_in_one_go(store: EventStore) -> None:
    publisher = Recorder()
    outcome = await runner(store, publisher).deliver_batch(
        [delivery(good("a", [AGREEMENT]), 0), delivery(good("b", [ACCUSATION, RALLY]), 1)]
    )
    assert (outcome.saved_together, outcome.one_by_one) == (2, 0)
    assert await store.count() == (2, 3)
    assert publisher.sent == []


async def test_bad_records_are_dead_lettered_and_the_rest_saved(store: EventStore) -> None:
    item = article("c", [ACCUSATION])
    lying = extraction(item, events_of(item, [ACCUSATION])).model_copy(
        update={"article_id": article_id_for("https://elsewhere.example.test/")}
    )
    publisher = Recorder()
    outcome = await runner(store, publisher).deliver_batch(
        [
            delivery(good("a", [AGREEMENT]), 0),
            delivery(b"{not json", 1, key="broken"),
            delivery(lying.model_dump_json().encode(), 2, key="lying"),
            delivery(good("b", [RALLY]), 3),
        ]
    )
    assert outcome.saved_together == 0  # the lying record failed the transaction
    assert outcome.one_by_one == 4
    assert await store.count() == (2, 2)
    letters = publisher.dead_letters()
    assert [(d.original_key, d.original_offset, d.service) for d in letters] == [
        ("broken", 1, "store"),
        ("lying", 2, "store"),
    ]
    assert "invalid message" in letters[0].error
    assert "differs" in letters[1].error
    assert letters[1].original_value == lying.model_dump_json().encode()


async def test_a_batch_only_of_broken_records_writes_nothing(store: EventStore) -> None:
    publisher = Recorder()
    outcome = await runner(store, publisher).deliver_batch([delivery(b"", 0), delivery(b"[]", 1)])
    assert (outcome.saved_together, outcome.one_by_one) == (0, 2)
    assert await store.count() == (0, 0)
    assert len(publisher.dead_letters()) == 2


async def test_an_oversized_record_in_a_batch_is_dead_lettered_once_within_the_limit(
    store: EventStore,
) -> None:
    limit = 32 * 1024
    publisher = Recorder()
    step_runner: StepRunner[EventsExtractedV1] = StepRunner(
        StoreService(store, service="store").step(),
        publisher,
        prefix=PREFIX,
        policy=RetryPolicy(max_attempts=3, max_message_bytes=limit),
    )
    huge = b"\xff" * (limit + 1000)
    outcome = await BatchRunner(store, step_runner).deliver_batch(
        [delivery(huge, 0), delivery(good("a", [AGREEMENT]), 1)]
    )
    assert (outcome.saved_together, outcome.one_by_one) == (1, 1)
    [letter] = publisher.dead_letters()
    assert letter.truncated and letter.original_size == len(huge)
    assert f"over the {limit}-byte limit" in letter.error
    assert all(len(v) <= limit for _, _, v in publisher.sent)
    assert await store.count() == (1, 1)
