"""INSERT … ON CONFLICT for both dialects: PostgreSQL's and SQLite's share one interface."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite

Upsert = postgresql.Insert | sqlite.Insert

_INSERTS: dict[str, Callable[[Table], Upsert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


def upsert(dialect: str, table: Table) -> Upsert:
    """An INSERT into ``table`` that takes ``on_conflict_do_nothing``/``on_conflict_do_update``."""
    try:
        return _INSERTS[dialect](table)
    except KeyError:
        raise ValueError(f"unsupported database {dialect!r}; use PostgreSQL or SQLite") from None


def insert_ignoring(dialect: str, table: Table, key: Sequence[str]) -> Upsert:
    """An INSERT that skips rows whose ``key`` columns are already present (insert-or-ignore)."""
    return upsert(dialect, table).on_conflict_do_nothing(index_elements=list(key))
