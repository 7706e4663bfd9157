"""Alembic environment of the fetcher's history (the shared runner in newswire_runtime.sql)."""

from __future__ import annotations

from newswire_fetcher.state.tables import metadata
from newswire_runtime.sql.migrations import run_env

run_env(metadata)
