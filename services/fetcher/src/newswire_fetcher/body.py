"""Bounded body decoding: Content-Encoding is undone here, never past a byte budget.

httpx would decompress each network chunk whole, so 64 KiB of gzip could briefly become 60 MB in
memory before any size check; ``zlib``'s ``max_length`` lets us stop at the budget instead.
"""

from __future__ import annotations

import zlib

# What we advertise; anything else a server sends anyway is refused rather than guessed at.
ACCEPT_ENCODING = "gzip, deflate"


class BodyLimitExceeded(Exception):
    """More than the budget would be produced."""


class UnknownEncoding(ValueError):
    """A Content-Encoding we did not ask for and cannot undo."""


class CorruptBody(ValueError):
    """Compressed data that does not decompress."""


class BoundedDecoder:
    """Feeds raw body chunks through the declared Content-Encoding, at most ``budget`` bytes out."""

    def __init__(self, content_encoding: str | None, budget: int) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or any(c not in ("gzip", "x-gzip", "deflate") for c in codings):
            raise UnknownEncoding(f"unsupported Content-Encoding {content_encoding!r}")
        self.coding = codings[0] if codings else None
        self.budget = budget
        self.produced = 0
        self._zlib = self._new_decompressor(first=True)
        self._deflate_probe = self.coding == "deflate"
        self._fed = False

    def _new_decompressor(self, *, first: bool) -> zlib._Decompress | None:
        if self.coding is None:
            return None
        if self.coding == "deflate" and not first:
            return zlib.decompressobj(-zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS | (16 if self.coding != "deflate" else 0))

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes for ``data``; raises BodyLimitExceeded past the budget."""
        if self._zlib is None:
            return self._count(data)
        self._fed = self._fed or bool(data)
        out = bytearray()
        pending = data
        while pending:
            out += self._count(self._inflate(pending))
            assert self._zlib is not None
            pending = self._zlib.unconsumed_tail
            if self._zlib.eof and self._zlib.unused_data:
                # gzip allows several members back to back.
                pending = self._zlib.unused_data
                self._zlib = self._new_decompressor(first=True)
        return bytes(out)

    def _inflate(self, data: bytes) -> bytes:
        assert self._zlib is not None
        room = self.budget - self.produced + 1
        try:
            return self._zlib.decompress(data, room)
        except zlib.error as error:
            if not self._deflate_probe:
                raise CorruptBody(f"cannot decompress {self.coding} body: {error}") from error
            # "deflate" is often sent raw, without the zlib header RFC 9110 asks for.
            self._deflate_probe = False
            self._zlib = self._new_decompressor(first=False)
            return self._inflate(data)
        finally:
            self._deflate_probe = False

    def finish(self) -> bytes:
        """Whatever the decompressor still holds at the end of the body."""
        if self._zlib is None or not self._fed:
            return b""
        try:
            tail = self._count(self._zlib.flush())
        except zlib.error as error:
            raise CorruptBody(f"cannot decompress truncated {self.coding} body: {error}") from error
        if not self._zlib.eof:
            raise CorruptBody(f"cannot decompress truncated {self.coding} body")
        return tail

    def _count(self, chunk: bytes) -> bytes:
        self.produced += len(chunk)
        if self.produced > self.budget:
            raise BodyLimitExceeded(f"body exceeds {self.budget} bytes")
        return chunk
