"""Prometheus metrics of the read API: requests and their duration per route, at /metrics."""

from __future__ import annotations

import time
from typing import Any

from fastapi import FastAPI, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestMetrics:
    """ASGI middleware counting requests by method, route template and status, with durations.

    Routes are labelled by their template (``/events/{event_id}``), never the raw path, so the
    number of series stays bounded whatever clients ask for.
    """

    def __init__(self, app: ASGIApp, registry: CollectorRegistry) -> None:
        self.app = app
        self.requests = Counter(
            "newswire_api_requests",
            "HTTP requests answered by the read API.",
            ("method", "route", "status"),
            registry=registry,
        )
        self.duration = Histogram(
            "newswire_api_request_duration_seconds",
            "Time to answer a read API request (streamed exports: until the last byte).",
            ("method", "route"),
            registry=registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def send_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = _route_of(scope)
            self.requests.labels(scope["method"], route, str(status[0])).inc()
            self.duration.labels(scope["method"], route).observe(time.perf_counter() - started)


def _route_of(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


def add_metrics(app: FastAPI, dependencies: list[Any]) -> CollectorRegistry:
    """Count ``app``'s requests and serve them at /metrics (behind the API's auth, if any)."""
    registry = CollectorRegistry()
    app.add_middleware(RequestMetrics, registry=registry)

    @app.get("/metrics", include_in_schema=False, dependencies=dependencies)
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return registry
