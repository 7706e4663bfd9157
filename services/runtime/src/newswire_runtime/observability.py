"""Seeing a running service: logging set-up, Prometheus metrics, consumer lag, health endpoints.

Every service process gets the same three things from :func:`serve`:
- logs at ``LOG_LEVEL``, as text or one JSON object per line (``LOG_FORMAT=json``), carrying the
  correlation id of the message being handled, and tracebacks for unexpected errors;
- a small HTTP server (``HTTP_HOST``:``HTTP_PORT``) with ``/metrics`` (Prometheus text format:
  FastStream's consume/publish metrics, the runtime's delivery counters, consumer lag),
  ``/healthz`` (the process and its event loop answer) and ``/readyz`` (the broker answers a ping
  and every extra readiness check passes);
- optional OpenTelemetry tracing through FastStream's Kafka middleware (``TRACING=true``),
  exported by OTLP as the standard ``OTEL_*`` variables say.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Gauge, generate_latest
from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from newswire_runtime import metrics
from newswire_runtime.logcontext import CORRELATION_ID, correlation

if TYPE_CHECKING:
    from faststream.kafka import KafkaBroker

log = logging.getLogger("newswire.observability")

ReadyCheck = Callable[[], Awaitable[None]]  # raises (with a reason) when not ready


# ---------------------------------------------------------------------------------------- logging
class CorrelationFilter(logging.Filter):
    """Puts the correlation id of the message being handled on every record ('-' outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.correlation_id = CORRELATION_ID.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, correlation id, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "correlation_id": getattr(record, "correlation_id", None),
        }
        if record.exc_info:
            entry["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(correlation_id)s] %(message)s"


def configure_logging(level: str = "INFO", fmt: str = "text", *, stream: Any = None) -> None:
    """Root logging for a service process: ``level`` honoured, text or JSON lines on stderr."""
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        raise ValueError(f"unknown log level {level!r} (use DEBUG, INFO, WARNING, ERROR)")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(CorrelationFilter())
    formatter = JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT)
    formatter.converter = time.gmtime  # UTC everywhere, as the messages' stamps
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(numeric)


# ---------------------------------------------------------------------------------------- metrics
class DeliveryCounters(Collector):
    """Exposes the runtime's in-process delivery counters (newswire_runtime.metrics)."""

    def __init__(self, counters: Sequence[metrics.Counter] = metrics.ALL) -> None:
        self.counters = counters

    def collect(self) -> Iterator[Metric]:
        for counter in self.counters:
            name = counter.name.removesuffix("_total")
            family = CounterMetricFamily(name, counter.documentation, labels=counter.labelnames)
            for labels, value in counter.samples():
                family.add_metric([labels[n] for n in counter.labelnames], value)
            yield family


def new_registry() -> CollectorRegistry:
    """A registry holding the runtime's delivery counters; FastStream's middleware adds its own."""
    registry = CollectorRegistry()
    registry.register(DeliveryCounters())
    return registry


def broker_middlewares(
    service: str,
    registry: CollectorRegistry,
    *,
    tracing: bool = False,
    tracer_provider: Any = None,
) -> list[Any]:
    """FastStream middlewares: Prometheus metrics always, OpenTelemetry spans when asked.

    ``tracer_provider`` (tests, embedding applications) replaces the OTLP-exporting provider
    this function would otherwise install process-wide.
    """
    from faststream.kafka.prometheus import KafkaPrometheusMiddleware

    found: list[Any] = [KafkaPrometheusMiddleware(registry=registry, app_name=service)]
    if tracing:
        if tracer_provider is not None:
            from faststream.kafka.opentelemetry import KafkaTelemetryMiddleware

            found.append(KafkaTelemetryMiddleware(tracer_provider=tracer_provider))
        else:
            found.append(_telemetry_middleware(service))
    return found


def _telemetry_middleware(service: str) -> Any:
    try:
        from faststream.kafka.opentelemetry import KafkaTelemetryMiddleware
        from opentelemetry import trace
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
    except ImportError as exc:  # the optional extra is missing
        raise RuntimeError(
            "tracing needs the OpenTelemetry SDK: install newswire-runtime[tracing]"
        ) from exc
    provider = TracerProvider(resource=Resource.create({"service.name": f"newswire-{service}"}))
    with contextlib.suppress(ImportError):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # type: ignore[import-not-found,unused-ignore]
            OTLPSpanExporter,
        )
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    return KafkaTelemetryMiddleware(tracer_provider=provider)


