"""Duplicate detection: exact (content hash) and near (MinHash) copies of an earlier article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from newswire_contracts import ArticleV1
from newswire_fetcher import minhash


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What is compared: an article's id, the hash of its text and its sketch (None if short)."""

    article_id: str
    content_hash: str
    sketch: tuple[int, ...] | None

    @classmethod
    def of(cls, article: ArticleV1, *, min_tokens: int) -> Fingerprint:
        return cls(
            article.article_id,
            article.content_hash or "",
            minhash.sketch(article.text, min_tokens=min_tokens),
        )


def find_original(
    fingerprint: Fingerprint,
    earlier: Iterable[tuple[Fingerprint, str | None]],
    *,
    min_similarity: float,
) -> str | None:
    """The id of the original this article copies, or None.

    ``earlier`` pairs each known fingerprint with its own verdict, oldest first; matching a
    copy points at that copy's original, so every copy of a story names the same article.
    """
    for other, other_original in earlier:
        if other.article_id == fingerprint.article_id:
            continue
        if is_copy(fingerprint, other, min_similarity=min_similarity):
            return other_original or other.article_id
    return None


def is_copy(a: Fingerprint, b: Fingerprint, *, min_similarity: float) -> bool:
    """Same text, or an estimated resemblance of at least ``min_similarity``."""
    if a.content_hash and a.content_hash == b.content_hash:
        return True
    if a.sketch is None or b.sketch is None:
        return False
    return minhash.resemblance(a.sketch, b.sketch) >= min_similarity


class FingerprintRegistry(Protocol):
    """Where fingerprints of seen articles live; ``register`` is idempotent per article id."""

    async def register(self, fingerprint: Fingerprint, *, min_similarity: float) -> str | None:
        """Record ``fingerprint``; returns the original's id if it is a copy.

        A second call for the same article id returns the first call's verdict, so a redelivered
        message never turns an original into a copy of its own copy.
        """
        ...


class MemoryFingerprintIndex:
    """A per-process registry for tests; services use the database's FingerprintIndex."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Fingerprint, str | None]] = {}

    async def register(self, fingerprint: Fingerprint, *, min_similarity: float) -> str | None:
        known = self._entries.get(fingerprint.article_id)
        if known is not None:
            return known[1]
        original = find_original(fingerprint, self._entries.values(), min_similarity=min_similarity)
        self._entries[fingerprint.article_id] = (fingerprint, original)
        return original
