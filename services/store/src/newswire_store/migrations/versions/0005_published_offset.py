"""The publisher's UTC offset of ``published_at``, so reads give back the publisher's local time.

``published_at`` stays the instant (timestamptz on PostgreSQL, UTC text on SQLite) that ordering
and filters use; ``published_utc_offset_min`` is the offset it was published with, in minutes
east of UTC. Rows written before this revision keep NULL and read as UTC.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("published_utc_offset_min", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_utc_offset_min")
