"""A loopback HTTP server for the bundled sample news site (demo and tests)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newswire import demo_site


class _Handler(BaseHTTPRequestHandler):
    server_version = "NewswireDemoSite/1.0"
    base = ""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        body = demo_site.read_page(path, self.base)
        if body is None:
            self.send_error(404, "no such page")
            return
        self.send_response(200)
        self.send_header("Content-Type", demo_site.content_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet: the demo shows progress
        return


@contextmanager
def serve_site(host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve the sample site; yields its base URL (``http://127.0.0.1:PORT``)."""
    server = ThreadingHTTPServer((host, port), _Handler)
    base = f"http://{host}:{server.server_address[1]}"
    handler = type("Handler", (_Handler,), {"base": base})
    server.RequestHandlerClass = handler
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
