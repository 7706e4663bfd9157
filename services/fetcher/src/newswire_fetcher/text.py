"""Main-text extraction with trafilatura, returned as clean paragraphs (no nav, comments, ads)."""

from __future__ import annotations

import hashlib
import re

import trafilatura
from lxml.html import HtmlElement

from newswire_fetcher.authors import byline_names
from newswire_fetcher.datewords import is_date_line

PARAGRAPH_BREAK = "\n\n"
# A line that only points elsewhere: "Read more: …", "Lesen Sie auch: …", "Lire aussi : …".
_READ_MORE = re.compile(
    r"^(?:read (?:more|also)|see also|related|more on this(?: story)?|watch|listen|"
    r"lesen sie (?:auch|mehr)|mehr zum thema|lire aussi|à lire aussi|voir aussi|"
    r"lee también|leer más|te puede interesar|leggi anche|leia também|lees ook)\s*:",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’«»„‚ "
MIN_PULL_QUOTE_CHARS = 20
# Each pull-quote check scans the whole story; a story of thousands of quoted paragraphs
# (a hostile page, a transcript) would make that quadratic. A story has a handful at most.
MAX_PULL_QUOTE_CHECKS = 100
# Bylines and a repeated headline sit in the first few blocks of a story; look no further.
HEAD_BLOCKS = 4


def extract_paragraphs(tree: HtmlElement, url: str | None, *, fast: bool = False) -> list[str]:
    """The story's paragraphs in order, each whitespace-collapsed to one line.

    Precision over recall: a missed paragraph costs one event, a menu or a reader comment
    taken for text produces false events. trafilatura copies the tree, so ``tree`` is untouched.
    ``fast`` skips trafilatura's fallback extractors (readability, jusText), the slowest part
    on very large pages.
    """
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
        fast=fast,
    )
    raw = getattr(document, "text", None) or ""
    # trafilatura ends every block (paragraph, heading, list item) with one newline.
    return [" ".join(line.split()) for line in raw.splitlines() if line.strip()]


def strip_head(paragraphs: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Drop a repeated headline, a date line and a bare byline from the top, and link-list
    lines ("Read more: …") and pull quotes anywhere; also return the byline's names."""
    kept: list[str] = []
    names: list[str] = []
    pull_quotes = _pull_quotes(paragraphs)
    folded_title = " ".join(title.split()).casefold() if title else None
    for position, paragraph in enumerate(paragraphs):
        head = position < HEAD_BLOCKS
        if head and (paragraph.casefold() == folded_title or is_date_line(paragraph)):
            continue
        if _READ_MORE.match(paragraph) or position in pull_quotes:
            continue
        found = byline_names(paragraph) if head else None
        if found:
            names.extend(found)
            continue
        kept.append(paragraph)
    return kept, names


def join_paragraphs(paragraphs: list[str]) -> str:
    """The article text: paragraphs separated by a blank line (offsets are taken into this)."""
    return PARAGRAPH_BREAK.join(paragraphs)


def content_hash(text: str) -> str:
    """SHA-256 of the text with all whitespace runs collapsed, so reflowed copies match."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _pull_quotes(paragraphs: list[str]) -> set[int]:
    # A pull quote repeats, in quotation marks, words the story already carries.
    found: set[int] = set()
    candidates = [
        (position, inner)
        for position, paragraph in enumerate(paragraphs)
        if paragraph
        and paragraph[0] in _QUOTES
        and len(inner := paragraph.strip(_QUOTES)) >= MIN_PULL_QUOTE_CHARS
    ]
    for position, inner in candidates[:MAX_PULL_QUOTE_CHECKS]:
        if any(inner in other for index, other in enumerate(paragraphs) if index != position):
            found.add(position)
    return found
