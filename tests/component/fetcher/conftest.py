"""A programmable web site on 127.0.0.1 for the fetcher's component tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

HTML = {"Content-Type": "text/html; charset=utf-8"}


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: dict(HTML))
    body: bytes = b""
    chunks: int = 0  # stream the body this many times, without Content-Length


@dataclass
class Seen:
    """One request the site received."""

    path: str
    headers: dict[str, str]


Route = Reply | Callable[[Seen], Reply]


class LoopbackSite:
    """Serves ``routes`` (path → Reply, or a function of the request); records every request."""

    reply = Reply  # so tests can build replies without importing this conftest

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.bytes_sent: dict[str, int] = {}
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                with site._lock:
                    site.requests.append(seen)
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    route = site.routes.get(self.path.split("?", 1)[0], Reply(status=404))
                    reply = route(seen) if callable(route) else route
                    self._send(reply)
                finally:
                    with site._lock:
                        site.in_flight -= 1

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunks:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    sent = 0
                    try:
                        for _ in range(reply.chunks):
                            self.wfile.write(reply.body)
                            sent += len(reply.body)
                    except OSError:
                        pass  # the client hung up: what a size cap should do
                    site.bytes_sent[self.path] = sent
                    return
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                except OSError:
                    return  # the client hung up early (a declared size over the cap)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler


@pytest.fixture
def loopback() -> Iterator[LoopbackSite]:
    site = LoopbackSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()
