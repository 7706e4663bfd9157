"""Store settings, read from NEWSWIRE_STORE_* (shared keys also from NEWSWIRE_*)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from newswire_runtime.settings import ServiceSettings, deployment_wide

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///newswire.sqlite"


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
