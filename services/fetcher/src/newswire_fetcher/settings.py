"""Fetcher settings, read from NEWSWIRE_FETCHER_* (shared keys also from NEWSWIRE_*)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from newswire_runtime.settings import ServiceSettings, deployment_wide
from newswire_runtime.sql import DEFAULT_DATABASE_URL


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
    deadline_s: float = Field(default=60.0, gt=0, description="Whole-download ceiling.")
    max_redirects: int = Field(default=5, ge=0)
    allow_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts, IPs or networks fetched even though not public (comma-separated).",
    )
    host_concurrency: int = Field(default=2, ge=1, description="Requests in flight per host.")
    min_host_delay_s: float = Field(default=1.0, ge=0, description="Gap between request starts.")
    max_crawl_delay_s: float = Field(default=30.0, ge=0, description="Cap on Crawl-delay.")
    max_host_wait_s: float = Field(
        default=60.0, ge=0, description="Longer waits for a host fail transiently instead."
    )
    robots_ttl_s: float = Field(default=24 * 3600.0, gt=0, description="robots.txt cache life.")
    sources_file: Path | None = Field(
        default=None, description="TOML file of feeds, sitemaps and URLs to poll."
    )
    database_url: str = Field(
        default_factory=deployment_wide("database_url", DEFAULT_DATABASE_URL),
        description="Seen URLs, source schedule and fingerprints (SQLAlchemy URL; 'sqlite:///…' "
        "and 'postgresql://…' get async drivers); default from NEWSWIRE_DATABASE_URL, else "
        "newswire.sqlite in the current directory, the embedded path's one database.",
    )
    seen_retention_days: float = Field(default=90.0, gt=0)
    poll_jitter: float = Field(default=0.1, ge=0, le=0.5, description="± fraction of interval.")
    dedup_min_similarity: float = Field(
        default=0.7, gt=0, le=1, description="Resemblance (MinHash) from which a text is a copy."
    )
    dedup_min_tokens: int = Field(default=60, ge=8, description="Shorter texts: exact hash only.")

    @property
    def database_url_given(self) -> bool:
        """Whether the database was named (an argument, NEWSWIRE_FETCHER_ or NEWSWIRE_DATABASE_URL)
        rather than left to the default."""
        return "database_url" in self.model_fields_set or "NEWSWIRE_DATABASE_URL" in os.environ

    @field_validator("allow_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
