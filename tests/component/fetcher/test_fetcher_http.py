"""fetch()/fetch_article() against a real HTTP server on 127.0.0.1 (threaded http.server)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from newswire_fetcher.http import (
    BodyTooLarge,
    FetchError,
    PermanentFetchError,
    TransientFetchError,
    UnsupportedContent,
    UnsupportedScheme,
    fetch,
    fetch_article,
)
from newswire_fetcher.parse import ParseError

ARTICLE = (
    Path(__file__).parents[2] / "unit" / "fetcher" / "data" / "opengraph_only.html"
).read_bytes()
MAX_BYTES = 64 * 1024
UA = "NewswireTest/1.0 (+https://example.org/bot)"


MALFORMED_LOCATIONS = [
    "data:text/html,<p>x</p>",
    "data:text/html;base64,PHA+eDwvcD4=",
    "http:\\\\evil.example\\a",
    "http:\\\\127.0.0.1\\admin",
    "\\\\evil.example\\a",
    "/a\\..\\admin",
    "https://[::1",
    "http://:80/",
    "https:///x",
    "https://ex\u00e4mple.example:99999/",
    "http://exa\tmple.example/",
]


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    body: bytes = b""
    delay: float = 0.0
    endless: bool = False  # stream without Content-Length until the client hangs up


def routes(base: str) -> dict[str, Reply]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/article": Reply(headers=html, body=ARTICLE),
        "/latin1": Reply(
            headers={"Content-Type": "text/html; charset=ISO-8859-1"},
            body="<html><body><p>Le ministre a parlé à Genève.</p></body></html>".encode("latin-1"),
        ),
        "/xhtml": Reply(headers={"Content-Type": "application/xhtml+xml"}, body=ARTICLE),
        "/missing": Reply(status=404, body=b"<html><body>Not found</body></html>"),
        "/gone": Reply(status=410),
        "/busy": Reply(status=503, headers={"Retry-After": "5"}),
        "/slow-down": Reply(status=429, headers={"Retry-After": "120"}),
        "/broken": Reply(status=500),
        "/huge-declared": Reply(headers=html, body=b"<p>" + b"x" * (MAX_BYTES + 1) + b"</p>"),
        "/huge-streamed": Reply(headers=html, endless=True),
        "/gzip-bomb": Reply(
            headers={**html, "Content-Encoding": "gzip"},
            body=gzip.compress(b"<p>" + b" " * (4 * MAX_BYTES) + b"</p>"),
        ),
        "/pdf": Reply(headers={"Content-Type": "application/pdf"}, body=b"%PDF-1.7\n"),
        "/json": Reply(headers={"Content-Type": "application/json"}, body=b"{}"),
        "/old-home": Reply(status=301, headers={"Location": "/moved"}),
        "/moved": Reply(status=302, headers={"Location": f"{base}/article"}),
        "/loop": Reply(status=302, headers={"Location": "/loop"}),
        "/to-ftp": Reply(status=302, headers={"Location": "ftp://files.example/a.html"}),
        "/no-location": Reply(status=302, headers={}),
        **{
            f"/bad-location-{i}": Reply(status=302, headers={"Location": location})
            for i, location in enumerate(MALFORMED_LOCATIONS)
        },
        "/slow": Reply(headers=html, body=ARTICLE, delay=1.0),
        "/empty-page": Reply(
            headers=html, body=b"<html><head><title>x</title></head><body></body></html>"
        ),
    }


class Site:
    """A loopback web site; remembers the User-Agent of each request."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.routes = routes(self.base)
        self.user_agents: list[str] = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.user_agents.append(self.headers.get("User-Agent", ""))
                reply = site.routes.get(self.path, Reply(status=404))
                time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.endless:
                    self.end_headers()
                    self._stream_forever()
                    return
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                except OSError:
                    return  # the client refused the body (a size cap): what the test wants

            def _stream_forever(self) -> None:
                self.close_connection = True
                try:
                    while True:
                        self.wfile.write(b"<p>" + b"y" * 8192 + b"</p>")
                except OSError:
                    return  # the client stopped reading: what the test wants

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    server = Site()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0)) as http:
        yield http


async def test_html_page_is_fetched(site: Site, client: httpx.AsyncClient) -> None:
    result = await fetch(client, site.url("/article"), max_bytes=MAX_BYTES, user_agent=UA)
    assert result.status_code == 200
    assert result.final_url == result.url == site.url("/article")
    assert result.content == ARTICLE
    assert result.charset == "utf-8"
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert "Farmers block motorway" in result.text()
    assert site.user_agents[-1] == UA


async def test_header_charset_is_honoured(site: Site, client: httpx.AsyncClient) -> None:
    result = await fetch(client, site.url("/latin1"), max_bytes=MAX_BYTES, user_agent=UA)
    assert result.encoding == "cp1252"
    assert "parlé à Genève" in result.text()


async def test_xhtml_is_accepted(site: Site, client: httpx.AsyncClient) -> None:
    result = await fetch(client, site.url("/xhtml"), max_bytes=MAX_BYTES, user_agent=UA)
    assert result.content == ARTICLE


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/gone", 410)])
async def test_client_errors_are_permanent(
    site: Site, client: httpx.AsyncClient, path: str, status: int
) -> None:
    with pytest.raises(PermanentFetchError) as caught:
        await fetch(client, site.url(path), max_bytes=MAX_BYTES, user_agent=UA)
    assert caught.value.status_code == status
    assert not isinstance(caught.value, TransientFetchError)


