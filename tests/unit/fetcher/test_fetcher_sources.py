"""The sources file and sitemap parsing: valid entries load, bad ones fail with a clear message."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newswire_fetcher.feeds import FeedError, parse_feed
from newswire_fetcher.sitemaps import SitemapError, parse_sitemap
from newswire_fetcher.sources import SourcesError, load_sources, parse_duration

SOURCES = """
[defaults]
interval = "20m"

[[feeds]]
url = "https://news.example/world/rss.xml?utm_source=ops"
interval = "5m"

[[feeds]]
name = "harbour-gazette"
url = "https://gazette.example/feed.atom"

[[sitemaps]]
url = "https://news.example/sitemap-news.xml"
interval = "1h"
max_age = "2d"
max_urls = 200

[[urls]]
url = "https://news.example/live/election-night"
interval = 600
"""


def test_sources_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(SOURCES, encoding="utf-8")
    feed, named, sitemap, single = load_sources(path)
    assert (feed.kind, feed.interval_s) == ("feed", 300.0)
    assert feed.url == "https://news.example/world/rss.xml"  # tracking parameter stripped
    assert feed.source_id == "feed:https://news.example/world/rss.xml"
    assert (named.source_id, named.interval_s) == ("harbour-gazette", 1200.0)
    assert (sitemap.kind, sitemap.interval_s, sitemap.max_age_s, sitemap.max_urls) == (
        "sitemap",
        3600.0,
        172800.0,
        200,
    )
    assert (single.kind, single.interval_s) == ("url", 600.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[feeds]]\nurl = "ftp://files.example/rss"\n', "feeds #1: url"),
        ('[[feeds]]\nurl = "https://a.example/rss"\ninterval = "5s"\n', "interval"),
        ('[[feeds]]\nurl = "https://a.example/rss"\ninterval = "soon"\n', "interval"),
        ('[[feeds]]\nurl = "https://a.example/rss"\ncolour = "red"\n', "colour"),
        ('[[podcasts]]\nurl = "https://a.example/rss"\n', "unknown section"),
        ('feeds = "https://a.example/rss"\n', "array of tables"),
        (
            '[[feeds]]\nurl = "https://a.example/rss"\n[[feeds]]\nurl = "https://a.example/rss"\n',
            "listed twice",
        ),
        ("[[feeds]\nurl = ", "sources.toml"),
    ],
)
def test_bad_sources_are_reported_with_their_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesError, match=message):
        load_sources(path)


def test_missing_sources_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match=r"missing\.toml"):
        load_sources(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("90", 90.0), ("90s", 90.0), ("15m", 900.0), ("2h", 7200.0), ("1d", 86400.0)],
)
def test_durations(value: str, seconds: float) -> None:
    assert parse_duration(value) == seconds


URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example/2025/06/02/port-strike</loc>
    <news:news>
      <news:publication><news:name>News</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-06-02T08:15:00+02:00</news:publication_date>
      <news:title>Port strike enters second week</news:title>
    </news:news>
  </url>
  <url><loc>/2025/06/01/budget</loc><lastmod>2025-06-01</lastmod></url>
  <url><lastmod>2025-06-01</lastmod></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/sitemap-2025-06.xml</loc><lastmod>2025-06-02</lastmod></sitemap>
  <sitemap><loc>https://news.example/sitemap-2019-01.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_news_sitemap_entries() -> None:
    sitemap = parse_sitemap(URLSET, "https://news.example/sitemap.xml", max_bytes=10**6)
    assert sitemap.children == []
    first, second = sitemap.urls
    assert first.url == "https://news.example/2025/06/02/port-strike"
    assert first.published == "2025-06-02T08:15:00+02:00"
    assert first.title == "Port strike enters second week"
    assert (second.url, second.lastmod) == ("https://news.example/2025/06/01/budget", "2025-06-01")


def test_sitemap_index_and_gzip() -> None:
    sitemap = parse_sitemap(gzip.compress(INDEX), "https://news.example/", max_bytes=10**6)
    assert [c.url for c in sitemap.children] == [
        "https://news.example/sitemap-2025-06.xml",
        "https://news.example/sitemap-2019-01.xml.gz",
    ]
    assert sitemap.urls == []


def test_text_sitemap() -> None:
    sitemap = parse_sitemap(
        b"https://a.example/1\n\nhttps://a.example/2\n", "https://a.example/", max_bytes=100
    )
    assert [u.url for u in sitemap.urls] == ["https://a.example/1", "https://a.example/2"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<urlset><url><loc>x</loc>", "well-formed"),
        (b"<html><body>Not found</body></html>", "root element 'html'"),
        (b"just some words", "neither XML"),
        (gzip.compress(b"<urlset>" + b" " * 5000 + b"</urlset>"), "too large"),
        (b"\x1f\x8b\x08\x00garbage", "decompress"),
    ],
)
def test_malformed_sitemaps_give_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(SitemapError, match=message):
        parse_sitemap(data, "https://a.example/", max_bytes=1000)


def test_entities_are_not_expanded() -> None:
    billion_laughs = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><item><link>https://a.example/&b;</link></item></channel></rss>"
    )
    items = parse_feed(billion_laughs, "https://a.example/")
    assert all("aaaaaaaaaa" not in item.url for item in items)


@pytest.mark.parametrize(
    "data", [b"<rss><channel><item>", b"<html><body>gone</body></html>", b"\x00\x01binary"]
)
def test_malformed_feeds_give_clear_errors(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data, "https://a.example/")
