"""The country of the outlet that published an article, from its site name or web address.

A national outlet's unnamed state bodies ('the prime minister', 'MPs', 'the government') are
its own country's unless the story is clearly about another; the resolver uses this country
only when the text itself names no other country more often."""

from __future__ import annotations

from urllib.parse import urlsplit

# Web domains (the domain or a parent of the host) of national outlets.
_DOMAINS: dict[str, str] = {
    "bbc.co.uk": "GBR",
    "bbc.com": "GBR",
    "theguardian.com": "GBR",
    "guardian.co.uk": "GBR",
    "independent.co.uk": "GBR",
    "telegraph.co.uk": "GBR",
    "thetimes.co.uk": "GBR",
    "ft.com": "GBR",
    "news.sky.com": "GBR",
    "itv.com": "GBR",
    "nytimes.com": "USA",
    "washingtonpost.com": "USA",
    "npr.org": "USA",
    "abc.net.au": "AUS",
    "cbc.ca": "CAN",
    "rte.ie": "IRL",
    "irishtimes.com": "IRL",
    "lemonde.fr": "FRA",
    "spiegel.de": "DEU",
    "thehindu.com": "IND",
}
# Site names as pages declare them (og:site_name), compared in lower case.
_NAMES: dict[str, str] = {
    "bbc": "GBR",
    "bbc news": "GBR",
    "the guardian": "GBR",
    "guardian": "GBR",
    "the independent": "GBR",
    "the telegraph": "GBR",
    "the times": "GBR",
    "financial times": "GBR",
    "sky news": "GBR",
    "the new york times": "USA",
    "the washington post": "USA",
    "npr": "USA",
    "abc news (australia)": "AUS",
    "cbc": "CAN",
    "rté": "IRL",
    "the irish times": "IRL",
    "le monde": "FRA",
    "der spiegel": "DEU",
    "the hindu": "IND",
}


def publisher_country(site_name: str | None = None, url: str | None = None) -> str | None:
    """ISO 3166 alpha-3 code of a known national outlet, or None."""
    if site_name:
        code = _NAMES.get(site_name.strip().lower())
        if code is not None:
            return code
    if url:
        host = (urlsplit(url).hostname or "").lower()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            code = _DOMAINS.get(".".join(parts[i:]))
            if code is not None:
                return code
    return None
