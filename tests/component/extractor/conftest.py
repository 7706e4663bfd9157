"""Shared fixtures: one extractor and the demo site's articles, parsed as the fetcher does."""

from __future__ import annotations

import pytest

from newswire import demo_site
from newswire_contracts import ArticleV1
from newswire_extractor import Extraction, RulesExtractor
from newswire_fetcher.parse import parse_html

BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="session")
def extractor() -> RulesExtractor:
    loaded = RulesExtractor()
    loaded.load()
    return loaded


@pytest.fixture(scope="session")
def demo_articles() -> dict[str, ArticleV1]:
    articles = {}
    for path in demo_site.list_pages():
        page = demo_site.read_page(path, BASE)
        assert page is not None
        articles[path] = parse_html(page, BASE + path)
    return articles


@pytest.fixture(scope="session")
def demo_extractions(
    extractor: RulesExtractor, demo_articles: dict[str, ArticleV1]
) -> dict[str, Extraction]:
    return {
        path: extractor.extract(
            a.text, article_id=a.article_id, published_at=a.published_at, title=a.title
        )
        for path, a in demo_articles.items()
    }
