"""Newswire store: persists articles and their events in PostgreSQL or SQLite."""

from newswire_store.migrator import current_revision, downgrade, head_revision, migrate
from newswire_store.writes import EventStore

__all__ = ["EventStore", "current_revision", "downgrade", "head_revision", "migrate"]
