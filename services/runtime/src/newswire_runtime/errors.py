"""Failure classes: transient failures are retried with backoff, permanent ones dead-lettered."""

from __future__ import annotations


class TransientError(Exception):
    """The same message may succeed later (timeout, 5xx, 429, database unavailable)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(Exception):
    """The message can never succeed (404, refused content, unparseable page)."""
