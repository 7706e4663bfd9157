"""The correlation id of the message being handled, for log records (set by the runner)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

CORRELATION_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "newswire_correlation_id", default=None
)


@contextlib.contextmanager
def correlation(correlation_id: str | None) -> Iterator[None]:
    """Within the block, log records carry ``correlation_id``."""
    token = CORRELATION_ID.set(correlation_id)
    try:
        yield
    finally:
        CORRELATION_ID.reset(token)
