"""RSS 2.0, RSS 1.0 (RDF) and Atom parsing: a feed document becomes the article links it lists."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from newswire_fetcher.xmldoc import parse_xml

ATOM = "{http://www.w3.org/2005/Atom}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
# RSS 1.0 and 0.90 put their elements in a namespace, RSS 2.0 in none; Dublin Core's "date"
# stands in for pubDate in RSS 1.0 and in many RSS 2.0 feeds.
_DATE_NAMES = ("pubDate", "date", "published", "issued")


class FeedError(ValueError):
    """The document is not a readable RSS or Atom feed."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None


def parse_feed(data: bytes, base_url: str) -> list[FeedItem]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, links resolved against ``base_url``."""
    try:
        root = parse_xml(data)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"feed is not well-formed XML: {exc}") from exc
    kind = _local(root)
    if root.tag == f"{ATOM}feed":
        items = [_atom_entry(e, base_url) for e in root.iter(f"{ATOM}entry")]
    elif kind in ("rss", "RDF") or _children(root, "channel"):
        items = [_rss_item(i, base_url) for i in root.iter() if _local(i) == "item"]
    else:
        raise FeedError(f"not an RSS or Atom feed (root element {root.tag!r})")
    return [i for i in items if i is not None]


def _join(base: str, link: str) -> str | None:
    try:
        return urljoin(base, link)
    except ValueError:  # "http://[::1" and the like: that item is unusable, the feed is not
        return None


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text(el: etree._Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _first_text(item: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(item, name):
            if text := _text(child):
                return text
    return None


def _rss_item(item: etree._Element, base: str) -> FeedItem | None:
    link = _first_text(item, "link")
    guids = _children(item, "guid")
    if link is None and guids and guids[0].get("isPermaLink", "true") == "true":
        link = _text(guids[0])
    # RSS 1.0 names each item by its URL in rdf:about, and may leave <link> out.
    link = link or item.get(f"{RDF}about")
    if link is None:
        return None
    title, published = _first_text(item, "title"), _first_text(item, *_DATE_NAMES)
    url = _join(base, link)
    return FeedItem(url, title, published) if url else None


def _atom_entry(entry: etree._Element, base: str) -> FeedItem | None:
    links = entry.findall(f"{ATOM}link")
    href = next((lk.get("href") for lk in links if lk.get("rel", "alternate") == "alternate"), None)
    url = _join(base, href) if href is not None else None
    if url is None:
        return None
    published = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
    return FeedItem(url, _text(entry.find(f"{ATOM}title")), published)
