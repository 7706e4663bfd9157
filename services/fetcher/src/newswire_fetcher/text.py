"""Main-text extraction with trafilatura, returned as clean paragraphs (no nav, comments, ads)."""

from __future__ import annotations

import hashlib

import trafilatura
from lxml.html import HtmlElement

from newswire_fetcher.authors import byline_names

PARAGRAPH_BREAK = "\n\n"
# Bylines and a repeated headline sit in the first few blocks of a story; look no further.
HEAD_BLOCKS = 4


def extract_paragraphs(tree: HtmlElement, url: str | None) -> list[str]:
    """The story's paragraphs in order, each whitespace-collapsed to one line.

    Precision over recall: a missed paragraph costs one event, a menu or a reader comment
    taken for text produces false events. trafilatura copies the tree, so ``tree`` is untouched.
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
    )
    raw = getattr(document, "text", None) or ""
    # trafilatura ends every block (paragraph, heading, list item) with one newline.
    return [" ".join(line.split()) for line in raw.splitlines() if line.strip()]


def strip_head(paragraphs: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Drop a repeated headline and a bare byline from the top; also return the byline's names."""
    kept: list[str] = []
    names: list[str] = []
    folded_title = " ".join(title.split()).casefold() if title else None
    for position, paragraph in enumerate(paragraphs):
        if position < HEAD_BLOCKS and paragraph.casefold() == folded_title:
            continue
        found = byline_names(paragraph) if position < HEAD_BLOCKS else None
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
