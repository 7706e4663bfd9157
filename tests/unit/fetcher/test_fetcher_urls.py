"""URL canonicalization: one spelling per article, without merging different articles."""

from __future__ import annotations

import pytest

from newswire_contracts import article_id_for
from newswire_fetcher.urls import canonicalize, is_tracking_param, same_site, site_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://News.Example.COM/World/Story", "https://news.example.com/World/Story"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com//world///2024//story", "https://example.com/world/2024/story"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/section/", "https://example.com/section/"),
        ("https://example.com/a/index.html", "https://example.com/a/index.html"),
        ("https://example.com/caf%c3%a9/%7euser", "https://example.com/caf%C3%A9/~user"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
    ],
)
def test_canonicalize_normalizes_scheme_host_port_path(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_tracking_parameters_are_stripped_and_the_rest_sorted() -> None:
    url = (
        "https://example.com/story?utm_source=rss&utm_medium=feed&fbclid=abc&gclid=x"
        "&mc_cid=1&mc_eid=2&ref=twitter&cmpid=nl&ocid=msn&page=2&id=77"
    )
    assert canonicalize(url) == "https://example.com/story?id=77&page=2"


def test_parameters_that_select_the_article_are_kept() -> None:
    a = canonicalize("https://example.com/article.php?cid=12&source=wire")
    b = canonicalize("https://example.com/article.php?cid=13&source=wire")
    assert a != b
    assert "cid=12" in a
    assert "source=wire" in a


def test_blank_and_repeated_parameters_survive_in_a_stable_order() -> None:
    assert canonicalize("https://e.com/s?b=2&a=&b=1") == "https://e.com/s?a=&b=1&b=2"


def test_query_encoding_is_normalized() -> None:
    assert canonicalize("https://e.com/s?q=a+b") == canonicalize("https://e.com/s?q=a%20b")


@pytest.mark.parametrize(
    "url",
    [
        "HTTP://WWW.Example.COM:80/a//b/../c/?utm_source=x&b=2&a=1&fbclid=z#frag",
        "https://example.com/caf%c3%a9?q=a+b&ref=tw",
        "http://[::1]:8080/a/./b",
        "https://example.com/?",
    ],
)
def test_canonicalize_is_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert canonicalize(once) == once


def test_shared_variants_of_one_story_get_one_article_id() -> None:
    variants = [
        "https://www.example.com/world/story-123?utm_source=facebook&utm_medium=social",
        "HTTPS://WWW.EXAMPLE.COM:443/world//story-123#top",
        "https://www.example.com/world/story-123?fbclid=IwAR0xyz",
    ]
    ids = {article_id_for(canonicalize(v)) for v in variants}
    assert len(ids) == 1


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a", "javascript:alert(1)", "/relative", "http://"]
)
def test_non_http_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="URL"):
        canonicalize(url)


@pytest.mark.parametrize("name", ["utm_campaign", "UTM_Source", "fbclid", "mc_eid", "ocid", "_ga"])
def test_known_trackers_are_recognized(name: str) -> None:
    assert is_tracking_param(name)


@pytest.mark.parametrize("name", ["id", "page", "p", "story", "source", "cid"])
def test_ordinary_parameters_are_not_trackers(name: str) -> None:
    assert not is_tracking_param(name)


def test_same_site_uses_the_registrable_domain() -> None:
    assert site_of("https://news.bbc.co.uk/a") == "bbc.co.uk"
    assert same_site("https://www.example.com/a", "https://amp.example.com/b")
    assert not same_site("https://example.com/a", "https://example.org/a")
    assert not same_site("https://a.co.uk/", "https://b.co.uk/")
    assert same_site("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b")
