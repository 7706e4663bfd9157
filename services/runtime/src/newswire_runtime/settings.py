"""Settings every service shares; each service subclasses them with its own env prefix."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from newswire_contracts.topics import DEFAULT_PREFIX
from newswire_runtime.policy import DEFAULT_MAX_MESSAGE_BYTES
from newswire_runtime.topics import TopicSettings


def deployment_wide(name: str, default: str) -> Callable[[], str]:
    """Default from the deployment-wide ``NEWSWIRE_<NAME>`` variable.

    A service's own variable (``NEWSWIRE_FETCHER_KAFKA_BOOTSTRAP``) still wins, so an operator
    sets one variable for the whole deployment and can override a single service.
    """
    return lambda: os.environ.get(f"NEWSWIRE_{name.upper()}", default)


OPS_PORTS = {"fetcher": 9181, "extractor": 9182, "store": 9183}


class ServiceSettings(BaseSettings):
    """Kafka connection, topic naming and the delivery policy."""

    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_", extra="ignore", frozen=True)

    service_name: str = "newswire"
    kafka_bootstrap: str = Field(
        default_factory=deployment_wide("kafka_bootstrap", "127.0.0.1:9092"),
        description="host:port[,host:port]; default from NEWSWIRE_KAFKA_BOOTSTRAP.",
    )
    topic_prefix: str = Field(
        default_factory=deployment_wide("topic_prefix", DEFAULT_PREFIX),
        description="Prefix of every topic name; default from NEWSWIRE_TOPIC_PREFIX.",
    )
    group_id: str | None = Field(default=None, description="Consumer group; service name if unset.")
    auto_offset_reset: Literal["earliest", "latest"] = "earliest"
    max_attempts: int = Field(default=5, ge=1, description="Tries of a transient failure.")
    backoff_initial_s: float = Field(default=0.5, gt=0)
    backoff_max_s: float = Field(default=30.0, gt=0)
    max_message_bytes: int = Field(
        default_factory=deployment_wide("max_message_bytes", str(DEFAULT_MAX_MESSAGE_BYTES)),
        validate_default=True,
        ge=16 * 1024,
        description="Largest serialized record consumed or produced, dead letters included; "
        "topics get max.message.bytes and producers a request size of this + 64 KiB. "
        "Default from NEWSWIRE_MAX_MESSAGE_BYTES; keep it equal across services.",
    )
    topics: TopicSettings = Field(
        default_factory=TopicSettings,
        description="Topic layout, from the deployment-wide NEWSWIRE_TOPIC_* variables.",
    )
    log_level: str = Field(
        default_factory=deployment_wide("log_level", "INFO"),
        description="DEBUG, INFO, WARNING or ERROR; default from NEWSWIRE_LOG_LEVEL.",
    )
    log_format: Literal["text", "json"] = Field(
        default_factory=deployment_wide("log_format", "text"),
        validate_default=True,
        description="'json' writes one JSON object per log line; default from NEWSWIRE_LOG_FORMAT.",
    )
    http_host: str = Field(
        default_factory=deployment_wide("http_host", "127.0.0.1"),
        description="Address of the /metrics, /healthz and /readyz server (0.0.0.0 in containers).",
    )
    http_port: int | None = Field(
        default=None,
        ge=0,
        le=65535,
        description="Port of that server; unset: the service's default (fetcher 9181, extractor "
        "9182, store 9183); 0 turns it off.",
    )
    tracing: bool = Field(
        default=False,
        description="OpenTelemetry spans through FastStream's middleware, exported over OTLP as "
        "the standard OTEL_* variables say (needs newswire-runtime[tracing]).",
    )

    @property
    def ops_port(self) -> int | None:
        """The port of the ops HTTP server, or None when it is off."""
        port = self.http_port if self.http_port is not None else OPS_PORTS.get(self.service_name)
        return port or None

    @property
    def consumer_group(self) -> str:
        return self.group_id or f"newswire-{self.service_name}"
