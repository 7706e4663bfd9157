"""Which addresses the fetcher refuses, and how the allow-list lets the demo use loopback."""

from __future__ import annotations

import ipaddress
import zlib

import pytest

from newswire_fetcher.body import BodyLimitExceeded, BoundedDecoder, CorruptBody, UnknownEncoding
from newswire_fetcher.errors import BlockedAddress
from newswire_fetcher.netguard import AddressPolicy, refusal_reason, resolve, vetted_addresses


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata service
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "not globally routable"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::1", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("2002:a00:1::1", "private"),  # 6to4 wrapping 10.0.0.1
        ("fec0::1", "site-local"),
        ("feff:ffff::1", "site-local"),
        ("64:ff9b::7f00:1", "loopback"),  # NAT64 well-known prefix, 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 to the metadata service
        ("64:ff9b::a00:1", "private"),
        ("64:ff9b:1::7f00:1", "loopback"),  # NAT64 local-use prefix
        ("64:ff9b:1::808:808", "not globally routable"),  # local-use, whatever it embeds
        # Teredo: server 65.54.227.120, client 127.0.0.1 (stored XOR 0xffffffff).
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"),
        ("2001:0:a00:1:8000:63bf:f7f7:f7f7", "private"),  # server 10.0.0.1, client 8.8.8.8
        ("::7f00:1", "loopback"),  # IPv4-compatible
        ("::a00:1", "private"),
        ("::808:808", "reserved"),  # deprecated form, refused even when it embeds a public IPv4
    ],
)
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "1.1.1.1",
        "2606:4700:4700::1111",
        "::ffff:8.8.8.8",  # IPv4-mapped: an IPv4 socket to 8.8.8.8
        "64:ff9b::808:808",  # NAT64 to 8.8.8.8: how IPv6-only networks reach IPv4 sites
        "2002:808:808::1",  # 6to4 of 8.8.8.8
    ],
)
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is None


def test_allow_list_takes_names_addresses_and_networks() -> None:
    policy = AddressPolicy.from_allow_list(["localhost", "127.0.0.1", "10.0.0.0/8", " [::1] ", ""])
    assert policy.check("LOCALHOST.", ipaddress.ip_address("127.0.0.5")) is None
    assert policy.check("anything", ipaddress.ip_address("127.0.0.1")) is None
    assert policy.check("intranet", ipaddress.ip_address("10.9.8.7")) is None
    assert policy.check("v6", ipaddress.ip_address("::1")) is None
    assert policy.check("other", ipaddress.ip_address("127.0.0.2")) == "loopback"
    assert policy.check("other", ipaddress.ip_address("192.168.0.1")) == "private"


async def test_names_are_vetted_after_resolution() -> None:
    # "localhost" is a name, not an address: it is refused for what it resolves to.
    with pytest.raises(BlockedAddress, match="loopback"):
        await vetted_addresses(AddressPolicy(), "localhost", 80)
    allowed = AddressPolicy.from_allow_list(["localhost"])
    assert all(a.is_loopback for a in await vetted_addresses(allowed, "localhost", 80))


async def test_ip_literals_resolve_to_themselves() -> None:
    assert await resolve("[::1]", 80) == [ipaddress.ip_address("::1")]
    assert await resolve("10.0.0.1", 80) == [ipaddress.ip_address("10.0.0.1")]


def test_gzip_bomb_is_stopped_at_the_budget() -> None:
    bomb = zlib.compress(b"\0" * (64 * 1024 * 1024), 9, wbits=31)  # 64 MiB in ~64 KiB
    assert len(bomb) < 100 * 1024
    decoder = BoundedDecoder("gzip", 1024 * 1024)
    with pytest.raises(BodyLimitExceeded):
        decoder.feed(bomb)
    # Never more than the budget (plus the one byte that proves it is exceeded) was produced.
    assert decoder.produced <= 1024 * 1024 + 1


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS])
def test_deflate_with_and_without_zlib_header(wbits: int) -> None:
    compressor = zlib.compressobj(wbits=wbits)
    data = compressor.compress(b"<p>hello</p>" * 100) + compressor.flush()
    decoder = BoundedDecoder("deflate", 10_000)
    assert decoder.feed(data[:10]) + decoder.feed(data[10:]) + decoder.finish() == (
        b"<p>hello</p>" * 100
    )


def test_concatenated_gzip_members_are_all_read() -> None:
    data = zlib.compress(b"one ", wbits=31) + zlib.compress(b"two", wbits=31)
    decoder = BoundedDecoder("gzip", 100)
    assert decoder.feed(data) + decoder.finish() == b"one two"


def test_unknown_and_corrupt_encodings_are_refused() -> None:
    with pytest.raises(UnknownEncoding):
        BoundedDecoder("br", 100)
    with pytest.raises(UnknownEncoding):
        BoundedDecoder("gzip, gzip", 100)
    assert BoundedDecoder("identity", 5).feed(b"12345") == b"12345"
    with pytest.raises(CorruptBody):
        BoundedDecoder("gzip", 100).feed(b"not gzip at all")
