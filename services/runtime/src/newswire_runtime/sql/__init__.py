"""The SQL layer the fetcher and the store share: engines, column types, upserts, migrations.

Installed with the ``sql`` extra (``newswire-runtime[sql]``), so services without a database
(the extractor) do not pull in SQLAlchemy and its drivers.
"""

from newswire_runtime.sql.engine import (
    DEFAULT_DATABASE_URL,
    SQLITE_BUSY_TIMEOUT_MS,
    SUPPORTED_DIALECTS,
    check_dialect,
    create_engine,
    sqlite_url,
    to_async_url,
)
from newswire_runtime.sql.migrations import Migrations
from newswire_runtime.sql.types import JSONType, UTCDateTime
from newswire_runtime.sql.upsert import Upsert, insert_ignoring, upsert

__all__ = [
    "DEFAULT_DATABASE_URL",
    "SQLITE_BUSY_TIMEOUT_MS",
    "SUPPORTED_DIALECTS",
    "JSONType",
    "Migrations",
    "UTCDateTime",
    "Upsert",
    "check_dialect",
    "create_engine",
    "insert_ignoring",
    "sqlite_url",
    "to_async_url",
    "upsert",
]
