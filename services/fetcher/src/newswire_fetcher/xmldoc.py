"""Parsing untrusted XML (feeds, sitemaps): no entity expansion, no network, HTML entities read.

Feeds are often written by HTML templates, so ``&nbsp;`` or ``&eacute;`` turn up although XML
defines only five named entities; one such reference would make the whole document ill-formed.
They are rewritten to character references before parsing. Entities the document declares
itself are never expanded (``resolve_entities=False``), which keeps entity bombs inert.
"""

from __future__ import annotations

import codecs
import html.entities
import re

from lxml import etree

_TOKEN = re.compile(rb"<!\[CDATA\[|<!--|&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CLOSERS = {b"<![CDATA[": b"]]>", b"<!--": b"-->"}
# Byte-level rewriting is only sound where "&" and ";" are single ASCII bytes.
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def parse_xml(data: bytes) -> etree._Element:
    """The root element of ``data``; raises etree.XMLSyntaxError when it is not well-formed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(map_html_entities(data), parser=parser)


def map_html_entities(data: bytes) -> bytes:
    """``data`` with HTML named entities outside CDATA and comments as character references."""
    if data.startswith(_WIDE_BOMS):
        data = _as_utf8(data)
    if b"&" not in data:
        return data
    out: list[bytes] = []
    position = 0
    while (match := _TOKEN.search(data, position)) is not None:
        out.append(data[position : match.start()])
        name = match.group(1)
        if name is None:  # CDATA or a comment: copied untouched, up to its end
            end = data.find(_CLOSERS[match.group()], match.end())
            position = len(data) if end < 0 else end + len(_CLOSERS[match.group()])
            out.append(data[match.start() : position])
            continue
        out.append(_reference(name) or match.group())
        position = match.end()
    out.append(data[position:])
    return b"".join(out)


def _as_utf8(data: bytes) -> bytes:
    # UTF-16/32 with a BOM: re-encoded as UTF-8, without the declaration that names the old
    # encoding, so "&" and ";" are single bytes again. Undecodable input is left to the parser.
    codec = "utf-32" if data.startswith(_WIDE_BOMS[2:]) else "utf-16"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return data
    return _DECLARATION.sub("", text, count=1).encode("utf-8")


def _reference(name: bytes) -> bytes | None:
    if name in _XML_ENTITIES:
        return None
    chars = html.entities.html5.get(name.decode("ascii") + ";")
    if chars is None:
        return None
    return "".join(f"&#x{ord(char):x};" for char in chars).encode("ascii")
