"""Sitemaps (sitemaps.org urlset, sitemap index, Google News extension, plain text), I/O free."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from newswire_fetcher.body import BodyLimitExceeded, BoundedDecoder, CorruptBody
from newswire_fetcher.xmldoc import parse_xml

GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """The document is not a readable sitemap."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One <url> (or one <sitemap> of an index): its location and the dates it declares."""

    url: str
    lastmod: str | None = None
    published: str | None = None  # news:publication_date
    title: str | None = None  # news:title


@dataclass(frozen=True, slots=True)
class Sitemap:
    """Page entries of a urlset, or child sitemaps of an index."""

    urls: list[SitemapEntry] = field(default_factory=list)
    children: list[SitemapEntry] = field(default_factory=list)


def parse_sitemap(data: bytes, base_url: str, *, max_bytes: int) -> Sitemap:
    """Entries of an XML (or gzipped XML, or plain-text) sitemap; raises SitemapError."""
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, max_bytes)
    stripped = data.lstrip()
    if not stripped.startswith(b"<"):
        return _text_sitemap(stripped, base_url)
    try:
        root = parse_xml(stripped)
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"sitemap is not well-formed XML: {error}") from error
    kind = etree.QName(root).localname
    if kind == "urlset":
        return Sitemap(urls=_entries(root, "url", base_url))
    if kind == "sitemapindex":
        return Sitemap(children=_entries(root, "sitemap", base_url))
    raise SitemapError(f"not a sitemap (root element {kind!r})")


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    decoder = BoundedDecoder("gzip", max_bytes)
    try:
        return decoder.feed(data) + decoder.finish()
    except BodyLimitExceeded as error:
        raise SitemapError(f"gzipped sitemap is too large: {error}") from error
    except CorruptBody as error:
        raise SitemapError(str(error)) from error


def _text_sitemap(data: bytes, base_url: str) -> Sitemap:
    lines = data.decode("utf-8", "replace").splitlines()
    urls = [line.strip() for line in lines if line.strip()]
    if not urls or not all(u.startswith(("http://", "https://")) for u in urls):
        raise SitemapError("not a sitemap: neither XML nor one URL per line")
    return Sitemap(urls=[SitemapEntry(url) for u in urls if (url := _join(base_url, u))])


def _join(base: str, link: str) -> str | None:
    try:
        return urljoin(base, link)
    except ValueError:  # "http://[::1": that entry is unusable, the sitemap is not
        return None


def _child(element: etree._Element, name: str) -> str | None:
    # Namespace-agnostic: sitemaps in the wild use the sitemaps.org namespace, none, or a typo.
    for child in element.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _entries(root: etree._Element, tag: str, base_url: str) -> list[SitemapEntry]:
    found = []
    for element in root:
        if not isinstance(element.tag, str) or etree.QName(element).localname != tag:
            continue
        loc = _child(element, "loc")
        url = _join(base_url, loc) if loc is not None else None
        if url is None:
            continue
        found.append(
            SitemapEntry(
                url=url,
                lastmod=_child(element, "lastmod"),
                published=_child(element, "publication_date"),
                title=_child(element, "title"),
            )
        )
    return found
