"""The sources file: RSS/Atom feeds, (news) sitemaps and single URLs, each with an interval.

TOML, because the standard library reads it and operators can comment it::

    [defaults]
    interval = "15m"          # 90s, 15m, 2h, 1d or plain seconds

    [[feeds]]
    url = "https://news.example/world/rss.xml"
    interval = "5m"

    [[sitemaps]]
    url = "https://news.example/sitemap-news.xml"   # a urlset or a sitemap index
    max_age = "2d"                                   # skip entries older than this

    [[urls]]
    url = "https://news.example/live/election"      # requested again every interval
    interval = "10m"
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from newswire_fetcher.urls import canonicalize

Kind = Literal["feed", "sitemap", "url"]
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_INTERVAL_S = 30.0


class SourcesError(ValueError):
    """The sources file cannot be read or has an invalid entry."""


def parse_duration(value: object) -> object:
    """Seconds from ``90``, ``"90s"``, ``"15m"``, ``"2h"`` or ``"1d"``; other values unchanged."""
    if isinstance(value, str) and (match := _DURATION.match(value)):
        return float(match.group(1)) * _UNIT_S[(match.group(2) or "s").lower()]
    return value


Seconds = Annotated[float, BeforeValidator(parse_duration)]


class Source(BaseModel):
    """One thing to poll."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Kind
    url: str
    name: str | None = Field(default=None, max_length=150)
    interval_s: Seconds = Field(alias="interval", ge=MIN_INTERVAL_S)
    max_age_s: Seconds | None = Field(default=None, alias="max_age", gt=0)
    max_urls: int = Field(default=1000, ge=1, le=50_000)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return canonicalize(value)

    @property
    def source_id(self) -> str:
        """Stable identity in the poll state: the name if given, else kind and URL."""
        return self.name or f"{self.kind}:{self.url}"[:200]

    @property
    def max_age(self) -> dt.timedelta | None:
        return None if self.max_age_s is None else dt.timedelta(seconds=self.max_age_s)


_SECTIONS: dict[str, Kind] = {"feeds": "feed", "sitemaps": "sitemap", "urls": "url"}


def load_sources(path: Path) -> list[Source]:
    """Every source in the TOML file at ``path``; raises SourcesError naming the bad entry."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SourcesError(f"{path}: {error}") from error
    return parse_sources(document, origin=str(path))


def parse_sources(document: dict[str, object], *, origin: str = "sources") -> list[Source]:
    """Sources from an already-parsed TOML document."""
    unknown = set(document) - {"defaults", *_SECTIONS}
    if unknown:
        raise SourcesError(f"{origin}: unknown section(s) {sorted(unknown)}")
    defaults = document.get("defaults", {})
    if not isinstance(defaults, dict):
        raise SourcesError(f"{origin}: [defaults] must be a table")
    defaults = {"interval": "15m", **defaults}
    found: list[Source] = []
    for section, kind in _SECTIONS.items():
        entries = document.get(section, [])
        if not isinstance(entries, list):
            raise SourcesError(f"{origin}: {section} must be an array of tables ([[{section}]])")
        for number, entry in enumerate(entries, 1):
            found.append(_source(entry, kind, defaults, f"{origin}: {section} #{number}"))
    _check_unique(found, origin)
    return found


def _source(entry: object, kind: Kind, defaults: dict[str, object], where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a table")
    try:
        return Source.model_validate({**defaults, **entry, "kind": kind})
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in error.errors()
        )
        raise SourcesError(f"{where}: {problems}") from error


def _check_unique(found: list[Source], origin: str) -> None:
    seen: set[str] = set()
    for source in found:
        if source.source_id in seen:
            raise SourcesError(f"{origin}: source {source.source_id!r} is listed twice")
        seen.add(source.source_id)
