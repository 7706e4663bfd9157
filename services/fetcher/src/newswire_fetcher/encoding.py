"""Turning fetched bytes into text: BOM, HTTP charset, <meta charset>, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.IGNORECASE,
)
# The HTML standard decodes these labels as windows-1252, and so do browsers; pages
# that say "iso-8859-1" routinely contain curly quotes from cp1252.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
}
_SNIFF_BYTES = 4096
# Python codecs that are not a way to write a web page: bytes-to-bytes transforms (base64,
# zlib, rot13, …) fail _is_text_encoding; these are text codecs that still do not decode
# arbitrary page bytes (undefined always raises, idna/punycode are for host names, the
# escape codecs read backslashes) or are refused by browsers for safety (UTF-7).
_NOT_PAGE_CODECS = frozenset(
    {"undefined", "idna", "punycode", "utf-7", "unicode-escape", "raw-unicode-escape"}
)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _known_codec(match.group(1)) if match else None


def sniff_encoding(content: bytes, declared: str | None = None) -> str:
    """The codec for ``content``: BOM, the declared charset, <meta>, UTF-8, then detection.

    Only labels of real text encodings count (``<meta charset="base64">`` is ignored). A page
    that declares nothing and is not valid UTF-8 gets charset_normalizer's best guess.
    """
    for bom, bom_codec in _BOMS:
        if content.startswith(bom):
            return bom_codec
    if declared and (codec := _known_codec(declared)):
        return codec
    match = _META_CHARSET.search(content[:_SNIFF_BYTES])
    if match and (meta_codec := _known_codec(match.group(1).decode("ascii", "ignore"))):
        # A page cannot be UTF-16 if we just read its meta tag as ASCII.
        return "utf-8" if meta_codec.startswith(("utf-16", "utf-32")) else meta_codec
    return _detect(content)


def decode_html(content: bytes, declared: str | None = None) -> str:
    """Decode page bytes; undecodable bytes become U+FFFD rather than failing the article."""
    try:
        return content.decode(sniff_encoding(content, declared), errors="replace")
    except (LookupError, UnicodeError, ValueError):  # pragma: no cover - vetted codecs only
        return content.decode("utf-8", errors="replace")


def _detect(content: bytes) -> str:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    guess = from_bytes(content).best()
    codec = _known_codec(guess.encoding) if guess is not None else None
    return codec or "utf-8"


def _known_codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    text_codec = getattr(info, "_is_text_encoding", True)
    return info.name if text_codec and info.name not in _NOT_PAGE_CODECS else None
