"""Fetch failures: transient ones are retried later, permanent ones dead-lettered with a reason."""

from __future__ import annotations


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
    """The body (after decompression) is larger than the configured maximum."""


class UnsupportedContent(PermanentFetchError):
    """The response's media type is not one this kind of fetch accepts."""


class UnsupportedScheme(PermanentFetchError):
    """The URL (or a redirect) is not http or https."""


class BlockedAddress(PermanentFetchError):
    """The host resolves to a loopback, private, link-local, multicast or reserved address."""


class RobotsDisallowed(PermanentFetchError):
    """The site's robots.txt does not allow our user agent to fetch this URL."""


class StateUnavailable(Exception):
    """The fetcher's database (seen URLs, fingerprints) cannot be reached; worth retrying."""
