"""One delivery policy for every Kafka subscriber: the store's batched one and `attach`'s
one-record one commit after the work, in the service's group, from the same start and with the
same fetch size (FastStream's subscribers are built, not connected)."""

from __future__ import annotations

from pathlib import Path

from faststream import AckPolicy
from faststream.kafka import KafkaBroker

from newswire_runtime.kafka import attach, fetch_bytes
from newswire_store.batching import attach_batch
from newswire_store.service import StoreService
from newswire_store.settings import StoreSettings
from newswire_store.writes import EventStore


async def test_the_batched_and_single_subscribers_share_the_policy(tmp_path: Path) -> None:
    settings = StoreSettings(
        group_id="newswire-store-blue",
        auto_offset_reset="latest",
        max_message_bytes=4 * 1024 * 1024,
        topic_prefix="t1.",
    )
    broker = KafkaBroker("127.0.0.1:1")
    store = EventStore.from_url(f"sqlite:///{tmp_path / 'store.sqlite'}")
    try:
        step = StoreService(store, service="store").step()
        attach(broker, step, settings)
        attach_batch(broker, step, store, settings)
        subscribers = list(broker.subscribers)
        assert sorted(type(s).__name__ for s in subscribers) == [
            "BatchSubscriber",
            "DefaultSubscriber",
        ]
        for subscriber in subscribers:
            assert subscriber.ack_policy is AckPolicy.NACK_ON_ERROR
            assert subscriber.group_id == "newswire-store-blue"
            assert list(subscriber.topic_names) == ["t1.events.extracted.v1"]
            options = subscriber._connection_args
            assert options["enable_auto_commit"] is False
            assert options["auto_offset_reset"] == "latest"
            assert options["max_partition_fetch_bytes"] == fetch_bytes(settings) > 4 * 1024 * 1024
            assert list(subscriber.schema()) == ["store:events.extracted.v1"]
    finally:
        await store.close()


async def test_a_steps_service_is_the_settings_service_name(tmp_path: Path) -> None:
    # Dead letters, metrics and the AsyncAPI title say the name the logs and the group use.
    from newswire_fetcher import bootstrap as fetcher_bootstrap
    from newswire_fetcher.settings import FetcherSettings
    from newswire_store import bootstrap as store_bootstrap

    url = f"sqlite:///{tmp_path / 'newswire.sqlite'}"
    fetcher = fetcher_bootstrap.build(FetcherSettings(service_name="fetcher-eu", database_url=url))
    store = store_bootstrap.build(StoreSettings(service_name="store-eu", database_url=url))
    try:
        assert [step.service for step in fetcher.steps] == ["fetcher-eu"]
        assert [step.service for step in store.steps] == ["store-eu"]
        defaults = fetcher_bootstrap.build(FetcherSettings(database_url=url))
        await defaults.stop()
        assert [step.service for step in defaults.steps] == ["fetcher"]
    finally:
        await fetcher.stop()
        await store.stop()
