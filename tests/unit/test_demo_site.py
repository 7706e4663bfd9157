"""The bundled demo site: every page is served, feed and index agree with it, and its gold (the
team gold's demo records) is the fetcher's parse of each page."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import pytest

from newswire import demo_site
from newswire.measure.extract_eval.gold import GoldActor, GoldEvent, demo_pages, load_team_gold
from newswire.measure.extract_eval.paths import default_team_gold, repo_root
from newswire_contracts.messages import EVENT_TYPES
from newswire_fetcher.parse import parse_html

BASE = "http://127.0.0.1:8765"
ISTANBUL = "/world/2025/06/03/istanbul-talks-children.html"
# The site's only gold: its pages' records in the team gold (bench/extractor/gold/team.jsonl).
_TEAM_GOLD = default_team_gold(repo_root(Path(__file__).resolve()))
assert _TEAM_GOLD is not None
GOLD = demo_pages(load_team_gold(_TEAM_GOLD))


class _PageParser(HTMLParser):
    """Visible text, links and metadata of one page, with only the standard library."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.hrefs: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[object] = []
        self._skip: str | None = None
        self._script_type = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in ("script", "style"):
            self._skip, self._script_type = tag, values.get("type", "")
        elif tag == "a" and "href" in values:
            self.hrefs.append(values["href"])
        elif tag == "meta" and "content" in values:
            self.meta[values.get("property") or values.get("name", "")] = values["content"]
        elif tag == "link" and values.get("rel") == "canonical":
            self.meta["canonical"] = values.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skip:
            self._skip = None

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            self.chunks.append(data)
        elif self._script_type == "application/ld+json":
            self.json_ld.append(json.loads(data))

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.chunks))


def parse(path: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(read(path).decode("utf-8"))
    return parser


def feed_items() -> list[ET.Element]:
    body = demo_site.read_page("/feed.xml", BASE)
    assert body is not None
    root = ET.fromstring(body)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.findall("./channel/item")


def read(path: str) -> bytes:
    body = demo_site.read_page(path, BASE)
    assert body is not None, path
    return body


def declared_published(parser: _PageParser) -> str | None:
    """The publication time the page declares in JSON-LD or OpenGraph, if any."""
    for block in parser.json_ld:
        assert isinstance(block, dict)
        for node in block.get("@graph", [block]):
            if node.get("@type") == "NewsArticle":
                return str(node["datePublished"])
    return parser.meta.get("article:published_time")


def test_there_are_at_least_twelve_articles_and_each_is_served_as_html() -> None:
    pages = demo_site.list_pages()
    assert len(pages) >= 12
    assert ISTANBUL in pages
    for path in pages:
        body = demo_site.read_page(path, BASE)
        assert body is not None
        assert body.lstrip().lower().startswith(b"<!doctype html")
        assert demo_site.content_type(path) == "text/html; charset=utf-8"


def test_feed_parses_and_links_every_article_absolutely() -> None:
    items = feed_items()
    links = []
    for item in items:
        for field in ("title", "link", "pubDate", "guid"):
            assert (item.findtext(field) or "").strip(), field
        link = item.findtext("link") or ""
        assert link.startswith(BASE + "/")
        links.append(urlsplit(link).path)
        assert parsedate_to_datetime(item.findtext("pubDate") or "").tzinfo is not None
    assert sorted(links) == demo_site.list_pages()
    assert len({item.findtext("guid") for item in items}) == len(items)
    for path in links:
        assert demo_site.read_page(path, BASE) is not None


def test_feed_titles_and_dates_match_the_gold() -> None:
    for item in feed_items():
        path = urlsplit(item.findtext("link") or "").path
        gold = GOLD[path]
        assert item.findtext("title") == gold.title
        published = parsedate_to_datetime(item.findtext("pubDate") or "")
        assert gold.published_at is not None
        if declared_published(parse(path)) is None:
            # Only the visible byline dates the page; it may give the day without the time.
            assert published.date() == gold.published_at.date(), path
        else:
            assert published == gold.published_at, path


def test_base_placeholder_is_filled_everywhere_it_appears() -> None:
    other = "http://localhost:9/"
    for path in [*demo_site.list_pages(), "/", "/feed.xml", "/robots.txt"]:
        body = demo_site.read_page(path, other)
        assert body is not None
        assert b"{base}" not in body
    feed = demo_site.read_page("/feed.xml", other)
    assert feed is not None
    assert b"<link>http://localhost:9/world/" in feed


def test_index_links_every_article() -> None:
    index = parse("/")
    assert set(demo_site.list_pages()) <= set(index.hrefs)
    assert demo_site.read_page("/index.html", BASE) == demo_site.read_page("/", BASE)


def test_robots_allows_everything() -> None:
    body = demo_site.read_page("/robots.txt", BASE)
    assert body is not None
    robots = RobotFileParser()
    robots.parse(body.decode("utf-8").splitlines())
    assert all(robots.can_fetch("newswire", BASE + path) for path in demo_site.list_pages())


@pytest.mark.parametrize(
    "path",
    [
        "/missing.html",
        "/world/",
        "/../__init__.py",
        "/%2e%2e/expected.json",
        "/../expected.json",
        "/a%00b.html",
    ],
)
def test_absent_or_outside_paths_are_not_served(path: str) -> None:
    assert demo_site.read_page(path, BASE) is None


def test_query_strings_are_ignored() -> None:
    assert demo_site.read_page(ISTANBUL + "?utm_source=rss#top", BASE) == demo_site.read_page(
        ISTANBUL, BASE
    )


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/feed.xml", "application/rss+xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
        ("/static/logo.png", "application/octet-stream"),
    ],
)
def test_content_types(path: str, content_type: str) -> None:
    assert demo_site.content_type(path) == content_type


