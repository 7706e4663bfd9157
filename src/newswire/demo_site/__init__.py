"""The bundled sample news site (The Meridian Post): its files, served by URL path.

The pages, an index, an RSS 2.0 feed and robots.txt live under ``site/`` exactly as they are
served. Absolute links in them are written as ``{base}`` and filled in by :func:`read_page`, so the
same files work behind any loopback port. The pages' gold (title, publication time, text as the
fetcher parses it, events and quotes) is in the team gold, ``bench/extractor/gold/team.jsonl``
(records with source ``demo/<URL path>``), which ``newswire eval extract`` scores.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE_DIR: Path = Path(__file__).resolve().parent / "site"
BASE_PLACEHOLDER = "{base}"

# Article URLs look like /world/2025/06/03/istanbul-talks-children.html; the index and any
# section pages do not, so they are served but not listed.
_ARTICLE_PATH = re.compile(r"^/[a-z-]+/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html$")
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
_FALLBACK_TYPE = "application/octet-stream"


def list_pages() -> list[str]:
    """URL paths of the article pages, sorted (oldest first, by their dated paths)."""
    paths = ("/" + file.relative_to(SITE_DIR).as_posix() for file in SITE_DIR.rglob("*.html"))
    return sorted(path for path in paths if _ARTICLE_PATH.match(path))


def read_page(path: str, base: str) -> bytes | None:
    """The bytes served at a URL path, with ``{base}`` replaced by ``base``; None if absent.

    ``base`` is the site's origin, e.g. ``http://127.0.0.1:8123`` (a trailing slash is ignored).
    A query string or fragment is ignored, ``/`` means ``/index.html``, and nothing outside the
    site directory is ever served.
    """
    file = _resolve(path)
    if file is None:
        return None
    data = file.read_bytes()
    if file.suffix in _CONTENT_TYPES:
        data = data.replace(BASE_PLACEHOLDER.encode(), base.rstrip("/").encode())
    return data


def content_type(path: str) -> str:
    """The Content-Type header for a URL path, by its file extension."""
    name = _url_path(path)
    if name.endswith("/"):
        name += "index.html"
    return _CONTENT_TYPES.get(Path(name).suffix, _FALLBACK_TYPE)


def _url_path(path: str) -> str:
    return unquote(urlsplit(path).path) or "/"


def _resolve(path: str) -> Path | None:
    name = _url_path(path)
    if "\x00" in name:
        return None
    if name.endswith("/"):
        name += "index.html"
    # Resolving and re-checking containment refuses "/../__init__.py" and symlinks out.
    file = (SITE_DIR / name.lstrip("/")).resolve()
    if not file.is_relative_to(SITE_DIR) or not file.is_file():
        return None
    return file
