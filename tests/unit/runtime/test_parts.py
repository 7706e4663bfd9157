"""Each service's bootstrap declares every topic once, in its steps; the parts derive the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newswire_contracts import FetchRequestedV1
from newswire_extractor.bootstrap import build as build_extractor
from newswire_extractor.settings import ExtractorSettings
from newswire_fetcher.bootstrap import build as build_fetcher
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime import Outgoing, Step
from newswire_runtime.kafka import topic_names
from newswire_runtime.parts import ServiceParts
from newswire_store.bootstrap import build as build_store
from newswire_store.settings import StoreSettings


def _fetcher(url: str) -> ServiceParts:
    return build_fetcher(FetcherSettings(database_url=url))


def _extractor(_: str) -> ServiceParts:
    return build_extractor(ExtractorSettings())


def _store(url: str) -> ServiceParts:
    return build_store(StoreSettings(database_url=url))


@pytest.mark.parametrize(
    ("build", "outputs", "topics"),
    [
        (
            _fetcher,
            ("articles.fetched.v1",),
            ["fetch.requested.v1", "fetch.requested.v1.dlq", "articles.fetched.v1"],
        ),
        (
            _extractor,
            ("events.extracted.v1",),
            ["articles.fetched.v1", "articles.fetched.v1.dlq", "events.extracted.v1"],
        ),
        (_store, (), ["events.extracted.v1", "events.extracted.v1.dlq"]),
    ],
    ids=["fetcher", "extractor", "store"],
)
async def test_a_services_topics_come_from_its_steps(
    build: Callable[[str], ServiceParts],
    outputs: tuple[str, ...],
    topics: list[str],
    tmp_path: Path,
) -> None:
    parts = build(f"sqlite:///{tmp_path / 'parts.sqlite'}")
    try:
        assert parts.outputs == outputs
        # What the Kafka app creates at start-up; the fetcher's poller publishes to the step's
        # input topic and its DLQ, so it needs no topic of its own.
        assert topic_names(parts.steps) == topics
    finally:
        await parts.stop()


def test_outputs_of_several_steps_are_listed_once_in_order() -> None:
    async def handle(_: FetchRequestedV1) -> list[Outgoing]:
        return []

    steps = [
        Step("s", "a.v1", FetchRequestedV1, handle, ("x.v1", "y.v1")),
        Step("s", "b.v1", FetchRequestedV1, handle, ("y.v1", "z.v1")),
    ]
    assert ServiceParts(steps=steps).outputs == ("x.v1", "y.v1", "z.v1")
