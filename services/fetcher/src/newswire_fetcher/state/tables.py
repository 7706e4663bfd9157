"""The fetcher's tables (``fetcher_*``), as its migrations build them."""

from __future__ import annotations

import sqlalchemy as sa

from newswire_runtime.sql import UTCDateTime

metadata = sa.MetaData()
# Every row belongs to a deployment, named by its topic prefix: deployments that share a
# database (as they may share a Kafka cluster) must not suppress each other's URLs or copies.
NAMESPACE = sa.String(100)

seen_urls = sa.Table(
    "fetcher_seen",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("url_key", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("source", sa.String(200)),
    sa.Column("seen_at", UTCDateTime, nullable=False, index=True),
)

sources = sa.Table(
    "fetcher_source_state",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("source_id", sa.String(200), primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("next_poll_at", UTCDateTime, nullable=False),
    sa.Column("lease_until", UTCDateTime),
)

fingerprints = sa.Table(
    "fetcher_fingerprint",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("duplicate_of", sa.String(64)),
    sa.Column("seen_at", UTCDateTime, nullable=False, index=True),
    sa.Index("ix_fetcher_fingerprint_hash", "namespace", "content_hash"),
)

# One row per sketch value: the index on `value` finds articles sharing much of a sketch.
sketch_values = sa.Table(
    "fetcher_sketch",
    metadata,
    sa.Column("namespace", NAMESPACE, primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, primary_key=True),
    sa.Index("ix_fetcher_sketch_value", "namespace", "value"),
)
