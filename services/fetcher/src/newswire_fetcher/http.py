"""HTTP adapter: bounded, redirect-checked downloads with transient/permanent failures."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import re
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from newswire_contracts import ArticleV1
from newswire_fetcher.body import (
    ACCEPT_ENCODING,
    BodyLimitExceeded,
    BoundedDecoder,
    CorruptBody,
    UnknownEncoding,
)
from newswire_fetcher.encoding import charset_from_content_type, decode_html, sniff_encoding
from newswire_fetcher.errors import (
    BlockedAddress,
    BodyTooLarge,
    FetchError,
    PermanentFetchError,
    RobotsDisallowed,
    TransientFetchError,
    UnsupportedContent,
    UnsupportedScheme,
)
from newswire_fetcher.parse import parse_html
from newswire_fetcher.urls import resolve

__all__ = [
    "BlockedAddress",
    "BodyTooLarge",
    "FetchError",
    "FetchResult",
    "PermanentFetchError",
    "RobotsDisallowed",
    "TransientFetchError",
    "UnsupportedContent",
    "UnsupportedScheme",
    "Validators",
    "fetch",
    "fetch_article",
    "parse_retry_after",
]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
FEED_TYPES = XML_TYPES | {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
# Gzipped sitemaps (sitemap.xml.gz) are usually served as a file download, not as XML.
SITEMAP_TYPES = XML_TYPES | {
    "text/plain",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
}
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
TRANSIENT_CODES = frozenset({408, 425, 429})
KEPT_HEADERS = (
    "content-type",
    "content-length",
    "content-language",
    "content-encoding",
    "last-modified",
    "etag",
    "date",
    "cache-control",
)
_LOCATION_ERROR = "Invalid URL in location header"
_MALFORMED_LOCATION = re.compile(r"[\\\x00-\x1f\x7f]")
# Whole-download ceiling: per-read timeouts alone let a server drip one byte a second forever.
DEFAULT_DEADLINE = 60.0

HopGuard = Callable[[str], AbstractAsyncContextManager[None]]


@dataclass(frozen=True, slots=True)
class Validators:
    """What a previous response said about its version, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A downloaded page: where it was asked for, where it ended, and its bytes."""

    url: str
    final_url: str
    status_code: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    charset: str | None = None

    @property
    def not_modified(self) -> bool:
        """The server answered a conditional GET with 304: nothing new."""
        return self.status_code == 304

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))

    @property
    def encoding(self) -> str:
        """The codec of the body: BOM, header charset, <meta charset>, UTF-8, else detected.

        Computed on demand, not when the download ends: detection reads the whole body, which
        belongs in the parse's worker thread rather than on the event loop.
        """
        return sniff_encoding(self.content, self.charset)

    def text(self) -> str:
        """The body decoded with :attr:`encoding`."""
        return decode_html(self.content, self.charset)


@contextlib.asynccontextmanager
async def _no_guard(url: str) -> AsyncIterator[None]:
    yield


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    user_agent: str,
    timeout: httpx.Timeout | None = None,  # noqa: ASYNC109 - httpx's per-phase timeouts
    max_redirects: int = 5,
    deadline: float | None = DEFAULT_DEADLINE,
    accept_types: frozenset[str] | None = HTML_TYPES,
    accept: str = ACCEPT,
    validators: Validators | None = None,
    hop_guard: HopGuard = _no_guard,
) -> FetchResult:
    """Download ``url``, following at most ``max_redirects`` http(s) redirects.

    ``accept_types`` lists the media types taken (None: any); ``validators`` make the request
    conditional, and a 304 comes back as a result whose ``not_modified`` is true. Each hop runs
    inside ``hop_guard(hop_url)`` (robots.txt and per-host politeness) and must finish within
    ``deadline`` seconds once its request is sent. Raises
    TransientFetchError or PermanentFetchError; never holds more than ``max_bytes`` of
    decompressed body.
    """
    options = _Options(max_bytes, user_agent, timeout, accept_types, accept, validators, deadline)
    return await _follow(client, url, options, max_redirects, hop_guard)


@dataclass(frozen=True, slots=True)
class _Options:
    max_bytes: int
    user_agent: str
    timeout: httpx.Timeout | None
    accept_types: frozenset[str] | None
    accept: str
    validators: Validators | None
    deadline: float | None


async def _follow(
    client: httpx.AsyncClient, url: str, options: _Options, max_redirects: int, guard: HopGuard
) -> FetchResult:
    current = url
    for _ in range(max_redirects + 1):
        request = _build_request(client, current, options)
        # The deadline covers the exchange, not the politeness wait in front of it.
        async with guard(current), _deadline(options.deadline, current):
            response = await _send(client, request, current)
            try:
                location = _redirect_target(response, current)
                if location is None:
                    return await _read_page(response, url, current, options)
            finally:
                await response.aclose()
        current = location
    raise PermanentFetchError(f"more than {max_redirects} redirects", url=url)


@contextlib.asynccontextmanager
async def _deadline(seconds: float | None, url: str) -> AsyncIterator[None]:
    try:
        async with asyncio.timeout(seconds):
            yield
    except TimeoutError as error:
        raise TransientFetchError(f"fetch took longer than {seconds}s", url=url) from error


async def _send(client: httpx.AsyncClient, request: httpx.Request, url: str) -> httpx.Response:
    try:
        return await client.send(request, stream=True, follow_redirects=False)
    except BlockedAddress as error:
        # The network guard knows the host only; say which URL (which redirect hop) it was.
        raise BlockedAddress(str(error), url=url) from error
    except httpx.RemoteProtocolError as error:
        if _LOCATION_ERROR in str(error):
            raise _bad_location(str(error), url) from error
        raise _classify_transport(error, url) from error
    except httpx.HTTPError as error:
        raise _classify_transport(error, url) from error
    except (httpx.InvalidURL, ValueError) as error:
        # httpx builds the request a redirect points to even when it does not follow it; a
        # Location it cannot make a URL of (``data:…``, ``http:\\host``, a bad port or host)
        # fails there as InvalidURL, ValueError or UnicodeError instead of an HTTPError.
        raise PermanentFetchError(
            f"invalid URL or redirect Location ({type(error).__name__}: {error})", url=url
        ) from error


def _bad_location(detail: str, url: str) -> PermanentFetchError:
    return PermanentFetchError(f"malformed redirect Location ({detail})", url=url)


def _build_request(client: httpx.AsyncClient, url: str, options: _Options) -> httpx.Request:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        raise UnsupportedScheme(f"only http and https can be fetched, not {scheme!r}", url=url)
    headers = {
        "User-Agent": options.user_agent,
        "Accept": options.accept,
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    if options.validators is not None:
        headers.update(options.validators.headers())
    try:
        return client.build_request(
            "GET",
            url,
            headers=headers,
            timeout=options.timeout if options.timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )
    except httpx.InvalidURL as error:
        raise PermanentFetchError(f"invalid URL: {error}", url=url) from error


def _redirect_target(response: httpx.Response, current: str) -> str | None:
    if response.status_code not in REDIRECT_CODES:
        return None
    location = response.headers.get("location")
    if not location:
        raise PermanentFetchError(
            "redirect without a Location header", url=current, status_code=response.status_code
        )
    # Browsers read "\\" as "/" and drop tabs and newlines; urljoin does neither, so the hop we
    # would take is not the one the site meant. Such a Location is refused, not guessed at.
    if _MALFORMED_LOCATION.search(location.strip()):
        raise _bad_location(f"{location[:200]!r}", current)
    try:
        target = resolve(current, location)
        parts = urlsplit(target)
        host, _port = parts.hostname, parts.port
    except ValueError as error:  # an unterminated IPv6 literal, a port out of range
        raise _bad_location(str(error), current) from error
    if parts.scheme.lower() in ("http", "https") and not host:
        raise _bad_location(f"no host in {location[:200]!r}", current)
    return target  # another scheme is refused as UnsupportedScheme by the next hop


async def _read_page(
    response: httpx.Response, url: str, final_url: str, options: _Options
) -> FetchResult:
    kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
    if response.status_code == 304 and options.validators is not None:
        return FetchResult(url=url, final_url=final_url, status_code=304, content=b"", headers=kept)
    _check_status(response, final_url)
    content_type = response.headers.get("content-type")
    _check_content_type(content_type, final_url, response.status_code, options.accept_types)
    content = await _read_limited(response, final_url, options.max_bytes)
    charset = charset_from_content_type(content_type)
    return FetchResult(
        url=url,
        final_url=final_url,
        status_code=response.status_code,
        content=content,
        headers=kept,
        charset=charset,
    )


def _check_status(response: httpx.Response, url: str) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    if status in TRANSIENT_CODES or status >= 500:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise TransientFetchError(
            f"HTTP {status}", url=url, status_code=status, retry_after=retry_after
        )
    raise PermanentFetchError(f"HTTP {status}", url=url, status_code=status)


def _check_content_type(
    content_type: str | None, url: str, status: int, allowed: frozenset[str] | None
) -> None:
    # No Content-Type at all: let the parser decide; it refuses what it cannot read.
    if content_type is None or allowed is None:
        return
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in allowed:
        raise UnsupportedContent(
            f"refused content type {media_type!r}", url=url, status_code=status
        )


async def _read_limited(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    status = response.status_code
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge(
            f"Content-Length {declared} exceeds {max_bytes} bytes", url=url, status_code=status
        )
    try:
        decoder = BoundedDecoder(response.headers.get("content-encoding"), max_bytes)
        body = bytearray()
        async for chunk in response.aiter_raw():
            body += decoder.feed(chunk)
        body += decoder.finish()
    except BodyLimitExceeded as error:
        # Counted after decompression, so a small gzip bomb is stopped at the same cap.
        raise BodyTooLarge(f"{error} (decompressed)", url=url, status_code=status) from error
    except UnknownEncoding as error:
        raise UnsupportedContent(str(error), url=url, status_code=status) from error
    except CorruptBody as error:
        raise PermanentFetchError(str(error), url=url, status_code=status) from error
    except httpx.HTTPError as error:
        raise _classify_transport(error, url) from error
    return bytes(body)


def _classify_transport(error: httpx.HTTPError, url: str) -> FetchError:
    if isinstance(error, httpx.UnsupportedProtocol):
        return UnsupportedScheme(str(error) or "unsupported protocol", url=url)
    if isinstance(error, httpx.DecodingError | httpx.LocalProtocolError):
        return PermanentFetchError(f"{type(error).__name__}: {error}", url=url)
    if isinstance(error, httpx.TimeoutException | httpx.TransportError):
        return TransientFetchError(f"{type(error).__name__}: {error}", url=url)
    return PermanentFetchError(f"{type(error).__name__}: {error}", url=url)


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


async def fetch_article(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    user_agent: str,
    timeout: httpx.Timeout | None = None,  # noqa: ASYNC109 - httpx's per-phase timeouts
    max_redirects: int = 5,
    deadline: float | None = DEFAULT_DEADLINE,
    hop_guard: HopGuard = _no_guard,
) -> tuple[ArticleV1, int]:
    """Fetch and parse one article; returns it with the HTTP status code.

    Raises FetchError subclasses for download problems and ParseError when the page has no
    article text. Parsing runs in a worker thread: trafilatura is CPU-bound.
    """
    result = await fetch(
        client,
        url,
        max_bytes=max_bytes,
        user_agent=user_agent,
        timeout=timeout,
        max_redirects=max_redirects,
        deadline=deadline,
        hop_guard=hop_guard,
    )
    return await parse_result(result), result.status_code


async def parse_result(result: FetchResult) -> ArticleV1:
    """The article in a downloaded page, parsed in a worker thread (trafilatura is CPU-bound)."""
    fetched_at = dt.datetime.now(dt.UTC)
    return await asyncio.to_thread(_parse_result, result, fetched_at)


def _parse_result(result: FetchResult, fetched_at: dt.datetime) -> ArticleV1:
    # Relative links and the canonical fallback are resolved against where the page really is.
    return parse_html(result.text(), result.final_url, fetched_at=fetched_at)
