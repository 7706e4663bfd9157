"""Turning fetched bytes into text: BOM, then HTTP charset, then <meta charset>, then UTF-8."""

from __future__ import annotations

import codecs
import re

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


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _known_codec(match.group(1)) if match else None


def sniff_encoding(content: bytes, declared: str | None = None) -> str:
    """The codec for ``content``: BOM, then the declared charset, then <meta>, then UTF-8."""
    for bom, bom_codec in _BOMS:
        if content.startswith(bom):
            return bom_codec
    if declared and (codec := _known_codec(declared)):
        return codec
    match = _META_CHARSET.search(content[:_SNIFF_BYTES])
    if match and (meta_codec := _known_codec(match.group(1).decode("ascii", "ignore"))):
        # A page cannot be UTF-16 if we just read its meta tag as ASCII.
        return "utf-8" if meta_codec.startswith("utf-16") else meta_codec
    return "utf-8"


def decode_html(content: bytes, declared: str | None = None) -> str:
    """Decode page bytes; undecodable bytes become U+FFFD rather than failing the article."""
    return content.decode(sniff_encoding(content, declared), errors="replace")


def _known_codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
