"""Read API settings, from NEWSWIRE_API_* (the database URL also from NEWSWIRE_DATABASE_URL)."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from newswire_runtime.settings import deployment_wide
from newswire_runtime.sql import DEFAULT_DATABASE_URL

# Values that are clearly someone's placeholder; a token like that protects nothing.
_PLACEHOLDERS = frozenset({"changeme", "change-me", "secret", "token", "newswire", "example"})


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_API_", extra="ignore", frozen=True)

    database_url: str = Field(
        default_factory=deployment_wide("database_url", DEFAULT_DATABASE_URL),
        description="SQLAlchemy URL of the store; default from NEWSWIRE_DATABASE_URL.",
    )
    host: str = Field(default="127.0.0.1", description="Interface to listen on.")
    port: int = Field(default=8000, ge=1, le=65535)
    token: SecretStr | None = Field(
        default=None,
        description="When set, every data endpoint needs 'Authorization: Bearer <token>'.",
    )
    max_page_size: int = Field(default=500, ge=1, le=10_000)
    pool_size: int = Field(default=5, ge=1, description="Database connections per process.")
    log_level: str = "INFO"

    @field_validator("token")
    @classmethod
    def _refuse_placeholders(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        secret = value.get_secret_value()
        if not secret:
            return None  # an empty variable means "no token", as in a compose file's ${X:-}
        lowered = secret.lower()
        if len(secret) < 16 or lowered in _PLACEHOLDERS or "replace" in lowered:
            raise ValueError("NEWSWIRE_API_TOKEN must be a real secret of 16+ characters")
        return value
