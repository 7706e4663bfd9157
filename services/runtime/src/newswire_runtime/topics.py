"""Topic layout: partitions, replication and configs per topic from settings; idempotent creation.

Every service creates the topics it touches on start-up (inputs, their DLQs, outputs). A topic
that exists already is never altered; where it differs from the settings a warning says how, so
an operator can fix it deliberately (kafka-topics.sh --alter, kafka-configs.sh --alter).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError, for_code
from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from newswire_contracts.topics import ARTICLES_FETCHED
from newswire_runtime.policy import DEFAULT_MAX_MESSAGE_BYTES, kafka_record_limit

log = logging.getLogger("newswire.topics")

DAY_MS = 24 * 3600 * 1000
CleanupPolicy = Literal["delete", "compact", "compact,delete"]


class TopicOverride(BaseModel):
    """Per-topic values that replace the defaults (unset fields keep them)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    partitions: int | None = Field(default=None, ge=1)
    replication_factor: int | None = Field(default=None, ge=1)
    min_insync_replicas: int | None = Field(default=None, ge=1)
    retention_ms: int | None = Field(default=None, ge=-1)
    cleanup_policy: CleanupPolicy | None = None


# Built-in per-topic choices. articles.fetched.v1 is compacted: keyed by article_id, it keeps the
# latest version of every article for replays (docs/operations.md, "Replaying a topic").
BUILT_IN: dict[str, TopicOverride] = {
    ARTICLES_FETCHED: TopicOverride(cleanup_policy="compact", retention_ms=-1),
}


class TopicSettings(BaseSettings):
    """Deployment-wide topic layout, read from NEWSWIRE_TOPIC_*.

    The defaults are production's (three brokers); a single local broker needs
    NEWSWIRE_TOPIC_REPLICATION_FACTOR=1 (min.insync.replicas is capped at the replication factor).
    """

    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_TOPIC_", extra="ignore", frozen=True)

    partitions: int = Field(default=3, ge=1, description="Partitions of a new topic.")
    replication_factor: int = Field(default=3, ge=1, description="Replicas of a new topic.")
    min_insync_replicas: int = Field(
        default=2, ge=1, description="Replicas that must acknowledge a write (acks=all)."
    )
    retention_ms: int = Field(default=7 * DAY_MS, ge=-1, description="Retention; -1: forever.")
    dlq_retention_ms: int = Field(
        default=30 * DAY_MS, ge=-1, description="Retention of the .dlq topics."
    )
    overrides: dict[str, TopicOverride] = Field(
        default_factory=dict,
        description="Per-topic values by name without prefix, JSON: "
        '{"articles.fetched.v1": {"partitions": 12}, "events.extracted.v1.dlq": {...}}.',
    )

    def spec(self, name: str, prefix: str, max_message_bytes: int) -> TopicSpec:
        """The wanted layout of topic ``name`` (without prefix)."""
        is_dlq = name.endswith(".dlq")
        values: dict[str, Any] = {
            "partitions": self.partitions,
            "replication_factor": self.replication_factor,
            "min_insync_replicas": self.min_insync_replicas,
            "retention_ms": self.dlq_retention_ms if is_dlq else self.retention_ms,
            "cleanup_policy": "delete",
        }
        for override in (BUILT_IN.get(name), self.overrides.get(name)):
            if override is not None:
                values |= override.model_dump(exclude_none=True)
        configs = {
            "cleanup.policy": values["cleanup_policy"],
            # Never more than there are replicas: RF 1 alone is enough for a single broker.
            "min.insync.replicas": str(
                min(values["min_insync_replicas"], values["replication_factor"])
            ),
            "retention.ms": str(values["retention_ms"]),
            "max.message.bytes": str(kafka_record_limit(max_message_bytes)),
        }
        return TopicSpec(prefix + name, values["partitions"], values["replication_factor"], configs)


@dataclass(frozen=True)
class TopicSpec:
    """A topic as it should be: full name, partitions, replication factor and configs."""

    name: str
    partitions: int
    replication_factor: int
    configs: Mapping[str, str] = field(default_factory=dict)


