"""HTML → ArticleV1, I/O free: declared metadata first, then trafilatura/htmldate fallbacks."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author, extract_title

from newswire_contracts import ArticleV1, article_id_for
from newswire_fetcher.authors import clean_authors
from newswire_fetcher.cleanup import clean_tree, cut_tree
from newswire_fetcher.dates import PageDate, parse_page_date, read_page_date, with_local_offset
from newswire_fetcher.encoding import decode_html
from newswire_fetcher.language import choose_language
from newswire_fetcher.metadata import PageMeta, date_lines, read_metadata
from newswire_fetcher.text import content_hash, extract_paragraphs, join_paragraphs, strip_head
from newswire_fetcher.urls import canonicalize, resolve, same_site

_MARKUP = re.compile(r"<\s*(?:html|head|body|p|div|article|main|section|h1|title)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
MAX_TAGS = 30


class ParseError(ValueError):
    """The page has no article text (empty, not HTML, or nothing but boilerplate)."""


def parse_html(html: str | bytes, url: str, *, fetched_at: dt.datetime | None = None) -> ArticleV1:
    """The article in ``html`` fetched from ``url``.

    ``fetched_at`` (default: now) bounds the publication date: nothing published later than
    it. Raises ParseError when there is no extractable text; the service dead-letters those.
    """
    reference = _aware(fetched_at or dt.datetime.now(dt.UTC))
    markup = decode_html(html) if isinstance(html, bytes) else html
    tree = load_tree(markup)
    page = read_metadata(tree)
    # After the metadata (a JSON-LD block at the end of a long page still counts), before
    # anything whose time grows faster than the page: keeps parse time near-linear in size.
    # A page over the budget also skips trafilatura's fallback extractors, which cost most on
    # big pages; it has lost its tail already, and the main extractor is the precise one.
    oversized = cut_tree(tree, markup_chars=len(markup))
    clean_tree(tree)  # after the metadata: embeds and layout must not affect what it read
    title = _clean(page.title) or _fallback_title(tree)
    title = _strip_site_suffix(title, _clean(page.site_name))
    paragraphs, byline = strip_head(extract_paragraphs(tree, url, fast=oversized), title)
    if not paragraphs and page.body:
        paragraphs = [" ".join(line.split()) for line in page.body.splitlines() if line.strip()]
    if not paragraphs:
        raise ParseError(f"no article text found in {url}")
    text = join_paragraphs(paragraphs)
    declared = _dates(page.published, reference)
    visible = _dates(date_lines(tree), reference)
    chosen = next(iter(declared or visible), None)
    offsets = [*declared, *visible, *_dates(page.modified, reference)]
    published = (
        with_local_offset(chosen, offsets) if chosen else _fallback_date(tree, url, reference)
    )
    modified_dates = _dates(page.modified, reference)
    modified = with_local_offset(modified_dates[0], offsets) if modified_dates else None
    canonical = choose_canonical(page.canonical, url)
    return ArticleV1(
        article_id=article_id_for(canonical),
        url=url,
        canonical_url=canonical,
        title=title,
        text=text,
        authors=_authors(page, byline, tree),
        published_at=published,
        # A "modified" before "published" is a CMS mix-up, not information.
        modified_at=modified if not (published and modified and modified < published) else None,
        language=choose_language(page.languages, text),
        site_name=_clean(page.site_name),
        description=_clean(page.description),
        section=_clean(page.section),
        tags=_distinct(_clean(tag) for tag in page.tags)[:MAX_TAGS],
        image_url=_image(page.image, url),
        content_hash=content_hash(text),
    )


def load_tree(markup: str) -> HtmlElement:
    """Parse markup into an lxml tree, refusing what is plainly not an HTML page."""
    if "\x00" in markup[:2048] or not _MARKUP.search(markup):
        raise ParseError("content is not HTML")
    # lxml refuses str input that still carries an encoding declaration.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        tree: HtmlElement = lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ParseError(f"unparseable HTML: {error}") from error
    return tree


def choose_canonical(candidates: Iterable[str], url: str) -> str:
    """The page's own canonical link if it is on the same site and plausible, else the URL."""
    try:
        fetched = canonicalize(url)
    except ValueError as error:
        raise ParseError(str(error)) from error
    fetched_is_home = urlsplit(fetched).path == "/"
    for href in candidates:
        try:
            candidate = canonicalize(resolve(url, href))
        except ValueError:
            continue
        # Templates that point every story's canonical at the home page would merge all articles.
        if same_site(candidate, fetched) and (fetched_is_home or urlsplit(candidate).path != "/"):
            return candidate
    return fetched


def _dates(candidates: Iterable[str], reference: dt.datetime) -> list[PageDate]:
    return [d for c in candidates if (d := read_page_date(c, reference=reference)) is not None]


def _fallback_date(tree: HtmlElement, url: str, reference: dt.datetime) -> dt.datetime | None:
    # Only reached when no declared or visible date was usable: htmldate walks the whole tree,
    # markup first; its extensive search (dates in free text) is the very last resort.
    for extensive in (False, True):
        found = find_date(
            tree,
            extensive_search=extensive,
            original_date=True,
            outputformat="%Y-%m-%dT%H:%M:%S",
            url=url,
            # Markup dates first: a URL's /2024/03/05/ is often the section's, not the story's.
            deferred_url_extractor=True,
            max_date=reference.astimezone(dt.UTC).replace(tzinfo=None),
        )
        parsed = parse_page_date(found, reference=reference)
        # The extensive search falls back to a bare year or month ("In 2019 the bridge…",
        # "© 2024") and reports it as its first day: a guess, not a publication date. A story
        # really published on the 1st and dated only in its text is lost; precision first.
        if parsed is not None and not (extensive and parsed.day == 1):
            return parsed
    return None


def _fallback_title(tree: HtmlElement) -> str | None:
    return _clean(extract_title(tree))


def _authors(page: PageMeta, byline: list[str], tree: HtmlElement) -> list[str]:
    names = clean_authors(page.authors) or clean_authors(byline)
    if names:
        return names
    found = extract_author(tree)
    # trafilatura joins several authors with "; ".
    return clean_authors(found.split(";")) if found else []


def _image(image: str | None, url: str) -> str | None:
    if not image:
        return None
    try:
        resolved = resolve(url, image)
    except ValueError:  # "http://[x": not a URL
        return None
    return resolved if urlsplit(resolved).scheme in ("http", "https") else None


def _strip_site_suffix(title: str | None, site_name: str | None) -> str | None:
    if not title or not site_name:
        return title
    for separator in _TITLE_SEPARATORS:
        suffix = f"{separator}{site_name}"
        if title.casefold().endswith(suffix.casefold()) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


def _clean(value: str | None) -> str | None:
    # JSON-LD strings are not HTML-decoded by the parser, and often carry entities.
    if not value:
        return None
    return " ".join(htmllib.unescape(value).split()) or None


def _distinct(values: Iterable[str | None]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for value in values:
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
