"""Deterministic identifiers: one article id per canonical URL, one event id per evidence span."""

from __future__ import annotations

import hashlib


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def article_id_for(canonical_url: str) -> str:
    """A stable id derived from the canonical URL (32 hex characters)."""
    return _digest("article", canonical_url)


def event_id_for(article_id: str, event_type: str, start: int, end: int, trigger: str) -> str:
    """A stable id from the article, the type and the evidence, so re-extraction keeps ids."""
    return _digest("event", article_id, event_type, str(start), str(end), trigger)
