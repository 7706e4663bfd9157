"""Covering indexes for the console's aggregations (/stats/places, /stats/timeline).

The map's counts per place and the timeline's counts per day and type are read from these
indexes alone, without touching the rows and their JSON payloads. The place index replaces
ix_events_lat_lon, which is its prefix (bbox filters use it the same way).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_lat_lon")
        batch.create_index("ix_events_place", ["lat", "lon", "location_name", "location_country"])
        batch.create_index("ix_events_occurred_date_event_type", ["occurred_date", "event_type"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_occurred_date_event_type")
        batch.drop_index("ix_events_place")
        batch.create_index("ix_events_lat_lon", ["lat", "lon"])
