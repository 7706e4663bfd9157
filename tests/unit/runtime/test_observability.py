"""Logging set-up, the metrics/health HTTP app and the ops settings of every service."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from newswire_runtime import metrics
from newswire_runtime.logcontext import correlation
from newswire_runtime.observability import OpsApp, configure_logging, new_registry
from newswire_runtime.settings import ServiceSettings


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


@pytest.mark.usefixtures("restore_logging")
def test_json_logs_honour_the_level_and_carry_correlation_id_and_traceback() -> None:
    stream = io.StringIO()
    configure_logging("WARNING", "json", stream=stream)
    log = logging.getLogger("newswire.test")
    log.info("not shown at WARNING")
    with correlation("corr-42"):
        try:
            raise ValueError("broken page")
        except ValueError:
            log.exception("handler failed")
    log.warning("outside a message")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["message"] for line in lines] == ["handler failed", "outside a message"]
    first, second = lines
    assert first["level"] == "ERROR"
    assert first["correlation_id"] == "corr-42"
    assert first["exc_type"] == "ValueError"
    assert "raise ValueError" in first["traceback"]
    assert second["correlation_id"] == "-"
    assert first["time"].endswith("Z")


@pytest.mark.usefixtures("restore_logging")
def test_text_logs_show_the_correlation_id() -> None:
    stream = io.StringIO()
    configure_logging("debug", "text", stream=stream)
    with correlation("abc"):
        logging.getLogger("newswire.test").debug("hello")
    assert "DEBUG newswire.test [abc] hello" in stream.getvalue()


def test_an_unknown_level_is_refused_in_one_line() -> None:
    with pytest.raises(ValueError, match="unknown log level 'LOUD'"):
        configure_logging("LOUD")


async def _get(app: OpsApp, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ops") as client:
        return await client.get(path)


async def test_metrics_expose_the_delivery_counters() -> None:
    metrics.DEAD_LETTERED.inc(2, service="obs-test", topic="t.articles.fetched.v1")
    metrics.RETRIES.inc(service="obs-test", topic="t.articles.fetched.v1")
    response = await _get(OpsApp(new_registry()), "/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    body = response.text
    wanted = 'newswire_dead_lettered_total{service="obs-test",topic="t.articles.fetched.v1"} 2.0'
    assert wanted in body
    assert 'newswire_retries_total{service="obs-test",topic="t.articles.fetched.v1"}' in body
    assert "# TYPE newswire_redeliveries_exhausted_total counter" in body


async def test_readiness_says_why_it_is_not_ready() -> None:
    async def broker_down() -> None:
        raise ConnectionError("Kafka broker does not answer")

    async def fine() -> None:
        return None

    not_ready = await _get(OpsApp(new_registry(), [fine, broker_down]), "/readyz")
    assert not_ready.status_code == 503
    assert not_ready.json() == {
        "status": "not ready",
        "reason": "ConnectionError: Kafka broker does not answer",
    }
    ready = await _get(OpsApp(new_registry(), [fine]), "/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
    live = await _get(OpsApp(new_registry(), [broker_down]), "/healthz")
    assert live.status_code == 200  # liveness does not depend on the broker
    assert (await _get(OpsApp(new_registry()), "/nope")).status_code == 404


async def test_a_hanging_readiness_check_times_out() -> None:
    import asyncio

    async def hangs() -> None:
        await asyncio.sleep(30)

    response = await _get(OpsApp(new_registry(), [hangs], ready_timeout_s=0.05), "/readyz")
    assert response.status_code == 503
    assert response.json()["reason"].startswith("TimeoutError")


@pytest.mark.parametrize(
    ("service", "port", "expected"),
    [("fetcher", None, 9181), ("extractor", None, 9182), ("store", None, 9183), ("store", 0, None)],
)
def test_each_service_has_its_own_ops_port(service: str, port: int | None, expected: int) -> None:
    settings = ServiceSettings(service_name=service, http_port=port)
    assert settings.ops_port == expected


def test_log_settings_default_from_the_deployment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_LOG_FORMAT", "json")
    monkeypatch.setenv("NEWSWIRE_LOG_LEVEL", "DEBUG")
    settings = ServiceSettings(service_name="store")
    assert (settings.log_format, settings.log_level) == ("json", "DEBUG")
    monkeypatch.setenv("NEWSWIRE_LOG_FORMAT", "yaml")
    with pytest.raises(ValueError, match="log_format"):
        ServiceSettings(service_name="store")
