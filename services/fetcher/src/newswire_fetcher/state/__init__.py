"""The fetcher's shared memory in SQL: seen URLs, the source schedule, article fingerprints.

Why a database and not a compacted Kafka topic: replicas must *claim* URLs and source polls
atomically (``INSERT … ON CONFLICT DO NOTHING RETURNING``, ``UPDATE … WHERE lease expired``),
which a log cannot do without a consumer reading it all back first, and the near-duplicate
lookup needs an index by sketch value. PostgreSQL (shared by every replica) in production,
SQLite for one process. The tables are the fetcher's own (``fetcher_*``, under their own
Alembic history), so the fetcher may share the store's database without touching its schema,
and every row carries a namespace (the deployment's topic prefix).

One ``FetcherDatabase`` (engine, namespace, migrations) is shared by the three records, each
with one job: ``SeenUrls``, ``SourceSchedule`` and ``FingerprintIndex``.
"""

from newswire_fetcher.state.database import MIGRATIONS, FetcherDatabase
from newswire_fetcher.state.fingerprints import FingerprintIndex
from newswire_fetcher.state.schedule import SourceLease, SourceSchedule
from newswire_fetcher.state.seen import SeenUrls, url_key

__all__ = [
    "MIGRATIONS",
    "FetcherDatabase",
    "FingerprintIndex",
    "SeenUrls",
    "SourceLease",
    "SourceSchedule",
    "url_key",
]
