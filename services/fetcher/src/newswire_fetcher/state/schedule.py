"""The source schedule: when each source is due, and which replica holds its poll (a lease)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newswire_fetcher.http import Validators
from newswire_fetcher.state.database import FetcherDatabase, utc_now
from newswire_fetcher.state.tables import sources
from newswire_runtime.sql import insert_ignoring


@dataclass(frozen=True, slots=True)
class SourceLease:
    """A source this replica may poll now, with what its last answer said about its version."""

    source_id: str
    validators: Validators


class SourceSchedule:
    """Per-source poll times and validators; a due source is leased by one replica at a time."""

    def __init__(self, db: FetcherDatabase) -> None:
        self.db = db

    def _source(self, source_id: str) -> sa.ColumnElement[bool]:
        return sa.and_(self.db.mine(sources), sources.c.source_id == source_id)

    async def add_sources(self, source_ids: Iterable[str], *, first_poll: dt.datetime) -> None:
        """Register sources (existing ones keep their schedule and validators)."""
        rows = [
            {"namespace": self.db.namespace, "source_id": s, "next_poll_at": first_poll}
            for s in dict.fromkeys(source_ids)
        ]
        if rows:
            statement = insert_ignoring(self.db.dialect, sources, ["namespace", "source_id"])
            async with self.db.begin() as conn:
                await conn.execute(statement, rows)

    async def lease(
        self, source_id: str, *, hold: dt.timedelta, now: dt.datetime | None = None
    ) -> SourceLease | None:
        """Take the source's poll if it is due and nobody holds it; None otherwise."""
        at = now or utc_now()
        due = sa.and_(
            self._source(source_id),
            sources.c.next_poll_at <= at,
            sa.or_(sources.c.lease_until.is_(None), sources.c.lease_until < at),
        )
        async with self.db.begin() as conn:
            taken = await conn.execute(sa.update(sources).where(due).values(lease_until=at + hold))
            if taken.rowcount != 1:
                return None
            row = (
                await conn.execute(
                    sa.select(sources.c.etag, sources.c.last_modified).where(
                        self._source(source_id)
                    )
                )
            ).one()
        return SourceLease(source_id, Validators(row.etag, row.last_modified))

    async def finish(
        self, source_id: str, *, validators: Validators | None, next_poll_at: dt.datetime
    ) -> None:
        """Release a lease; ``validators`` None keeps the ones stored (e.g. after a failure)."""
        values: dict[str, Any] = {"next_poll_at": next_poll_at, "lease_until": None}
        if validators is not None:
            values.update(etag=validators.etag, last_modified=validators.last_modified)
        async with self.db.begin() as conn:
            await conn.execute(sa.update(sources).where(self._source(source_id)).values(**values))

    async def next_poll_at(self, source_id: str) -> dt.datetime | None:
        async with self.db.begin() as conn:
            found = await conn.execute(
                sa.select(sources.c.next_poll_at).where(self._source(source_id))
            )
            return found.scalar_one_or_none()
