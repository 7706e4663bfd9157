"""Network guard: only public addresses are connected to, vetted after DNS on every connection.

The check lives in the connection layer (an httpcore network backend), not before the request:
the host is resolved once, every address is vetted, and the socket is opened to a vetted address
itself. A name that resolves to a public address for the check and to 127.0.0.1 for the connect
(DNS rebinding) therefore cannot slip through, and redirects are covered because every hop that
opens a connection goes through the same backend.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

import httpcore
import httpx

from newswire_fetcher.errors import BlockedAddress, TransientFetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


# IPv6 forms that carry an IPv4 address a packet may end up at: NAT64 (RFC 6052, the
# well-known and the local-use prefix) and the deprecated IPv4-compatible form (RFC 4291).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
# Site-local unicast (RFC 3879 deprecated it); Python's is_private does not cover it.
_SITE_LOCAL = ipaddress.IPv6Network("fec0::/10")


def refusal_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched from (loopback, private, …), or None if public.

    An IPv6 address that embeds an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo server and
    client, IPv4-compatible) is refused when the embedded address is: ``64:ff9b::7f00:1``
    reaches 127.0.0.1 through a NAT64 gateway.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            # A socket to ::ffff:a.b.c.d is an IPv4 socket to a.b.c.d: judge that alone.
            return refusal_reason(address.ipv4_mapped)
        embedded = embedded_ipv4(address)
        for inner in embedded:
            if (reason := refusal_reason(inner)) is not None:
                return reason
        if address in _NAT64 and embedded:
            # The well-known NAT64 prefix is how IPv6-only networks reach public IPv4 sites.
            return None
        if address in _NAT64_LOCAL:
            return "not globally routable"  # RFC 8215: local-use, whatever it embeds
        if address in _SITE_LOCAL:
            return "site-local"
    # Most specific first: Python counts link-local and reserved ranges as "private" too.
    for reason, flagged in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if flagged:
            return reason
    # Shared address space (100.64/10), benchmarking ranges and the like are not global either.
    return None if address.is_global else "not globally routable"


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64, compatible)."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)  # (server, client)
    # Under the local-use prefix the operator picks where the IPv4 bits sit; /96 is usual.
    nat64 = address in _NAT64 or address in _NAT64_LOCAL
    compatible = address in _IPV4_COMPATIBLE and int(address) > 1  # not :: or ::1
    if nat64 or compatible:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which hosts may be connected to: public addresses, plus an explicit allow-list.

    ``allow`` holds host names (``localhost``), IP literals (``127.0.0.1``) and networks
    (``10.0.0.0/8``); a listed name is allowed whatever it resolves to, a listed address or
    network allows exactly those addresses.
    """

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_allow_list(cls, allow: Iterable[str]) -> AddressPolicy:
        hosts: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in (item.strip().lower().strip("[]") for item in allow):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def check(self, host: str, address: IPAddress) -> str | None:
        """None when ``host`` may be reached at ``address``, else why not."""
        if host.lower().rstrip(".") in self.hosts:
            return None
        if any(address in network for network in self.networks):
            return None
        return refusal_reason(address)


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal resolves to itself), in DNS order."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise TransientFetchError(f"cannot resolve {host!r}: {error}", url=host) from error
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # Scoped IPv6 addresses come back as "fe80::1%eth0"; the scope is not part of the address.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


async def vetted_addresses(policy: AddressPolicy, host: str, port: int) -> list[IPAddress]:
    """The addresses of ``host`` that may be connected to; raises BlockedAddress if any is not.

    One refused address refuses the host: a name that mixes public and private answers is
    either misconfigured or an attack, and trying "the public one first" would still leave the
    private one reachable on a retry.
    """
    addresses = await resolve(host, port)
    for address in addresses:
        reason = policy.check(host, address)
        if reason is not None:
            raise BlockedAddress(
                f"refusing to connect to {host} ({address}): {reason} address", url=host
            )
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore backend that connects only to vetted addresses of the requested host."""

    def __init__(
        self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        self.policy = policy
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        async with asyncio.timeout(timeout):
            addresses = await vetted_addresses(self.policy, host, port)
        last_error: Exception | None = None
        for address in addresses:
            try:
                # TLS still verifies the certificate against `host`: httpcore passes the
                # origin's name as server_hostname, not the address we dialled.
                return await self.inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
        assert last_error is not None  # resolve() never returns an empty list
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are never fetched from", url=path)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport with its connection pool opened through a GuardedBackend.

    Environment proxies are ignored on purpose: through a proxy the proxy resolves the name,
    and the address check would only vet the proxy.
    """

    def __init__(self, policy: AddressPolicy, *, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        super().__init__(trust_env=False, limits=limits)
        # httpx has no public knob for the network backend, so the pool is rebuilt with one;
        # tests/component/fetcher/test_fetcher_safety.py fails if this stops taking effect.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy),
        )
