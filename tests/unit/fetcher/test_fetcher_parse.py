"""HTML → ArticleV1 on team-written pages: metadata precedence, clean text, dates, language."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from newswire_contracts import ArticleV1, article_id_for
from newswire_fetcher.parse import ParseError, parse_html

DATA = Path(__file__).parent / "data"
FETCHED_AT = dt.datetime(2024, 7, 1, 12, 0, tzinfo=dt.UTC)


def page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def parse(name: str, url: str) -> ArticleV1:
    return parse_html(page(name), url, fetched_at=FETCHED_AT)


def paragraphs(article: ArticleV1) -> list[str]:
    return article.text.split("\n\n")


# --- structured data first -------------------------------------------------------------------

JSONLD_URL = "https://www.harbourledger.example/world/2024/03/05/border-talks-resume/?utm_source=x"


@pytest.fixture(scope="module")
def jsonld_article() -> ArticleV1:
    return parse("jsonld_graph.html", JSONLD_URL)


def test_jsonld_fields_are_read_from_the_graph(jsonld_article: ArticleV1) -> None:
    a = jsonld_article
    assert a.title == "Border talks resume after two-year freeze"
    # One author is an @id link to a Person node elsewhere in the @graph.
    assert a.authors == ["Ines Marchetti", "Tomas Lindqvist"]
    assert a.section == "World"
    assert a.tags == ["diplomacy", "Valdoria", "Kestria"]
    assert a.image_url == "https://cdn.harbourledger.example/img/talks.jpg"
    assert a.description == "Negotiators from Valdoria and Kestria met in Geneva on Monday."
    assert a.language == "en"
    assert a.site_name == "The Harbour Ledger"


def test_jsonld_dates_beat_meta_and_keep_their_offset(jsonld_article: ArticleV1) -> None:
    published = jsonld_article.published_at
    assert published is not None
    assert published.utcoffset() == dt.timedelta(hours=2)
    assert published == dt.datetime(2024, 3, 5, 7, 12, tzinfo=dt.UTC)
    assert jsonld_article.modified_at == dt.datetime(2024, 3, 5, 9, 40, tzinfo=dt.UTC)


def test_canonical_link_is_resolved_and_cleaned(jsonld_article: ArticleV1) -> None:
    expected = "https://www.harbourledger.example/world/2024/03/05/border-talks-resume/"
    assert jsonld_article.canonical_url == expected
    assert jsonld_article.article_id == article_id_for(expected)
    assert jsonld_article.url == JSONLD_URL


def test_text_keeps_paragraphs_and_drops_boilerplate(jsonld_article: ArticleV1) -> None:
    parts = paragraphs(jsonld_article)
    assert len(parts) == 5
    assert parts[0].startswith("GENEVA, March 4 — Negotiators from Valdoria and Kestria")
    assert parts[-1].endswith("detained on both sides of the line.")
    for boilerplate in (
        "cookies",
        "Business",
        "Related stories",
        "snap parliamentary elections",
        "This deal will never hold",
        "Reader_77",
        "All rights reserved",
        "Privacy policy",
    ):
        assert boilerplate not in jsonld_article.text


def test_content_hash_ignores_whitespace(jsonld_article: ArticleV1) -> None:
    text = jsonld_article.text
    assert (
        jsonld_article.content_hash == hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
    )
    reflowed = page("jsonld_graph.html").replace(b"sat down together", b"sat   down\n together")
    assert parse_html(reflowed, JSONLD_URL).content_hash == jsonld_article.content_hash


# --- OpenGraph and meta tags ----------------------------------------------------------------


def test_opengraph_only_page() -> None:
    url = "https://northerncourier.example/news/farmers-block-motorway-1234?utm_campaign=x"
    a = parse("opengraph_only.html", url)
    assert a.title == "Farmers block motorway in protest over diesel subsidy cut"
    assert a.site_name == "Northern Courier"
    assert a.authors == ["Greta Holm", "Yusuf Demir"]
    assert a.published_at == dt.datetime(2024, 5, 14, 8, 30, tzinfo=dt.UTC)
    assert a.modified_at == dt.datetime(2024, 5, 14, 10, 5, tzinfo=dt.UTC)
    assert a.section == "Politics"
    assert a.tags == ["Agriculture", "Protests"]
    assert (
        a.description
        == "Hundreds of tractors brought traffic to a standstill on the A7 on Tuesday."
    )
    assert a.image_url == "https://northerncourier.example/media/farmers-tractors.jpg"
    assert a.language == "en"  # from og:locale en_US
    assert a.canonical_url == "https://northerncourier.example/news/farmers-block-motorway-1234"
    assert len(paragraphs(a)) == 4
    assert "Front page" not in a.text
    assert "Advertise with us" not in a.text


# --- fallbacks ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def byline_article() -> ArticleV1:
    return parse("byline_in_text.html", "https://marovia-news.example/politics/opposition-leader")


def test_byline_in_text_gives_authors_and_leaves_the_text(byline_article: ArticleV1) -> None:
    assert byline_article.authors == ["Amina Yusuf", "Daniel Ortega"]
    assert "By Amina Yusuf" not in byline_article.text
    assert byline_article.text.startswith("Security forces detained the leader")


def test_headline_is_the_title_not_the_first_paragraph(byline_article: ArticleV1) -> None:
    assert byline_article.title == "Opposition leader detained after rally in capital"
    assert byline_article.title not in byline_article.text


def test_date_without_metadata_comes_from_the_page(byline_article: ArticleV1) -> None:
    published = byline_article.published_at
    assert published is not None
    assert published.tzinfo is not None
    assert published.date() == dt.date(2024, 2, 3)


def test_future_dates_in_meta_and_scripts_are_not_publication_dates() -> None:
    a = parse("future_date.html", "https://aidwatch.example/news/convoy")
    assert a.published_at == dt.datetime(2023, 11, 20, 6, 45, tzinfo=dt.UTC)
    assert a.authors == ["Samir Haddad"]


def test_a_page_whose_only_date_is_in_the_future_has_none() -> None:
    html = page("future_date.html").replace(b"2023-11-20T06:45:00Z", b"2099-01-01T00:00:00Z")
    html = html.replace(b"20 November 2023", b"")
    assert parse_html(html, "https://aidwatch.example/news/convoy").published_at is None


def test_visible_date_line_gives_time_and_zone() -> None:
    html = _article_page().replace(
        "<h1>",
        '<aside><span class="date">March 2, 2020</span></aside>'
        '<div class="meta"><span class="date">Updated 2 June 2025, 18:00 GMT</span>'
        '<span class="date">June 1, 2025 09:40 CEST</span></div><h1>',
    )
    a = parse_html(html, "https://example.com/a", fetched_at=FETCHED_AT.replace(year=2025))
    assert a.published_at == dt.datetime(2025, 6, 1, 7, 40, tzinfo=dt.UTC)


def test_naive_dates_are_taken_as_utc() -> None:
    html = _article_page(
        head='<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "http://schema.org/ReportageNewsArticle", "headline": "H",'
        ' "datePublished": "2024-03-05T09:12:00"}</script>'
    )
    a = parse_html(html, "https://example.com/a", fetched_at=FETCHED_AT)
    assert a.published_at == dt.datetime(2024, 3, 5, 9, 12, tzinfo=dt.UTC)


LATER = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _dated_page(jsonld_date: str, extra: str = "") -> str:
    return _article_page(
        head='<script type="application/ld+json">{"@context": "https://schema.org",'
        f' "@type": "NewsArticle", "headline": "H", "datePublished": "{jsonld_date}"}}</script>'
        + extra
    )


@pytest.mark.parametrize(
    ("jsonld_date", "extra", "expected"),
    [
        # JSON-LD in UTC, a meta tag with the same instant in local time: local offset kept.
        (
            "2025-05-31T22:30:00Z",
            '<meta property="article:published_time" content="2025-06-01T00:30:00+02:00">',
            "2025-06-01T00:30:00+02:00",
        ),
        # A zone-less date takes the offset of a zoned one showing the same wall-clock time.
        (
            "2025-05-31T23:10:00",
            '<meta name="pubdate" content="2025-05-31T23:10:00-04:00">',
            "2025-05-31T23:10:00-04:00",
        ),
        # A different moment elsewhere on the page says nothing about this one's offset.
        (
            "2025-05-31T22:30:00Z",
            '<meta property="article:published_time" content="2025-05-30T08:00:00+02:00">',
            "2025-05-31T22:30:00+00:00",
        ),
        # A date with its own non-UTC offset is kept as written.
        (
            "2025-05-31T23:45:00-05:00",
            '<meta property="article:published_time" content="2025-06-01T04:45:00Z">',
            "2025-05-31T23:45:00-05:00",
        ),
    ],
)
def test_published_at_keeps_the_publishers_offset(
    jsonld_date: str, extra: str, expected: str
) -> None:
    a = parse_html(_dated_page(jsonld_date, extra), "https://example.com/a", fetched_at=LATER)
    assert a.published_at is not None
    assert a.published_at.isoformat() == expected
    # The instant is unchanged whatever the offset: ordering by UTC stays right.
    parsed = dt.datetime.fromisoformat(jsonld_date)
    instant = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if "Z" in jsonld_date or "-05:00" in jsonld_date:
        assert a.published_at == instant


def test_late_evening_article_keeps_its_local_day() -> None:
    extra = '<meta property="article:published_time" content="2025-03-14T23:50:00+01:00">'
    a = parse_html(_dated_page("2025-03-14T22:50:00Z", extra), "https://example.com/a")
    assert a.published_at is not None
    assert a.published_at.date() == dt.date(2025, 3, 14)
    assert a.published_at.astimezone(dt.UTC).date() == dt.date(2025, 3, 14)
    extra = '<meta property="article:published_time" content="2025-03-15T00:20:00+01:00">'
    a = parse_html(_dated_page("2025-03-14T23:20:00Z", extra), "https://example.com/a")
    assert a.published_at is not None
    assert a.published_at.date() == dt.date(2025, 3, 15)  # the day the publisher printed


def test_a_date_only_in_the_text_is_found_by_the_extensive_search() -> None:
    html = _article_page().replace(
        "</article>", "<div>Berlin, 12.03.2025 - Reporting from the border</div></article>"
    )
    a = parse_html(html, "https://example.com/a", fetched_at=LATER)
    assert a.published_at is not None
    assert a.published_at.date() == dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    "extra",
    [
        "",
        "<p>In 2019 the bridge was closed for repairs.</p>",
        "<footer>© 2024 The Velna Ledger</footer>",
        "<div>Updated: March 2023</div>",
        '<time datetime="2025-13-45T99:99:99+99:99">soon</time>',
    ],
)
def test_a_bare_year_or_month_is_not_a_publication_date(extra: str) -> None:
    html = _article_page().replace("</article>", f"{extra}</article>")
    a = parse_html(html, "https://example.com/a", fetched_at=LATER)
    assert a.published_at is None


def test_jsonld_as_a_list_after_a_broken_block() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
        '<script type="application/ld+json">[{"@type": "BreadcrumbList"},'
        ' {"@type": "NewsArticle", "headline": "Listed headline &amp; more",'
        ' "author": {"@type": "Person", "name": "By Ana Silva"}}]</script>'
    )
    a = parse_html(_article_page(head=head), "https://example.com/a")
    assert a.title == "Listed headline & more"
    assert a.authors == ["Ana Silva"]


# --- boilerplate ----------------------------------------------------------------------------


def test_comments_nav_newsletter_and_related_links_are_excluded() -> None:
    a = parse("boilerplate.html", "https://coastaltimes.example/business/port-strike")
    parts = paragraphs(a)
    assert parts[0].startswith("Dock workers at the port of Bellmouth")
    assert parts[-1].startswith("Trade minister Oskar Vell urged both sides")
    assert len(parts) == 4
    for boilerplate in (
        "uses cookies",
        "Subscribe today",
        "Share on Facebook",
        "morning briefing",
        "deserve every penny",
        "empty shelves",
        "Most read",
        "cycle lanes",
        "cranes may soon drive",
        "Coastal Media Group",
    ):
        assert boilerplate not in a.text
    assert a.title == "Port workers strike over pay for third day"
    assert a.published_at == dt.datetime(2024, 6, 12, 15, 20, tzinfo=dt.UTC)


# --- language -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "language"), [("french.html", "fr"), ("german.html", "de")])
def test_language_is_detected_when_undeclared(name: str, language: str) -> None:
    assert parse(name, "https://example.com/a").language == language


def test_declared_language_is_used_and_normalized() -> None:
    html = page("german.html").replace(b"<html>", b'<html lang="de-DE">')
    assert parse_html(html, "https://example.com/a").language == "de"


# --- canonical links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://amp.example.com/story-9", "https://amp.example.com/story-9"),
        ("https://elsewhere.example.org/story-9", "https://www.example.com/world/story-9"),
        ("/", "https://www.example.com/world/story-9"),
        ("mailto:desk@example.com", "https://www.example.com/world/story-9"),
    ],
)
def test_canonical_link_must_be_same_site_and_not_the_home_page(href: str, expected: str) -> None:
    html = _article_page(head=f'<link rel="canonical" href="{href}">')
    url = "https://www.example.com/world/story-9?utm_source=newsletter"
    assert parse_html(html, url).canonical_url == expected


# --- encodings and failures -----------------------------------------------------------------


def test_bytes_are_decoded_with_the_meta_charset() -> None:
    html = _article_page(charset="iso-8859-1").replace("ministers", "ministres élus")
    a = parse_html(html.encode("cp1252"), "https://example.com/a")
    assert "ministres élus" in a.text


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "undefined", "idna"])
def test_a_meta_charset_naming_a_non_text_codec_does_not_break_parsing(charset: str) -> None:
    html = _article_page(charset=charset).replace("ministers", "ministres élus")
    a = parse_html(html.encode("utf-8"), "https://example.com/a")
    assert "ministres élus" in a.text


def test_an_undeclared_cp1251_page_is_decoded() -> None:
    sentence = (
        "Министры иностранных дел двух соседних государств встретились в четверг в"
        " приграничном городе, чтобы обсудить открытие трёх пунктов пропуска."
    )
    html = (
        "<html><head><title>T</title></head><body><article><h1>Встреча министров</h1>"
        f"<p>{sentence}</p><p>{sentence.replace('четверг', 'пятницу')}</p></article></body></html>"
    )
    a = parse_html(html.encode("cp1251"), "https://example.com/a")
    assert sentence in a.text
    assert (a.title, a.language) == ("Встреча министров", "ru")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        "   ",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00",
        "Just a line of plain text with no markup at all.",
        "<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav></body></html>",
        "<html><head><title>Empty</title></head><body></body></html>",
    ],
)
def test_pages_without_article_text_raise_parse_error(content: str | bytes) -> None:
    with pytest.raises(ParseError):
        parse_html(content, "https://example.com/a")


@pytest.mark.parametrize(
    "head",
    [
        '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>",
        '<link rel="canonical" href="http://[::1"><meta property="og:image" content="http://[x">',
        '<meta property="article:published_time" content="9999999999999999999999">',
    ],
    ids=["json-ld-nested-too-deep", "unparseable-urls", "absurd-date"],
)
def test_hostile_metadata_does_not_break_the_article(head: str) -> None:
    a = parse_html(_article_page(head=head), "https://example.com/a")
    assert a.canonical_url == "https://example.com/a"
    assert a.image_url is None and a.published_at is None
    assert "Velna" in a.text


def test_parse_error_is_a_value_error() -> None:
    assert issubclass(ParseError, ValueError)


def _article_page(head: str = "", charset: str = "utf-8") -> str:
    body = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "The foreign ministers of the two neighbouring states met on Thursday in the border"
            " town of Velna to discuss the reopening of three crossings closed since the floods.",
            "Officials said the ministers agreed to set up a joint commission that will report"
            " within ninety days on repairs to the damaged bridges and customs posts.",
            "Traders on both sides welcomed the meeting, saying the closures had cut their income"
            " by half and forced many families to travel hundreds of kilometres to reach markets.",
        )
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>T</title>{head}</head>'
        f"<body><article><h1>Ministers meet in Velna</h1>{body}</article></body></html>"
    )
