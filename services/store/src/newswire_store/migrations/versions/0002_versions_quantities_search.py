"""Article versions, event quantities, actor name keys, quote cues and the read API's indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2025-06-20 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMESTAMP = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    _create_article_versions()
    _create_event_quantities()
    with op.batch_alter_table("event_actors") as batch:
        batch.add_column(sa.Column("name_key", sa.Text(), nullable=True))
        batch.add_column(sa.Column("text", sa.Text(), nullable=True))
    # SQL lower() folds ASCII only on SQLite; rows written from now on use str.casefold().
    op.execute("UPDATE event_actors SET name_key = lower(name)")
    with op.batch_alter_table("event_actors") as batch:
        batch.alter_column("name_key", existing_type=sa.Text(), nullable=False)
        batch.create_index("ix_event_actors_name_key_role", ["name_key", "role"])
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("cue", sa.Text(), nullable=True))
    _index_events()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_events_evidence_fts", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_lat_lon")
        batch.drop_index("ix_events_location_country")
        batch.drop_index("ix_events_occurred_date_event_id")
        batch.create_index("ix_events_occurred_date", ["occurred_date"])
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("cue")
    with op.batch_alter_table("event_actors") as batch:
        batch.drop_index("ix_event_actors_name_key_role")
        batch.drop_column("text")
        batch.drop_column("name_key")
    op.drop_table("event_quantities")
    op.drop_table("article_versions")


def _create_article_versions() -> None:
    op.create_table(
        "article_versions",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("modified_at", TIMESTAMP, nullable=True),
        sa.Column("recorded_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name="fk_article_versions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "version", name="pk_article_versions"),
    )
    # Articles stored before this revision keep their current text as their known version.
    op.execute(
        "INSERT INTO article_versions "
        "(article_id, version, content_hash, title, text, modified_at, recorded_at) "
        "SELECT article_id, version, content_hash, title, text, modified_at, updated_at "
        "FROM articles"
    )


def _create_event_quantities() -> None:
    op.create_table(
        "event_quantities",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.event_id"],
            name="fk_event_quantities_event_id_events",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "idx", name="pk_event_quantities"),
    )
    op.create_index("ix_event_quantities_category", "event_quantities", ["category"])
    _backfill_quantities()


def _backfill_quantities() -> None:
    """Copy the quantities of events stored before this revision out of their JSON payloads."""
    events = sa.table("events", sa.column("event_id", sa.Text()), sa.column("payload", JSON))
    quantities = sa.table(
        "event_quantities",
        *(sa.column(name) for name in ("event_id", "idx", "value", "value_max", "approximate")),
        *(sa.column(name) for name in ("unit", "category", "text")),
    )
    bind = op.get_bind()
    rows = [
        {
            "event_id": event_id,
            "idx": idx,
            "value": q["value"],
            "value_max": q.get("value_max"),
            "approximate": bool(q.get("approximate", False)),
            "unit": q.get("unit"),
            "category": q.get("category"),
            "text": q["text"],
        }
        for event_id, payload in bind.execute(sa.select(events.c.event_id, events.c.payload))
        for idx, q in enumerate(payload.get("quantities") or [])
    ]
    if rows:
        bind.execute(quantities.insert(), rows)


def _index_events() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_occurred_date")
        batch.create_index("ix_events_occurred_date_event_id", ["occurred_date", "event_id"])
        batch.create_index("ix_events_location_country", ["location_country"])
        batch.create_index("ix_events_lat_lon", ["lat", "lon"])
    if op.get_bind().dialect.name == "postgresql":
        # Full-text search over evidence sentences; SQLite searches with LIKE instead.
        op.execute(
            "CREATE INDEX ix_events_evidence_fts ON events "
            "USING gin (to_tsvector('english', evidence_text))"
        )