class LagMonitor:
    """Consumer lag per partition (high watermark − position), refreshed every ``interval_s``."""

    def __init__(
        self, broker: KafkaBroker, registry: CollectorRegistry, *, interval_s: float = 10.0
    ) -> None:
        self.broker = broker
        self.interval_s = interval_s
        self.gauge = Gauge(
            "newswire_consumer_lag",
            "Records not yet consumed per topic partition (high watermark minus position).",
            ("topic", "partition"),
            registry=registry,
        )

    async def refresh(self) -> None:
        for subscriber in self.broker.subscribers:
            consumer = getattr(subscriber, "consumer", None)
            if consumer is None:
                continue
            for tp in consumer.assignment():
                high = consumer.highwater(tp)
                if high is None:
                    continue
                with contextlib.suppress(Exception):  # revoked while we asked
                    position = await consumer.position(tp)
                    self.gauge.labels(tp.topic, str(tp.partition)).set(max(0, high - position))

    async def run(self) -> None:
        while True:
            try:
                await self.refresh()
            except Exception:  # lag is informative; never let it end the service
                log.debug("consumer lag refresh failed", exc_info=True)
            await asyncio.sleep(self.interval_s)


# ----------------------------------------------------------------------------------- HTTP server
@dataclass
class OpsApp:
    """The ASGI app behind /metrics, /healthz and /readyz."""

    registry: CollectorRegistry
    ready_checks: list[ReadyCheck] = field(default_factory=list)
    ready_timeout_s: float = 5.0

    async def readiness(self) -> str | None:
        """None when ready, else the first reason it is not."""
        for check in self.ready_checks:
            try:
                await asyncio.wait_for(check(), self.ready_timeout_s)
            except Exception as exc:
                return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].removeprefix("lifespan.")
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        if scope["type"] != "http":
            return
        path = scope.get("path", "")
        if path == "/metrics":
            status, ctype, body = 200, "text/plain; version=0.0.4", generate_latest(self.registry)
        elif path == "/healthz":
            status, ctype, body = 200, "application/json", b'{"status":"ok"}'
        elif path == "/readyz":
            reason = await self.readiness()
            status = 200 if reason is None else 503
            payload = {"status": "ready"} if reason is None else {"status": "not ready"}
            if reason is not None:
                payload["reason"] = reason
            ctype, body = "application/json", json.dumps(payload).encode()
        else:
            status, ctype, body = 404, "application/json", b'{"detail":"not found"}'
        headers = [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def broker_ready(broker: KafkaBroker, timeout_s: float = 3.0) -> ReadyCheck:
    async def check() -> None:
        if not await broker.ping(timeout=timeout_s):
            raise ConnectionError("Kafka broker does not answer")

    return check


class _QuietServer:
    """uvicorn's server without its own signal handling (the FastStream app owns the signals)."""

    def __init__(self, app: OpsApp, host: str, port: int) -> None:
        import uvicorn

        class Server(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Iterator[None]:
                yield

        config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
        self.server = Server(config)
        # Bound here, so a taken port is an error we report instead of uvicorn's sys.exit().
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
        except OSError:
            self.socket.close()
            raise
        self.socket.set_inheritable(True)

    async def serve(self) -> None:
        await self.server.serve(sockets=[self.socket])

    def stop(self) -> None:
        self.server.should_exit = True


async def serve(
    app: Any,
    *,
    service: str,
    registry: CollectorRegistry,
    host: str,
    port: int | None,
    ready_checks: Sequence[ReadyCheck] = (),
) -> None:
    """Run a FastStream ``app`` with its ops HTTP server and lag monitor beside it.

    ``port`` None runs the app alone. The app owns SIGINT/SIGTERM; when it stops, so does the rest.
    """
    if port is None:
        await app.run()
        return
    broker = app.broker
    ops = OpsApp(registry, [broker_ready(broker), *ready_checks])
    side: list[asyncio.Task[None]] = []
    server: _QuietServer | None = None
    try:
        server = _QuietServer(ops, host, port)
    except OSError as exc:  # the service still works; only its metrics and probes are missing
        log.error("%s: cannot serve /metrics and health on %s:%d: %s", service, host, port, exc)
    else:
        side.append(asyncio.create_task(server.serve(), name=f"{service}-ops-http"))
        log.info("%s: /metrics, /healthz and /readyz on http://%s:%d", service, host, port)
    side.append(asyncio.create_task(LagMonitor(broker, registry).run(), name=f"{service}-lag"))
    try:
        await app.run()
    finally:
        if server is not None:
            server.stop()
        side[-1].cancel()
        for task in side:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 5)


__all__ = [
    "CORRELATION_ID",
    "CorrelationFilter",
    "DeliveryCounters",
    "JsonFormatter",
    "LagMonitor",
    "OpsApp",
    "broker_middlewares",
    "broker_ready",
    "configure_logging",
    "correlation",
    "new_registry",
    "serve",
]
