"""Store settings, read from NEWSWIRE_STORE_* (shared keys also from NEWSWIRE_*)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from newswire_runtime.settings import ServiceSettings, deployment_wide
from newswire_runtime.sql import DEFAULT_DATABASE_URL


class StoreSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_STORE_", extra="ignore", frozen=True)

    service_name: str = "store"
    database_url: str = Field(
        default_factory=deployment_wide("database_url", DEFAULT_DATABASE_URL),
        description="SQLAlchemy async URL (postgresql+asyncpg://… or sqlite+aiosqlite:///…); "
        "default from NEWSWIRE_DATABASE_URL.",
    )
    auto_migrate: bool = Field(
        default=True, description="Upgrade the schema to head on start-up (single-writer setups)."
    )
    batch_max_records: int = Field(
        default=100, ge=1, le=10_000, description="Most records written in one transaction."
    )
    batch_timeout_ms: int = Field(
        default=50,
        ge=1,
        description="How long an empty poll waits for a record, and the pause after it. A poll "
        "returns as soon as records are buffered (up to batch_max_records), so this bounds the "
        "idle wake-up delay, not the batch size; 500 ms gave a p95 of ~0.46 s at 5 records/s.",
    )
    max_poll_interval_ms: int = Field(
        default=30 * 60 * 1000,
        ge=60_000,
        description="Longest a batch may take (with its retries) before the group rebalances.",
    )
