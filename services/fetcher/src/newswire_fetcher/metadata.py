"""A page's declared metadata: JSON-LD first, then OpenGraph/article:* and standard meta tags."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from newswire_fetcher import jsonld

# Meta names per field, best first. Keys are lowercased property/name/itemprop/http-equiv.
TITLE_KEYS = ("og:title", "twitter:title")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")
SITE_KEYS = ("og:site_name", "application-name")
IMAGE_KEYS = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
)
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "pubdate",
    "publishdate",
    "publish-date",
)
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
SECTION_KEYS = ("article:section", "parsely-section", "section")
TAG_KEYS = ("article:tag", "news_keywords", "parsely-tags")
LANGUAGE_KEYS = ("og:locale", "content-language", "dc.language", "language")
_DATE_ITEMPROPS = frozenset({"datepublished", "datemodified"})
# A <time> in the story itself carries a full timestamp with its zone, which htmldate drops;
# a <time> elsewhere (a header's "today" widget, a sidebar) says nothing about this story.
_STORY_TIMES = "//article//time[@datetime] | //main//time[@datetime] | //time[@pubdate][@datetime]"
# Visible date lines ("June 1, 2025 09:40 CEST") in the story's byline area, not in sidebars.
_DATE_LINES = (
    "//*[contains(@class, 'date') or contains(@class, 'publish') or contains(@class, 'timestamp')]"
    "[not(ancestor::aside or ancestor::nav or ancestor::footer)]"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATE_LINE_PREFIX = re.compile(r"^(?:published|posted|first published|on)\b\s*:?\s*", re.I)
MAX_DATE_LINES = 3
MAX_DATE_LINE_CHARS = 80


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself; dates stay raw strings, best candidate first."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    languages: list[str] = field(default_factory=list)
    canonical: list[str] = field(default_factory=list)
    body: str | None = None


def read_metadata(tree: HtmlElement) -> PageMeta:
    """Everything the page declares, with JSON-LD winning over meta tags field by field."""
    meta = _meta_map(tree)
    page = PageMeta()
    _apply_jsonld(page, tree)
    page.title = page.title or _first(meta, TITLE_KEYS)
    page.description = page.description or _first(meta, DESCRIPTION_KEYS)
    # og:site_name is the brand readers know; JSON-LD's publisher is often the legal entity.
    page.site_name = _first(meta, SITE_KEYS) or page.site_name
    page.image = page.image or _first(meta, IMAGE_KEYS)
    page.section = page.section or _first(meta, SECTION_KEYS)
    page.authors = page.authors or [a for a in _all(meta, AUTHOR_KEYS) if "://" not in a]
    page.tags = page.tags or _split_tags(_all(meta, TAG_KEYS))
    page.published += _all(meta, PUBLISHED_KEYS)
    page.published += [str(value) for value in tree.xpath(f"({_STORY_TIMES})/@datetime")][:1]
    page.modified += _all(meta, MODIFIED_KEYS)
    page.languages += [lang for lang in (tree.get("lang"), tree.get("xml:lang")) if lang]
    page.languages += _all(meta, LANGUAGE_KEYS)
    page.canonical = _canonical_links(tree) + _all(meta, ("og:url",))
    return page


def _apply_jsonld(page: PageMeta, tree: HtmlElement) -> None:
    node, index = jsonld.article_node(tree)
    if node is None:
        return
    page.title = jsonld.text_of(node.get("headline")) or jsonld.text_of(node.get("name"))
    page.authors = jsonld.names_of(node.get("author") or node.get("creator"), index)
    page.published = [d for d in (jsonld.text_of(node.get("datePublished")),) if d]
    page.modified = [d for d in (jsonld.text_of(node.get("dateModified")),) if d]
    page.site_name = jsonld.text_of(jsonld.resolve(node.get("publisher"), index))
    page.description = jsonld.text_of(node.get("description"))
    page.section = jsonld.text_of(node.get("articleSection"))
    page.tags = jsonld.keywords_of(node.get("keywords"))
    page.image = jsonld.url_of(node.get("image") or node.get("thumbnailUrl"))
    page.body = jsonld.text_of(node.get("articleBody"))
    language = node.get("inLanguage")
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    # JSON-LD's own language is more specific than a site-wide <html lang>, so it goes first.
    page.languages = [language] if isinstance(language, str) and language.strip() else []


def _meta_map(tree: HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        key = key or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            found[key.strip().lower()].append(content.strip())
    # <time itemprop="datePublished" datetime="…"> carries a date too; cheap to read here.
    for element in tree.xpath("//*[@itemprop][@datetime or @content]"):
        key = (element.get("itemprop") or "").strip().lower()
        if key in _DATE_ITEMPROPS and element.tag != "meta":
            found[key].append((element.get("datetime") or element.get("content") or "").strip())
    return found


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key][0]
    return None


def _all(meta: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [value for key in keys for value in meta.get(key, ()) if value]


def _split_tags(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _canonical_links(tree: HtmlElement) -> list[str]:
    links = []
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            links.append(href)
    return links


def date_lines(tree: HtmlElement) -> list[str]:
    """Short visible date texts near the byline, for pages that declare no date in markup."""
    lines = []
    for element in tree.xpath(_DATE_LINES)[: MAX_DATE_LINES * 2]:
        text = " ".join(element.text_content().split())
        # "Updated …" is not when the story appeared; a line without a year is too vague.
        if len(text) > MAX_DATE_LINE_CHARS or not _YEAR.search(text) or "updated" in text.lower():
            continue
        lines.append(_DATE_LINE_PREFIX.sub("", text))
    return lines[:MAX_DATE_LINES]
