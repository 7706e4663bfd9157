"""The console page and the API docs are served from packaged assets, with no outside URL.

The browser tests (tests/browser) check that they render; these check what the server sends.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from newswire_store import EventStore, migrate
from newswire_store.api import ApiSettings, create_api
from newswire_store.api.console import STATIC

TOKEN = "s3cr3t-t0ken-for-tests"
VENDOR = STATIC / "vendor"


class _Links(HTMLParser):
    """Every src/href in a page, and the URLs of its import map."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in {"src", "href"} and v]
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.urls += re.findall(r"""["'](\.?/?static/[^"']+|https?://[^"']+)["']""", data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.urls


@pytest.fixture
async def client(store_url: str) -> AsyncIterator[httpx.AsyncClient]:
    await migrate(store_url)
    async with EventStore.from_url(store_url) as store:
        app = create_api(ApiSettings(token=TOKEN), store=store)  # type: ignore[arg-type]
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as c:
            yield c


@pytest.mark.parametrize("page", ["/", "/docs", "/redoc"])
async def test_pages_load_only_local_assets_and_need_no_token(
    client: httpx.AsyncClient, page: str
) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    urls = [u for u in links(response.text) if not u.startswith("#")]
    assert urls, "the page references no assets"
    outside = [u for u in urls if re.match(r"^(https?:)?//", u)]
    assert outside == [], f"{page} loads assets from elsewhere"
    for url in urls:
        absolute = url if url.startswith("/") else "/" + url.removeprefix("./")
        if absolute in {"/docs", "/redoc"}:
            continue
        asset = await client.get(absolute)
        assert asset.status_code == 200, url


async def test_the_console_data_still_needs_the_token(client: httpx.AsyncClient) -> None:
    assert (await client.get("/stats/timeline")).status_code == 401
    assert (await client.get("/stats/places")).status_code == 401
    with_token = await client.get("/stats/places", headers={"Authorization": f"Bearer {TOKEN}"})
    assert with_token.status_code == 200


async def test_pages_are_not_api_operations(client: httpx.AsyncClient) -> None:
    paths = set((await client.get("/openapi.json")).json()["paths"])
    assert not paths & {"/", "/docs", "/redoc", "/docs/oauth2-redirect"}
    assert {"/stats/timeline", "/stats/places"} <= paths


def test_vendored_assets_match_their_pinned_checksums() -> None:
    sums = (VENDOR / "SHA256SUMS").read_text().splitlines()
    listed = {}
    for line in sums:
        digest, name = line.split(maxsplit=1)
        listed[name.removeprefix("./")] = digest
    on_disk = {
        str(p.relative_to(VENDOR))
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name not in {"SHA256SUMS", "NOTICE.md"}
    }
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_every_vendored_file_has_its_version_and_licence_noted() -> None:
    notice = (VENDOR / "NOTICE.md").read_text()
    for path in VENDOR.iterdir():
        if path.is_file() and path.name not in {"SHA256SUMS", "NOTICE.md"}:
            assert f"`{path.name}`" in notice, path.name
    for licence in (VENDOR / "licenses").iterdir():
        assert licence.stem in notice, licence.name


def test_the_console_modules_are_all_served_from_the_package() -> None:
    console = Path(STATIC, "console")
    imported = set()
    for module in console.glob("*.js"):
        imported |= set(re.findall(r'from "\./([\w-]+\.js)"', module.read_text()))
    assert imported <= {p.name for p in console.glob("*.js")}
