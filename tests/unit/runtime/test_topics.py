"""Topic layout from settings: production defaults, built-in compaction, per-topic overrides."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newswire_runtime.kafka import topic_names
from newswire_runtime.topics import DAY_MS, TopicSettings, specs_for
from newswire_store.service import StoreService


def test_production_defaults() -> None:
    [spec] = specs_for(["events.extracted.v1"], prefix="n.", settings=TopicSettings())
    assert spec.name == "n.events.extracted.v1"
    assert (spec.partitions, spec.replication_factor) == (3, 3)
    assert spec.configs == {
        "cleanup.policy": "delete",
        "min.insync.replicas": "2",
        "retention.ms": str(7 * DAY_MS),
        "max.message.bytes": str(1024 * 1024 + 64 * 1024),
    }


def test_articles_are_compacted_for_replays_and_dead_letters_kept_longer() -> None:
    articles, dead = specs_for(
        ["articles.fetched.v1", "articles.fetched.v1.dlq"], prefix="", settings=TopicSettings()
    )
    assert articles.configs["cleanup.policy"] == "compact"
    assert articles.configs["retention.ms"] == "-1"
    assert dead.configs["cleanup.policy"] == "delete"
    assert dead.configs["retention.ms"] == str(30 * DAY_MS)


def test_settings_from_the_environment_with_per_topic_overrides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSWIRE_TOPIC_REPLICATION_FACTOR", "1")
    monkeypatch.setenv("NEWSWIRE_TOPIC_MIN_INSYNC_REPLICAS", "1")
    monkeypatch.setenv(
        "NEWSWIRE_TOPIC_OVERRIDES",
        '{"articles.fetched.v1": {"partitions": 12, "cleanup_policy": "compact,delete",'
        ' "retention_ms": 86400000}}',
    )
    first, other = specs_for(
        ["articles.fetched.v1", "fetch.requested.v1"],
        prefix="",
        settings=TopicSettings(),
        max_message_bytes=2_000_000,
    )
    assert (first.partitions, first.replication_factor) == (12, 1)
    assert first.configs["cleanup.policy"] == "compact,delete"
    assert first.configs["retention.ms"] == "86400000"
    assert first.configs["max.message.bytes"] == str(2_000_000 + 64 * 1024)
    assert (other.partitions, other.replication_factor) == (3, 1)


def test_an_unknown_override_key_is_refused() -> None:
    with pytest.raises(ValidationError):
        TopicSettings(overrides={"x": {"partitons": 3}})  # type: ignore[dict-item]


def test_a_service_touches_its_input_its_dead_letters_and_declared_outputs() -> None:
    step = StoreService(None, service="store").step()  # type: ignore[arg-type]
    assert topic_names([step]) == ["events.extracted.v1", "events.extracted.v1.dlq"]


def test_min_insync_replicas_never_exceeds_the_replication_factor() -> None:
    [spec] = specs_for(["x.v1"], prefix="", settings=TopicSettings(replication_factor=1))
    assert spec.configs["min.insync.replicas"] == "1"
