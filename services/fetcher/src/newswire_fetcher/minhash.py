"""Bottom-k MinHash sketches over word 4-shingles: the resemblance of two texts from 64 numbers.

Broder's estimator: hash every distinct 4-word shingle of a text and keep the k smallest hashes.
For two texts, the k smallest hashes of the union are a uniform sample of it, and the share of
that sample present in both sketches estimates the Jaccard resemblance of their shingle sets. A
syndicated copy with a new byline, a "Reporting by" line and other boilerplate keeps ~0.9; two
different stories share almost no 4-word runs (< 0.05). The sketch values double as lookup keys:
a copy shares most of its sketch with the original, so an index on the values finds candidates.
"""

from __future__ import annotations

import hashlib
import heapq
import re

K = 64
SHINGLE = 4
_WORD = re.compile(r"\w+", re.UNICODE)
_BITS = 64


def tokens(text: str) -> list[str]:
    """Lowercased word tokens; punctuation and whitespace differences do not matter."""
    return _WORD.findall(text.casefold())


def shingles(words: list[str], size: int = SHINGLE) -> set[str]:
    """Distinct runs of ``size`` consecutive words (the whole text if shorter)."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def sketch(text: str, *, min_tokens: int = 0, k: int = K) -> tuple[int, ...] | None:
    """The ``k`` smallest shingle hashes of ``text``, ascending; None below ``min_tokens`` words.

    Short texts are left out: a few dozen words share too much ("Police said on Monday…") for
    a match to mean a copy; they are only compared by exact content hash.
    """
    words = tokens(text)
    if len(words) < max(min_tokens, 1):
        return None
    return tuple(heapq.nsmallest(k, {_hash(s) for s in shingles(words)}))


def resemblance(a: tuple[int, ...], b: tuple[int, ...], *, k: int = K) -> float:
    """Estimated Jaccard resemblance of the texts behind two sketches, in [0, 1]."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(k, set(a) | set(b))
    both = set(a) & set(b)
    return sum(1 for value in union if value in both) / len(union)


def to_signed(value: int) -> int:
    """A hash as a signed 64-bit integer (SQL BIGINT has no unsigned type)."""
    return value - (1 << _BITS) if value >= 1 << (_BITS - 1) else value


def from_signed(value: int) -> int:
    return value & ((1 << _BITS) - 1)
