"""Small pure helpers of the fetcher: page dates, author names, charsets, Retry-After."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from newswire_fetcher.authors import byline_names, clean_authors
from newswire_fetcher.dates import parse_page_date
from newswire_fetcher.encoding import charset_from_content_type, decode_html, sniff_encoding
from newswire_fetcher.http import parse_retry_after
from newswire_fetcher.language import normalize_tag

NOW = dt.datetime(2024, 7, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05T09:12:00+02:00", dt.datetime(2024, 3, 5, 7, 12, tzinfo=dt.UTC)),
        ("2024-03-05T09:12:00Z", dt.datetime(2024, 3, 5, 9, 12, tzinfo=dt.UTC)),
        ("2024-03-05", dt.datetime(2024, 3, 5, tzinfo=dt.UTC)),
        ("Tue, 05 Mar 2024 10:00:00 GMT", dt.datetime(2024, 3, 5, 10, tzinfo=dt.UTC)),
        ("5 March 2024 10:00 CEST", dt.datetime(2024, 3, 5, 8, tzinfo=dt.UTC)),
        ("March 5, 2024 10:00 PM EST", dt.datetime(2024, 3, 6, 3, tzinfo=dt.UTC)),
        # zone-less: assumed UTC
        ("2024-03-05 09:12", dt.datetime(2024, 3, 5, 9, 12, tzinfo=dt.UTC)),
        # an unknown zone name stays zone-less rather than failing
        ("2024-03-05 09:12 XYZT", dt.datetime(2024, 3, 5, 9, 12, tzinfo=dt.UTC)),
    ],
)
def test_page_dates_become_aware(raw: str, expected: dt.datetime) -> None:
    parsed = parse_page_date(raw, reference=NOW)
    assert parsed == expected
    assert parsed is not None
    assert parsed.tzinfo is not None


@pytest.mark.parametrize(
    "raw",
    [
        "2024-07-01T12:30:00+00:00",  # half an hour after the fetch
        "2031-01-01",
        "1970-01-01T00:00:00Z",  # epoch placeholder
        "0001-01-01",
        "not a date",
        "",
        None,
        1709630000,
    ],
)
def test_implausible_or_unreadable_dates_are_refused(raw: object) -> None:
    assert parse_page_date(raw, reference=NOW) is None


def test_zone_less_dates_may_run_ahead_by_a_time_zone() -> None:
    # "21:00" local in UTC+9 is 12:00 UTC, but read as UTC it looks nine hours ahead.
    assert parse_page_date("2024-07-01T21:00:00", reference=NOW) is not None
    assert parse_page_date("2024-07-02T04:00:00", reference=NOW) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["By Ann Lee and Bo Park"], ["Ann Lee", "Bo Park"]),
        (["Greta Holm, Yusuf Demir"], ["Greta Holm", "Yusuf Demir"]),
        (["Reporting by Samir Haddad; Editing by Jo Grant"], ["Samir Haddad"]),
        (["Jane Doe, Staff Reporter"], ["Jane Doe"]),
        (["Jane Doe", "JANE DOE", "jane doe"], ["Jane Doe"]),
        (["https://example.com/authors/jane", "@janedoe", "jane@example.com"], []),
        (["Ursula von der Leyen"], ["Ursula von der Leyen"]),
        (["Von Lena Brandt und Karl Meier"], ["Lena Brandt", "Karl Meier"]),
    ],
)
def test_author_names_are_cleaned(raw: list[str], expected: list[str]) -> None:
    assert clean_authors(raw) == expected


def test_only_a_bare_byline_paragraph_counts() -> None:
    assert byline_names("By Amina Yusuf and Daniel Ortega") == ["Amina Yusuf", "Daniel Ortega"]
    assert byline_names("By Jane Doe, Chief Correspondent") == ["Jane Doe"]
    assert byline_names("By the time the police arrived, the crowd had gone.") is None
    assert byline_names("Security forces detained the leader on Friday.") is None


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en-GB", "en"),
        ("fr_FR", "fr"),
        ("DE", "de"),
        ("pt-BR", "pt"),
        ("english", None),
        ("", None),
    ],
)
def test_language_tags_are_normalized(tag: str, code: str | None) -> None:
    assert normalize_tag(tag) == code


def test_charset_precedence_bom_then_header_then_meta() -> None:
    meta_latin = '<meta charset="iso-8859-1"><p>café</p>'.encode("cp1252")
    assert sniff_encoding(meta_latin) == "cp1252"
    assert decode_html(meta_latin).endswith("café</p>")
    assert sniff_encoding(meta_latin, "utf-8") == "utf-8"
    assert sniff_encoding(codecs.BOM_UTF8 + meta_latin, "cp1252") == "utf-8-sig"
    assert sniff_encoding(b"<p>no declaration</p>") == "utf-8"
    assert sniff_encoding(b"<p>x</p>", "no-such-codec") == "utf-8"


def test_undecodable_bytes_are_replaced_not_fatal() -> None:
    assert decode_html(b"<p>caf\xe9</p>", "utf-8") == "<p>caf\ufffd</p>"


NON_TEXT_CHARSETS = [
    "base64", "rot13", "rot_13", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "idna",
    "punycode", "utf-7", "unicode_escape", "raw_unicode_escape", "no-such-codec",
]  # fmt: skip


@pytest.mark.parametrize("label", NON_TEXT_CHARSETS)
def test_non_text_codecs_named_by_a_page_are_ignored(label: str) -> None:
    page = f'<html><head><meta charset="{label}"><title>x</title></head><p>café</p>'
    content = page.encode("utf-8")
    assert sniff_encoding(content) == "utf-8"
    assert sniff_encoding(content, label) == "utf-8"
    assert decode_html(content, label).endswith("<p>café</p>")
    assert charset_from_content_type(f"text/html; charset={label}") is None


def test_undeclared_non_utf8_page_is_detected() -> None:
    text = (
        "Правительство объявило о новых мерах поддержки для пострадавших от наводнения"
        " регионов. Министр заявил, что помощь будет оказана в течение недели."
    )
    content = f"<html><head><title>Новости</title></head><body><p>{text}</p></body></html>"
    encoded = content.encode("cp1251")
    assert sniff_encoding(encoded) == "cp1251"
    assert decode_html(encoded) == content
    # A declaration still wins over detection: the page said what it is.
    assert sniff_encoding(encoded, "koi8-r") == "koi8-r"


def test_charset_from_content_type() -> None:
    assert charset_from_content_type('text/html; charset="ISO-8859-1"') == "cp1252"
    assert charset_from_content_type("text/html;charset=utf-8") == "utf-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("Mon, 01 Jul 2024 12:01:30 GMT", now=NOW) == 90.0
    assert parse_retry_after("Mon, 01 Jul 2024 11:00:00 GMT", now=NOW) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