@dataclass
class TopicReport:
    """What start-up found: topics created, and how existing ones differ from their spec."""

    created: list[str] = field(default_factory=list)
    mismatches: dict[str, list[str]] = field(default_factory=dict)


class TopicSetupError(RuntimeError):
    """A topic could not be created as specified (the message says what to change)."""


def specs_for(
    names: Iterable[str],
    *,
    prefix: str,
    settings: TopicSettings | None = None,
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
) -> list[TopicSpec]:
    """Specs of ``names`` (without prefix), in order, each once."""
    settings = settings or TopicSettings()
    return [settings.spec(n, prefix, max_message_bytes) for n in dict.fromkeys(names)]


async def ensure_topic_specs(bootstrap: str, specs: Sequence[TopicSpec]) -> TopicReport:
    """Create the missing topics of ``specs``; report (and log) how existing ones differ."""
    report = TopicReport()
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [s for s in specs if s.name not in existing]
        if missing:
            report.created = await _create(admin, missing)
        present = [s for s in specs if s.name not in report.created]
        if present:
            report.mismatches = await _compare(admin, present)
    finally:
        await admin.close()
    if report.created:
        log.info("created topics: %s", ", ".join(report.created))
    for name, problems in report.mismatches.items():
        log.warning(
            "topic %s differs from the settings (left unchanged; alter it deliberately): %s",
            name,
            "; ".join(problems),
        )
    return report


async def _create(admin: AIOKafkaAdminClient, specs: Sequence[TopicSpec]) -> list[str]:
    response = await admin.create_topics(
        [
            NewTopic(
                s.name,
                num_partitions=s.partitions,
                replication_factor=s.replication_factor,
                topic_configs=dict(s.configs),
            )
            for s in specs
        ]
    )
    created = []
    for name, code, message, *_ in response.topic_errors:
        if not code:
            created.append(name)
            continue
        error = for_code(code)
        if error is TopicAlreadyExistsError:  # another replica won the race: fine
            continue
        spec = next(s for s in specs if s.name == name)
        hint = ""
        if error.__name__ == "InvalidReplicationFactorError":
            hint = (
                f"; the cluster has fewer than {spec.replication_factor} brokers: set "
                "NEWSWIRE_TOPIC_REPLICATION_FACTOR "
                "to at most the number of brokers, e.g. 1 for a single local broker"
            )
        raise TopicSetupError(
            f"cannot create topic {name} ({spec.partitions} partitions, replication factor "
            f"{spec.replication_factor}): {error.__name__}: {message or ''}{hint}"
        )
    return created


async def _compare(admin: AIOKafkaAdminClient, specs: Sequence[TopicSpec]) -> dict[str, list[str]]:
    described = {t["topic"]: t for t in await admin.describe_topics([s.name for s in specs])}
    configs = await _configs(admin, [s.name for s in specs])
    mismatches: dict[str, list[str]] = {}
    for spec in specs:
        problems = []
        meta = described.get(spec.name)
        if meta is not None and meta.get("partitions"):
            partitions = meta["partitions"]
            if len(partitions) != spec.partitions:
                problems.append(f"partitions {len(partitions)} (settings: {spec.partitions})")
            replicas = len(partitions[0]["replicas"])
            if replicas != spec.replication_factor:
                problems.append(
                    f"replication factor {replicas} (settings: {spec.replication_factor})"
                )
        actual = configs.get(spec.name, {})
        for key, wanted in spec.configs.items():
            have = actual.get(key)
            if have is not None and have != wanted:
                problems.append(f"{key}={have} (settings: {wanted})")
        if problems:
            mismatches[spec.name] = problems
    return mismatches


async def _configs(admin: AIOKafkaAdminClient, names: Sequence[str]) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    with contextlib.suppress(Exception):  # a broker that refuses DescribeConfigs: skip the check
        responses = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, n) for n in names]
        )
        for response in responses:
            for resource in response.to_object()["resources"]:
                entries = resource["config_entries"]
                result[resource["resource_name"]] = {
                    e["config_names"]: e["config_value"] for e in entries if e["config_value"]
                }
    return result
