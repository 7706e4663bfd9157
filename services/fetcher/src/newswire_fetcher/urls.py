"""URL canonicalization: one spelling per article so its id is stable across links and shares."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

import courlan

# Exact parameter names that only say where a click came from, never which page it is.
# Deliberately an allow-list of known trackers: generic names such as "id", "source" or "cid"
# often select the article itself, so stripping them would merge different articles.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "igsh",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_hsenc",
        "_hsmi",
        "hsctatracking",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "cmpid",
        "cmp",
        "ocid",
        "icid",
        "ito",
        "smid",
        "smtyp",
        "sh",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "sr_share",
        "share",
        "xtor",
        "at_medium",
        "at_campaign",
        "_ga",
        "_gl",
        "s_cid",
        "spm",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "amp",
        "outputtype",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "oly_", "vero_", "hsa_", "at_")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_MULTI_SLASH = re.compile(r"/{2,}")
_PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# RFC 3986 section 2.3: these never need escaping, so %41 and "A" are the same URL.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter only tracks the click (utm_*, fbclid, …)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize(url: str) -> str:
    """One stable spelling of an http(s) URL.

    Lowercases scheme and host, drops default ports, credentials and the fragment, removes
    tracking parameters and sorts the rest, collapses duplicate slashes and dot segments, and
    normalizes percent-escapes. Trailing slashes and index pages are kept: sites differ on
    whether ``/a`` and ``/a/`` are the same page, and a wrong merge loses an article.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError(f"URL has no host: {url!r}")
    return urlunsplit(
        (scheme, _netloc(scheme, host, parts.port), _path(parts.path), _query(parts.query), "")
    )


def _netloc(scheme: str, host: str, port: int | None) -> str:
    host = _ascii_host(host)
    if ":" in host:  # IPv6 literal: urlsplit removed the brackets
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return host
    return f"{host}:{port}"


def _ascii_host(host: str) -> str:
    # "bücher.example" and "xn--bcher-kva.example" are one host; keep the ASCII form.
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _path(path: str) -> str:
    path = _MULTI_SLASH.sub("/", path) or "/"
    normalized = posixpath.normpath(path)
    # normpath drops a meaningful trailing slash and keeps a leading "//"; restore/undo both.
    normalized = "/" + normalized.lstrip("/") if normalized != "." else "/"
    if path.endswith("/") and not normalized.endswith("/"):
        normalized += "/"
    return _normalize_escapes(quote(normalized, safe=_PATH_SAFE))


def _normalize_escapes(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group()[1:], 16))
        return char if char in _UNRESERVED else match.group().upper()

    return _PERCENT_ESCAPE.sub(fix, text)


def _query(query: str) -> str:
    pairs = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if key and not is_tracking_param(key)
    ]
    return urlencode(sorted(pairs), quote_via=quote, safe="-._~")


def resolve(base: str, ref: str) -> str:
    """``ref`` resolved against ``base`` (for canonical links, images and redirects)."""
    return urljoin(base, ref.strip())


def site_of(url: str) -> str:
    """The registrable domain of a URL (``news.example.co.uk`` → ``example.co.uk``).

    Uses the public-suffix list bundled with courlan's ``tld`` dependency; hosts it does not
    know (IP addresses, ``localhost``) are their own site.
    """
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    domain = courlan.extract_domain(url)
    return str(domain).lower() if domain else host.removeprefix("www.")


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to the same site (subdomains of one registrable domain)."""
    return site_of(a) == site_of(b)