def test_the_team_gold_covers_every_article_with_valid_events() -> None:
    assert sorted(GOLD) == demo_site.list_pages()
    country = re.compile(r"^[A-Z]{3}$")
    for path, gold in GOLD.items():
        assert gold.published_at is not None and gold.published_at.tzinfo is not None, path
        for event in gold.events:
            assert {event.event_type, *event.also} <= set(EVENT_TYPES), (path, event)
            countries = [a.country for a in (*event.actors, *event.targets)]
            for value in (*countries, event.place_country):
                assert value is None or country.match(value), (path, value)
    assert any(not gold.events for gold in GOLD.values()), "one page must have no events"


def test_the_gold_is_the_fetchers_parse_of_each_page() -> None:
    # The team gold holds each page as the demo's fetcher turns it into an article, so what
    # `newswire eval extract` scores is exactly what `newswire demo` extracts from.
    for path, gold in GOLD.items():
        article = parse_html(read(path), BASE + path)
        assert (article.title, article.published_at, article.text) == (
            gold.title,
            gold.published_at,
            gold.text,
        ), path
        page = parse(path)
        assert gold.title in page.text
        for event in gold.events:
            assert event.evidence is not None and event.evidence in page.text, path


def test_declared_dates_and_canonical_links_match_the_gold() -> None:
    kinds = set()
    for path, gold in GOLD.items():
        page = parse(path)
        declared = declared_published(page)
        assert gold.published_at is not None
        if declared is None:
            kinds.add("visible byline")
            continue
        kinds.add("JSON-LD" if page.json_ld else "OpenGraph")
        assert dt.datetime.fromisoformat(declared) == gold.published_at, path
        assert page.meta["canonical"] == BASE + path
    assert kinds == {"visible byline", "JSON-LD", "OpenGraph"}


def test_istanbul_article_carries_the_talks_and_the_children_figures() -> None:
    page = parse(ISTANBUL)
    assert "Ukrainian and Russian delegations held talks in Istanbul on Monday" in page.text
    for phrase in ("nearly 400 children", "about 10", "twenty thousand children"):
        assert phrase in page.text
    gold = GOLD[ISTANBUL]
    assert gold.published_at is not None and gold.published_at.date() == dt.date(2025, 6, 3)
    talks = GoldEvent(
        event_type="CONSULT",
        actors=(GoldActor("Ukraine", "UKR"), GoldActor("Russia", "RUS")),
        place="Istanbul",
        place_country="TUR",
        date=dt.date(2025, 6, 2),
        evidence="Ukrainian and Russian delegations held talks in Istanbul on Monday",
    )
    assert [event for event in gold.events if event.event_type == "CONSULT"] == [talks]
    quantities = {value for event in gold.events for value in event.quantities}
    assert {400, 10, 20000} <= quantities
