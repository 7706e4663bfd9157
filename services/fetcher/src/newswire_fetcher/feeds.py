"""RSS 2.0 and Atom feed parsing: a feed document becomes the article links it lists."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedError(ValueError):
    """The document is not a readable RSS or Atom feed."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None


def parse_feed(data: bytes, base_url: str) -> list[FeedItem]:
    """Items of an RSS 2.0 or Atom feed, links resolved against ``base_url``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"feed is not well-formed XML: {exc}") from exc
    if root.tag == "rss" or root.find("channel") is not None:
        items = [_rss_item(i, base_url) for i in root.iter("item")]
    elif root.tag == f"{ATOM}feed":
        items = [_atom_entry(e, base_url) for e in root.iter(f"{ATOM}entry")]
    else:
        raise FeedError(f"not an RSS or Atom feed (root element {root.tag!r})")
    return [i for i in items if i is not None]


def _text(el: etree._Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _rss_item(item: etree._Element, base: str) -> FeedItem | None:
    link = _text(item.find("link"))
    guid = item.find("guid")
    if link is None and guid is not None and guid.get("isPermaLink", "true") == "true":
        link = _text(guid)
    if link is None:
        return None
    return FeedItem(urljoin(base, link), _text(item.find("title")), _text(item.find("pubDate")))


def _atom_entry(entry: etree._Element, base: str) -> FeedItem | None:
    links = entry.findall(f"{ATOM}link")
    href = next((lk.get("href") for lk in links if lk.get("rel", "alternate") == "alternate"), None)
    if href is None:
        return None
    published = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
    return FeedItem(urljoin(base, href), _text(entry.find(f"{ATOM}title")), published)
