"""HTTP adapter: bounded, redirect-checked page downloads with transient/permanent failures."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from newswire_contracts import ArticleV1
from newswire_fetcher.encoding import charset_from_content_type, decode_html, sniff_encoding
from newswire_fetcher.parse import parse_html
from newswire_fetcher.urls import resolve

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
TRANSIENT_CODES = frozenset({408, 425, 429})
KEPT_HEADERS = (
    "content-type",
    "content-length",
    "content-language",
    "last-modified",
    "etag",
    "date",
    "cache-control",
)
# Whole-download ceiling: per-read timeouts alone let a server drip one byte a second forever.
DEFAULT_DEADLINE = 60.0


class FetchError(Exception):
    """A page could not be fetched."""

    def __init__(self, message: str, *, url: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status_code = status_code


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection failures, 408/425/429 and 5xx."""

    def __init__(
        self,
        message: str,
        *,
        url: str,
        status_code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, url=url, status_code=status_code)
        self.retry_after = retry_after


class PermanentFetchError(FetchError):
    """Retrying will not help: other 4xx, bad scheme, redirect loops, too large, not HTML."""


class BodyTooLarge(PermanentFetchError):
    """The body is larger than the configured maximum."""


class UnsupportedContent(PermanentFetchError):
    """The response is not an HTML page."""


class UnsupportedScheme(PermanentFetchError):
    """The URL (or a redirect) is not http or https."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A downloaded page: where it was asked for, where it ended, and its bytes."""

    url: str
    final_url: str
    status_code: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    charset: str | None = None
    encoding: str = "utf-8"

    def text(self) -> str:
        """The body decoded with the header charset, else <meta charset>, else UTF-8."""
        return decode_html(self.content, self.encoding)


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    user_agent: str,
    timeout: httpx.Timeout | None = None,  # noqa: ASYNC109 - httpx's per-phase timeouts
    max_redirects: int = 5,
    deadline: float | None = DEFAULT_DEADLINE,
) -> FetchResult:
    """Download an HTML page, following at most ``max_redirects`` http(s) redirects.

    Raises TransientFetchError or PermanentFetchError (BodyTooLarge, UnsupportedContent,
    UnsupportedScheme); never reads more than ``max_bytes`` of (decompressed) body.
    """
    try:
        async with asyncio.timeout(deadline):
            return await _follow(client, url, max_bytes, user_agent, timeout, max_redirects)
    except TimeoutError as error:
        raise TransientFetchError(f"fetch took longer than {deadline}s", url=url) from error


async def _follow(
    client: httpx.AsyncClient,
    url: str,
    max_bytes: int,
    user_agent: str,
    timeout: httpx.Timeout | None,  # noqa: ASYNC109 - httpx's per-phase timeouts
    max_redirects: int,
) -> FetchResult:
    current = url
    for _ in range(max_redirects + 1):
        request = _build_request(client, current, user_agent, timeout)
        try:
            response = await client.send(request, stream=True, follow_redirects=False)
        except httpx.HTTPError as error:
            raise _classify_transport(error, current) from error
        try:
            location = _redirect_target(response, current)
            if location is None:
                return await _read_page(response, url, current, max_bytes)
        finally:
            await response.aclose()
        current = location
    raise PermanentFetchError(f"more than {max_redirects} redirects", url=url)


def _build_request(
    client: httpx.AsyncClient, url: str, user_agent: str, timeout: httpx.Timeout | None
) -> httpx.Request:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        raise UnsupportedScheme(f"only http and https can be fetched, not {scheme!r}", url=url)
    try:
        return client.build_request(
            "GET",
            url,
            headers={"User-Agent": user_agent, "Accept": ACCEPT},
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
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
    return resolve(current, location)


async def _read_page(
    response: httpx.Response, url: str, final_url: str, max_bytes: int
) -> FetchResult:
    _check_status(response, final_url)
    content_type = response.headers.get("content-type")
    _check_content_type(content_type, final_url, response.status_code)
    content = await _read_limited(response, final_url, max_bytes)
    charset = charset_from_content_type(content_type)
    return FetchResult(
        url=url,
        final_url=final_url,
        status_code=response.status_code,
        content=content,
        headers={k: response.headers[k] for k in KEPT_HEADERS if k in response.headers},
        charset=charset,
        encoding=sniff_encoding(content, charset),
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


def _check_content_type(content_type: str | None, url: str, status: int) -> None:
    # No Content-Type at all: let the parser decide; it refuses what is not HTML.
    if content_type is None:
        return
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in HTML_TYPES:
        raise UnsupportedContent(f"not HTML: {media_type!r}", url=url, status_code=status)


async def _read_limited(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge(
            f"Content-Length {declared} exceeds {max_bytes} bytes",
            url=url,
            status_code=response.status_code,
        )
    body = bytearray()
    try:
        # aiter_bytes yields decompressed data, so a small gzip bomb is caught too.
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise BodyTooLarge(
                    f"body exceeds {max_bytes} bytes", url=url, status_code=response.status_code
                )
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
    )
    fetched_at = dt.datetime.now(dt.UTC)
    article = await asyncio.to_thread(_parse_result, result, fetched_at)
    return article, result.status_code


def _parse_result(result: FetchResult, fetched_at: dt.datetime) -> ArticleV1:
    # Relative links and the canonical fallback are resolved against where the page really is.
    return parse_html(result.text(), result.final_url, fetched_at=fetched_at)
