"""The fetcher's tables: seen URLs, source schedule, fingerprints and their sketch values.

Revision ID: f0001
Revises:
Create Date: 2026-11-30

Until this history existed the fetcher created these tables itself (SQLAlchemy ``create_all``),
so a database may already hold them: every table and index is created only if missing, and
such a database is simply recorded as at f0001. Tables are written out here rather than
imported, so this revision never changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMESPACE = sa.String(100)
MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "fetcher_seen",
        sa.Column("namespace", NAMESPACE, primary_key=True),
        sa.Column("url_key", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("seen_at", MOMENT, nullable=False),
        if_not_exists=True,
    )
    op.create_index("ix_fetcher_seen_seen_at", "fetcher_seen", ["seen_at"], if_not_exists=True)
    op.create_table(
        "fetcher_source_state",
        sa.Column("namespace", NAMESPACE, primary_key=True),
        sa.Column("source_id", sa.String(200), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("next_poll_at", MOMENT, nullable=False),
        sa.Column("lease_until", MOMENT),
        if_not_exists=True,
    )
    op.create_table(
        "fetcher_fingerprint",
        sa.Column("namespace", NAMESPACE, primary_key=True),
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("seen_at", MOMENT, nullable=False),
        if_not_exists=True,
    )
    op.create_index(
        "ix_fetcher_fingerprint_seen_at", "fetcher_fingerprint", ["seen_at"], if_not_exists=True
    )
    op.create_index(
        "ix_fetcher_fingerprint_hash",
        "fetcher_fingerprint",
        ["namespace", "content_hash"],
        if_not_exists=True,
    )
    op.create_table(
        "fetcher_sketch",
        sa.Column("namespace", NAMESPACE, primary_key=True),
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger, primary_key=True),
        if_not_exists=True,
    )
    op.create_index(
        "ix_fetcher_sketch_value", "fetcher_sketch", ["namespace", "value"], if_not_exists=True
    )


def downgrade() -> None:
    for table in ("fetcher_sketch", "fetcher_fingerprint", "fetcher_source_state", "fetcher_seen"):
        op.drop_table(table)
