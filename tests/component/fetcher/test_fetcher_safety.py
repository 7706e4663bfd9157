"""Safety of real downloads from 127.0.0.1: address guard on every hop, size and gzip caps."""

from __future__ import annotations

import gzip
from typing import Any

import pytest

from newswire_fetcher.errors import BlockedAddress, BodyTooLarge, UnsupportedContent
from newswire_fetcher.http import FEED_TYPES
from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.settings import FetcherSettings

PAGE = (
    b"<html><head><title>Budget vote delayed</title></head><body><article>"
    b"<p>The parliament postponed its budget vote on Tuesday after talks between the coalition "
    b"partners broke down late on Monday night, officials said.</p></article></body></html>"
)


def settings(**overrides: Any) -> FetcherSettings:
    base: dict[str, Any] = {"allow_hosts": ["127.0.0.1"], "min_host_delay_s": 0.0}
    return FetcherSettings(**{**base, **overrides})


async def get(conf: FetcherSettings, url: str, **kwargs: Any) -> Any:
    async with create_client(conf) as client:
        return await PoliteClient(client, conf).get(url, **kwargs)


async def test_loopback_is_refused_without_the_allow_list(loopback: Any) -> None:
    loopback.routes["/story"] = loopback.reply(body=PAGE)
    with pytest.raises(BlockedAddress, match="loopback"):
        await get(settings(allow_hosts=[]), loopback.url("/story"))
    assert loopback.requests == []  # not even robots.txt was asked for


async def test_allow_listed_loopback_is_fetched(loopback: Any) -> None:
    loopback.routes["/story"] = loopback.reply(body=PAGE)
    result = await get(settings(), loopback.url("/story"))
    assert result.content == PAGE


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.7/internal",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/admin",
        "http://[::ffff:172.16.0.1]/",
        "http://0.0.0.0:{port}/story",
        "http://localhost:{port}/story",  # a name is vetted for what it resolves to
    ],
)
async def test_redirect_to_a_private_address_is_refused(loopback: Any, target: str) -> None:
    loopback.routes["/story"] = loopback.reply(body=PAGE)
    loopback.routes["/go"] = loopback.reply(
        status=302, headers={"Location": target.format(port=loopback.port)}
    )
    # Only the IP literal is allowed, and only for exactly that address.
    conf = settings(allow_hosts=["127.0.0.1/32"])
    if "localhost" in target:
        conf = settings(allow_hosts=["127.0.0.2"])
        with pytest.raises(BlockedAddress):
            await get(conf, target.format(port=loopback.port))
        return
    with pytest.raises(BlockedAddress) as caught:
        await get(conf, loopback.url("/go"))
    assert caught.value.url == target.format(port=loopback.port)
    assert loopback.hits("/go") == 1
    assert loopback.hits("/story") == 0


async def test_a_50_mb_body_is_cut_off(loopback: Any) -> None:
    # 50 MB streamed without Content-Length: only the running count can stop it.
    loopback.routes["/huge"] = loopback.reply(
        body=b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>", chunks=50
    )
    with pytest.raises(BodyTooLarge):
        await get(settings(max_bytes=5 * 1024 * 1024), loopback.url("/huge"))
    assert loopback.hits("/huge") == 1


async def test_a_declared_oversize_body_is_refused_before_reading(loopback: Any) -> None:
    loopback.routes["/declared"] = loopback.reply(body=b"<p>" + b"x" * 300_000 + b"</p>")
    with pytest.raises(BodyTooLarge, match="Content-Length"):
        await get(settings(max_bytes=100_000), loopback.url("/declared"))


async def test_a_gzip_bomb_is_refused(loopback: Any) -> None:
    bomb = gzip.compress(b"<html><body><p>" + b" " * (60 * 1024 * 1024) + b"</p></body></html>")
    assert len(bomb) < 1024 * 1024  # small on the wire
    loopback.routes["/bomb"] = loopback.reply(
        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=bomb
    )
    with pytest.raises(BodyTooLarge, match="decompressed"):
        await get(settings(max_bytes=5 * 1024 * 1024), loopback.url("/bomb"))


async def test_gzip_within_the_limit_is_decoded(loopback: Any) -> None:
    loopback.routes["/gz"] = loopback.reply(
        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=gzip.compress(PAGE)
    )
    result = await get(settings(), loopback.url("/gz"))
    assert result.content == PAGE
    assert loopback.requests[-1].headers["accept-encoding"] == "gzip, deflate"


async def test_an_encoding_we_did_not_ask_for_is_refused(loopback: Any) -> None:
    loopback.routes["/br"] = loopback.reply(
        headers={"Content-Type": "text/html", "Content-Encoding": "br"}, body=b"\x8b\x02\x80"
    )
    with pytest.raises(UnsupportedContent, match="Content-Encoding"):
        await get(settings(), loopback.url("/br"))


async def test_content_types_are_allow_listed_per_kind(loopback: Any) -> None:
    loopback.routes["/feed"] = loopback.reply(
        headers={"Content-Type": "application/rss+xml"}, body=b"<rss/>"
    )
    with pytest.raises(UnsupportedContent):
        await get(settings(), loopback.url("/feed"))  # an article fetch wants HTML
    result = await get(settings(), loopback.url("/feed"), accept_types=FEED_TYPES)
    assert result.content == b"<rss/>"