@pytest.mark.parametrize(
    ("path", "status", "retry_after"),
    [("/busy", 503, 5.0), ("/slow-down", 429, 120.0), ("/broken", 500, None)],
)
async def test_server_errors_and_rate_limits_are_transient(
    site: Site, client: httpx.AsyncClient, path: str, status: int, retry_after: float | None
) -> None:
    with pytest.raises(TransientFetchError) as caught:
        await fetch(client, site.url(path), max_bytes=MAX_BYTES, user_agent=UA)
    assert caught.value.status_code == status
    assert caught.value.retry_after == retry_after


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed", "/gzip-bomb"])
async def test_bodies_over_the_limit_are_refused(
    site: Site, client: httpx.AsyncClient, path: str
) -> None:
    with pytest.raises(BodyTooLarge) as caught:
        await fetch(client, site.url(path), max_bytes=MAX_BYTES, user_agent=UA)
    assert isinstance(caught.value, PermanentFetchError)


@pytest.mark.parametrize("path", ["/pdf", "/json"])
async def test_non_html_is_refused(site: Site, client: httpx.AsyncClient, path: str) -> None:
    with pytest.raises(UnsupportedContent) as caught:
        await fetch(client, site.url(path), max_bytes=MAX_BYTES, user_agent=UA)
    assert isinstance(caught.value, PermanentFetchError)


async def test_redirects_are_followed_and_the_final_url_recorded(
    site: Site, client: httpx.AsyncClient
) -> None:
    result = await fetch(client, site.url("/old-home"), max_bytes=MAX_BYTES, user_agent=UA)
    assert result.url == site.url("/old-home")
    assert result.final_url == site.url("/article")
    assert result.content == ARTICLE


async def test_redirect_limit(site: Site, client: httpx.AsyncClient) -> None:
    with pytest.raises(PermanentFetchError, match="redirects"):
        await fetch(client, site.url("/loop"), max_bytes=MAX_BYTES, user_agent=UA, max_redirects=3)
    with pytest.raises(PermanentFetchError, match="redirects"):
        await fetch(
            client, site.url("/old-home"), max_bytes=MAX_BYTES, user_agent=UA, max_redirects=1
        )


@pytest.mark.parametrize("path", ["/to-ftp", "/no-location"])
async def test_bad_redirects_are_permanent(
    site: Site, client: httpx.AsyncClient, path: str
) -> None:
    with pytest.raises(PermanentFetchError):
        await fetch(client, site.url(path), max_bytes=MAX_BYTES, user_agent=UA)


@pytest.mark.parametrize("index", range(len(MALFORMED_LOCATIONS)))
async def test_malformed_redirect_locations_are_permanent(
    site: Site, client: httpx.AsyncClient, index: int
) -> None:
    with pytest.raises(PermanentFetchError, match="redirect Location"):
        await fetch(client, site.url(f"/bad-location-{index}"), max_bytes=MAX_BYTES, user_agent=UA)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "javascript:alert(1)"])
async def test_only_http_and_https(client: httpx.AsyncClient, url: str) -> None:
    with pytest.raises(UnsupportedScheme):
        await fetch(client, url, max_bytes=MAX_BYTES, user_agent=UA)


async def test_read_timeout_is_transient(site: Site, client: httpx.AsyncClient) -> None:
    with pytest.raises(TransientFetchError):
        await fetch(
            client,
            site.url("/slow"),
            max_bytes=MAX_BYTES,
            user_agent=UA,
            timeout=httpx.Timeout(0.2),
        )


async def test_overall_deadline_is_transient(site: Site, client: httpx.AsyncClient) -> None:
    with pytest.raises(TransientFetchError, match="longer than"):
        await fetch(client, site.url("/slow"), max_bytes=MAX_BYTES, user_agent=UA, deadline=0.2)


async def test_connection_refused_is_transient(client: httpx.AsyncClient) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port once the probe socket is closed.
    with pytest.raises(TransientFetchError):
        await fetch(client, f"http://127.0.0.1:{port}/a", max_bytes=MAX_BYTES, user_agent=UA)


async def test_fetch_article_parses_the_final_page(site: Site, client: httpx.AsyncClient) -> None:
    article, status = await fetch_article(
        client, site.url("/old-home"), max_bytes=MAX_BYTES, user_agent=UA
    )
    assert status == 200
    assert article.url == site.url("/article")
    # og:url is on another site than 127.0.0.1, so the fetched URL is the canonical one.
    assert article.canonical_url == site.url("/article")
    assert article.title == "Farmers block motorway in protest over diesel subsidy cut"
    assert article.text.count("\n\n") == 3


async def test_fetch_article_raises_parse_error_on_empty_pages(
    site: Site, client: httpx.AsyncClient
) -> None:
    with pytest.raises(ParseError):
        await fetch_article(client, site.url("/empty-page"), max_bytes=MAX_BYTES, user_agent=UA)


async def test_fetch_article_passes_fetch_errors_through(
    site: Site, client: httpx.AsyncClient
) -> None:
    with pytest.raises(FetchError):
        await fetch_article(client, site.url("/missing"), max_bytes=MAX_BYTES, user_agent=UA)
