"""Finding the article in a page's JSON-LD (schema.org), including @graph, lists and @id links."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

# schema.org types that describe the page's own story (NewsArticle and its subtypes first).
NEWS_TYPES = frozenset(
    {
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "liveblogposting",
    }
)
ARTICLE_TYPES = NEWS_TYPES | {"article", "blogposting", "report", "satiricalarticle"}

_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
JsonObject = dict[str, Any]


def article_node(tree: HtmlElement) -> tuple[JsonObject | None, dict[str, JsonObject]]:
    """The page's article object and an index of every node by ``@id`` (to resolve links)."""
    nodes = [node for blob in _blobs(tree) for node in _walk(blob)]
    index = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    articles = [node for node in nodes if _types(node) & ARTICLE_TYPES]
    if not articles:
        return None, index
    # A news type with a headline beats a generic Article (often the site's WebPage twin).
    best = max(articles, key=lambda n: (bool(n.get("headline")), bool(_types(n) & NEWS_TYPES)))
    return best, index


def _blobs(tree: HtmlElement) -> Iterator[Any]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = _WRAPPERS.sub("", script.text or "").strip()
        if not raw:
            continue
        try:
            # strict=False: CMSes often leave raw newlines and tabs inside JSON strings.
            yield json.loads(raw, strict=False)
        except (ValueError, RecursionError):  # malformed, or nested deeper than Python's stack
            continue


def _walk(value: Any, depth: int = 0) -> Iterator[JsonObject]:
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity"):
            if key in value:
                yield from _walk(value[key], depth + 1)


def _types(node: JsonObject) -> set[str]:
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    # "https://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
    return {re.split(r"[/:#]", name)[-1].lower() for name in names if isinstance(name, str)}


def resolve(value: Any, index: dict[str, JsonObject]) -> Any:
    """Follow an ``{"@id": …}`` reference to the node it names, if the page defines it."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        return index.get(value["@id"], value)
    return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, a ``{"name"|"@value"}`` object or a list."""
    for item in as_list(value):
        if isinstance(item, dict):
            item = item.get("name") or item.get("@value")
        if isinstance(item, str) and item.strip():
            return item.strip()
    return None


def names_of(value: Any, index: dict[str, JsonObject]) -> list[str]:
    """Names of people or organizations, following ``@id`` links."""
    names = []
    for item in as_list(value):
        name = text_of(resolve(item, index))
        if name:
            names.append(name)
    return names


def url_of(value: Any) -> str | None:
    """An image or page URL: a string, an ImageObject (``url``/``contentUrl``) or a list."""
    for item in as_list(value):
        if isinstance(item, dict):
            item = item.get("url") or item.get("contentUrl") or item.get("@id")
            item = item[0] if isinstance(item, list) and item else item
        if isinstance(item, str) and item.strip():
            return item.strip()
    return None


def keywords_of(value: Any) -> list[str]:
    """Keywords given as a comma-separated string, a list of strings or DefinedTerms."""
    words: list[str] = []
    for item in as_list(value):
        text = text_of(item)
        if text:
            words.extend(part.strip() for part in text.split(","))
    return [word for word in words if word]
