"""Alembic environment of the store's history (the shared runner in newswire_runtime.sql)."""

from __future__ import annotations

from newswire_runtime.sql.migrations import run_env
from newswire_store.schema import Base, include_in_comparison

run_env(Base.metadata, include_name=include_in_comparison)
