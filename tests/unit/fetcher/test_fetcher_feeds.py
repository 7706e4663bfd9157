"""Feed parsing: RSS 2.0, RSS 1.0 (RDF), RSS 0.90 and Atom; HTML entities; entity bombs inert."""

from __future__ import annotations

import pytest

from newswire_fetcher.feeds import FeedError, FeedItem, parse_feed
from newswire_fetcher.sitemaps import parse_sitemap
from newswire_fetcher.xmldoc import map_html_entities

BASE = "https://news.example/feeds/world.xml"

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>World</title>
  <item><title>Port strike</title><link>https://news.example/a/port</link>
    <pubDate>Mon, 02 Jun 2025 08:15:00 +0200</pubDate></item>
  <item><title>Relative</title><link>/a/relative</link><dc:date>2025-06-01T10:00:00Z</dc:date></item>
  <item><guid>https://news.example/a/guid</guid></item>
  <item><guid isPermaLink="false">tag:news.example,2025:1</guid></item>
</channel></rss>"""

RDF = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/">
    <title>World</title><link>https://news.example/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://news.example/a/port"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://news.example/a/port">
    <title>Port strike</title><link>https://news.example/a/port</link>
    <dc:date>2025-06-02T08:15:00+02:00</dc:date>
  </item>
  <item rdf:about="https://news.example/a/about-only"><title>No link</title></item>
</rdf:RDF>"""

RSS090 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Old</title><link>https://news.example/</link></channel>
  <item><title>Port strike</title><link>https://news.example/a/port</link></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
  <entry><title>Port strike</title><link href="https://news.example/a/port"/>
    <published>2025-06-02T08:15:00+02:00</published></entry>
  <entry><title>Only self</title><link rel="self" href="https://news.example/x.atom"/></entry>
</feed>"""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            RSS2,
            [
                FeedItem(
                    "https://news.example/a/port", "Port strike", "Mon, 02 Jun 2025 08:15:00 +0200"
                ),
                FeedItem("https://news.example/a/relative", "Relative", "2025-06-01T10:00:00Z"),
                FeedItem("https://news.example/a/guid"),
            ],
        ),
        (
            RDF,
            [
                FeedItem("https://news.example/a/port", "Port strike", "2025-06-02T08:15:00+02:00"),
                FeedItem("https://news.example/a/about-only", "No link"),
            ],
        ),
        (RSS090, [FeedItem("https://news.example/a/port", "Port strike")]),
        (
            ATOM,
            [FeedItem("https://news.example/a/port", "Port strike", "2025-06-02T08:15:00+02:00")],
        ),
    ],
    ids=["rss2", "rss1-rdf", "rss090", "atom"],
)
def test_feed_formats(data: bytes, expected: list[FeedItem]) -> None:
    assert parse_feed(data, BASE) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Floods&nbsp;in the north", "Floods\u00a0in the north"),
        ("Caf&eacute; &amp; bar &mdash; news", "Café & bar — news"),
        ("Caf&EACUTE; stays", "Caf&EACUTE; stays"),  # not an HTML entity: refused below
        ("&lt;b&gt; &#233; &#x2014;", "<b> é —"),
    ],
)
def test_html_entities_in_a_feed_are_read(title: str, expected: str) -> None:
    data = f"<rss><channel><item><title>{title}</title><link>/a/1</link></item></channel></rss>"
    if "EACUTE" in title:
        with pytest.raises(FeedError, match="well-formed"):
            parse_feed(data.encode(), BASE)
        return
    (item,) = parse_feed(data.encode("utf-8"), BASE)
    assert (item.url, item.title) == ("https://news.example/a/1", expected)


def test_entities_in_cdata_and_comments_are_left_alone() -> None:
    data = (
        b"<rss><channel><!-- &nbsp; --><item><title><![CDATA[A&nbsp;B &eacute;]]></title>"
        b"<link>https://news.example/a?x=1&amp;y=2</link></item></channel></rss>"
    )
    (item,) = parse_feed(data, BASE)
    assert item.title == "A&nbsp;B &eacute;"
    assert item.url == "https://news.example/a?x=1&y=2"


def test_an_unterminated_cdata_section_is_copied_not_looped_on() -> None:
    data = b"<rss><![CDATA[ &nbsp;" + b"<![CDATA[" * 10_000
    assert map_html_entities(data) == data
    with pytest.raises(FeedError):
        parse_feed(data, BASE)


def test_latin1_feed_with_html_entities() -> None:
    data = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><item>'
        "<title>Genève&nbsp;talks</title><link>/a/geneve</link></item></channel></rss>"
    ).encode("latin-1")
    (item,) = parse_feed(data, BASE)
    assert item.title == "Genève\u00a0talks"


def test_declared_entities_are_still_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY nbsp "&b;&b;">]>'
        b"<rss><channel><item><link>https://a.example/&b;&nbsp;</link></item></channel></rss>"
    )
    items = parse_feed(bomb, BASE)
    assert all("aaaaaaaaaa" not in item.url for item in items)


def test_external_entities_are_not_fetched_or_read() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><link>https://a.example/&x;</link></item></channel></rss>"
    )
    items = parse_feed(xxe, BASE)
    assert all("root:" not in item.url for item in items)


def test_sitemaps_read_html_entities_too() -> None:
    data = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        b"<loc>https://news.example/a/caf&eacute;</loc></url></urlset>"
    )
    (entry,) = parse_sitemap(data, BASE, max_bytes=10_000).urls
    assert entry.url == "https://news.example/a/café"


@pytest.mark.parametrize(
    "data",
    [b"<rss><channel><item>", b"<html><body>gone</body></html>", b"", b"<feed>&nbsp</feed>"],
)
def test_malformed_feeds_give_clear_errors(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data, BASE)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_wide_encoded_feed_with_html_entities(codec: str) -> None:
    data = (
        f'<?xml version="1.0" encoding="{codec}"?><rss><channel><item>'
        "<title>Genève&nbsp;talks</title><link>/a/geneve</link></item></channel></rss>"
    ).encode(codec)  # Python writes the BOM
    (item,) = parse_feed(data, BASE)
    assert (item.url, item.title) == ("https://news.example/a/geneve", "Genève\u00a0talks")


def test_an_unusable_link_drops_its_item_not_the_feed() -> None:
    rss = (
        b"<rss><channel><item><link>http://[::1</link></item>"
        b"<item><link>/a/ok</link></item></channel></rss>"
    )
    assert [i.url for i in parse_feed(rss, BASE)] == ["https://news.example/a/ok"]
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://[x"/></entry>'
        b'<entry><link href="/a/ok"/></entry></feed>'
    )
    assert [i.url for i in parse_feed(atom, BASE)] == ["https://news.example/a/ok"]
    sitemap = b"<urlset><url><loc>http://[::1</loc></url><url><loc>/a/ok</loc></url></urlset>"
    entries = parse_sitemap(sitemap, BASE, max_bytes=10_000).urls
    assert [e.url for e in entries] == ["https://news.example/a/ok"]
