"""64-bit SimHash over word 4-shingles: near-identical texts get hashes a few bits apart.

Charikar's scheme: every shingle votes +1/-1 on each of 64 bit positions through its own hash;
the sign of each total is one bit. A syndicated copy with a changed byline, an added "Reporting
by" line or different boilerplate keeps almost all shingles, hence almost all bits.
"""

from __future__ import annotations

import hashlib
import re

BITS = 64
BANDS = 4
BAND_BITS = BITS // BANDS
SHINGLE = 4
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << BITS) - 1


def tokens(text: str) -> list[str]:
    """Lowercased word tokens; punctuation and whitespace differences do not matter."""
    return _WORD.findall(text.casefold())


def shingles(words: list[str], size: int = SHINGLE) -> set[str]:
    """Distinct runs of ``size`` consecutive words (the whole text if shorter)."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def simhash(text: str, *, min_tokens: int = 0) -> int | None:
    """The 64-bit SimHash of ``text``, or None when it has fewer than ``min_tokens`` words.

    Short texts are left out: a few dozen words share too much ("Police said on Monday…") for
    a near match to mean a copy.
    """
    words = tokens(text)
    if len(words) < max(min_tokens, 1):
        return None
    votes = [0] * BITS
    for shingle in shingles(words):
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(BITS):
            votes[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(BITS) if votes[bit] > 0)


def distance(a: int, b: int) -> int:
    """Hamming distance: how many of the 64 bits differ."""
    return ((a ^ b) & _MASK).bit_count()


def bands(value: int) -> tuple[int, ...]:
    """The hash cut into 4 × 16-bit bands.

    Two hashes at most 3 bits apart agree on at least one whole band (pigeonhole), so looking
    up candidates by band finds every near match without comparing against everything.
    """
    mask = (1 << BAND_BITS) - 1
    return tuple(value >> (i * BAND_BITS) & mask for i in range(BANDS))


def to_signed(value: int) -> int:
    """The hash as a signed 64-bit integer (SQL BIGINT has no unsigned type)."""
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def from_signed(value: int) -> int:
    return value & _MASK
