"""Fetcher settings, read from NEWSWIRE_FETCHER_* (shared keys also from NEWSWIRE_*)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from newswire_runtime.settings import ServiceSettings


class FetcherSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_FETCHER_", extra="ignore", frozen=True)

    service_name: str = "fetcher"
    user_agent: str = Field(
        default="NewswireBot/0.1 (+https://github.com/newswire; news event research)",
        description="Sent with every request; say who you are and how to reach you.",
    )
    max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, description="Body size cap.")
    connect_timeout_s: float = Field(default=5.0, gt=0)
    read_timeout_s: float = Field(default=20.0, gt=0)
    max_redirects: int = Field(default=5, ge=0)
