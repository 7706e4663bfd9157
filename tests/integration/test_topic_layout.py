"""Topic creation on a real broker: layout from settings, idempotent, mismatches reported."""

from __future__ import annotations

import logging

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from newswire_runtime.topics import (
    TopicSettings,
    TopicSetupError,
    ensure_topic_specs,
    specs_for,
)

pytestmark = pytest.mark.integration

NAMES = ["articles.fetched.v1", "articles.fetched.v1.dlq"]
SINGLE = TopicSettings(replication_factor=1, min_insync_replicas=1)


async def configs_of(bootstrap: str, name: str) -> dict[str, str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)])
    finally:
        await admin.close()
    [resource] = response.to_object()["resources"]
    return {e["config_names"]: e["config_value"] for e in resource["config_entries"]}


async def test_topics_are_created_as_specified_once(
    kafka_bootstrap: str, fresh_topic_prefix: str
) -> None:
    specs = specs_for(NAMES, prefix=fresh_topic_prefix, settings=SINGLE)
    first = await ensure_topic_specs(kafka_bootstrap, specs)
    again = await ensure_topic_specs(kafka_bootstrap, specs)
    assert first.created == [s.name for s in specs]
    assert (again.created, again.mismatches) == ([], {})
    articles = await configs_of(kafka_bootstrap, specs[0].name)
    assert articles["cleanup.policy"] == "compact"
    assert articles["max.message.bytes"] == str(1024 * 1024 + 64 * 1024)
    assert (await configs_of(kafka_bootstrap, specs[1].name))["cleanup.policy"] == "delete"


async def test_a_differing_topic_is_reported_and_left_alone(
    kafka_bootstrap: str, fresh_topic_prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    await ensure_topic_specs(
        kafka_bootstrap, specs_for(NAMES, prefix=fresh_topic_prefix, settings=SINGLE)
    )
    wanted = TopicSettings(
        replication_factor=1,
        min_insync_replicas=1,
        partitions=4,
        overrides={"articles.fetched.v1": {"cleanup_policy": "delete"}},
    )
    with caplog.at_level(logging.WARNING, logger="newswire.topics"):
        report = await ensure_topic_specs(
            kafka_bootstrap,
            specs_for(NAMES[:1], prefix=fresh_topic_prefix, settings=wanted),
        )
    name = f"{fresh_topic_prefix}{NAMES[0]}"
    assert report.mismatches == {
        name: ["partitions 3 (settings: 4)", "cleanup.policy=compact (settings: delete)"]
    }
    assert f"topic {name} differs from the settings" in caplog.text
    assert (await configs_of(kafka_bootstrap, name))["cleanup.policy"] == "compact"


async def test_more_replicas_than_brokers_fails_with_what_to_set(  # the test broker is one node
    kafka_bootstrap: str, fresh_topic_prefix: str
) -> None:
    specs = specs_for(NAMES[:1], prefix=fresh_topic_prefix, settings=TopicSettings())
    with pytest.raises(TopicSetupError, match="NEWSWIRE_TOPIC_REPLICATION_FACTOR"):
        await ensure_topic_specs(kafka_bootstrap, specs)
