"""Duplicate detection: exact (content hash) and near (SimHash) copies of an earlier article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from newswire_contracts import ArticleV1
from newswire_fetcher import simhash as sh


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What is compared: an article's id, the hash of its text and its SimHash (None if short)."""

    article_id: str
    content_hash: str
    simhash: int | None

    @classmethod
    def of(cls, article: ArticleV1, *, min_tokens: int) -> Fingerprint:
        return cls(
            article.article_id,
            article.content_hash or "",
            sh.simhash(article.text, min_tokens=min_tokens),
        )


def find_original(
    fingerprint: Fingerprint,
    earlier: Iterable[tuple[Fingerprint, str | None]],
    *,
    max_distance: int,
) -> str | None:
    """The id of the original this article copies, or None.

    ``earlier`` pairs each known fingerprint with its own verdict, oldest first; matching a
    copy points at that copy's original, so every copy of a story names the same article.
    """
    for other, other_original in earlier:
        if other.article_id == fingerprint.article_id:
            continue
        if is_copy(fingerprint, other, max_distance=max_distance):
            return other_original or other.article_id
    return None


def is_copy(a: Fingerprint, b: Fingerprint, *, max_distance: int) -> bool:
    """Same text, or SimHashes at most ``max_distance`` bits apart."""
    if a.content_hash and a.content_hash == b.content_hash:
        return True
    return (
        a.simhash is not None
        and b.simhash is not None
        and sh.distance(a.simhash, b.simhash) <= max_distance
    )


class FingerprintIndex(Protocol):
    """Where fingerprints of seen articles live; ``register`` is idempotent per article id."""

    async def register(self, fingerprint: Fingerprint, *, max_distance: int) -> str | None:
        """Record ``fingerprint``; returns the original's id if it is a copy.

        A second call for the same article id returns the first call's verdict, so a redelivered
        message never turns an original into a copy of its own copy.
        """
        ...


class MemoryFingerprintIndex:
    """A per-process index (the embedded demo); production uses the database index."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Fingerprint, str | None]] = {}

    async def register(self, fingerprint: Fingerprint, *, max_distance: int) -> str | None:
        known = self._entries.get(fingerprint.article_id)
        if known is not None:
            return known[1]
        original = find_original(fingerprint, self._entries.values(), max_distance=max_distance)
        self._entries[fingerprint.article_id] = (fingerprint, original)
        return original
