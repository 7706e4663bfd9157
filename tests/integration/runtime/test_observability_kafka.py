"""A service process on real Kafka serves /metrics, /healthz and /readyz and logs JSON lines.

Also: a service whose broker cannot be reached says so in one line and exits 3.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from newswire_contracts import EventsExtractedV1
from newswire_contracts.topics import EVENTS_EXTRACTED, topic

pytestmark = pytest.mark.integration

GOLDEN = Path(__file__).parents[2] / "contract" / "golden" / "EventsExtractedV1.json"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    return {
        **env,
        "NEWSWIRE_TOPIC_REPLICATION_FACTOR": "1",
        "NEWSWIRE_TOPIC_MIN_INSYNC_REPLICAS": "1",
        **extra,
    }


@pytest.fixture
def store_process(kafka_bootstrap: str, tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    prefix = f"obs{uuid.uuid4().hex[:8]}."
    port = _free_port()
    log = tmp_path / "store.log"
    env = _env(
        NEWSWIRE_KAFKA_BOOTSTRAP=kafka_bootstrap,
        NEWSWIRE_TOPIC_PREFIX=prefix,
        NEWSWIRE_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'store.sqlite'}",
        NEWSWIRE_STORE_HTTP_PORT=str(port),
        NEWSWIRE_LOG_FORMAT="json",
        NEWSWIRE_STORE_BATCH_TIMEOUT_MS="50",
    )
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newswire", "run", "store"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        yield prefix, f"http://127.0.0.1:{port}", log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for(check: object, what: str, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    last: object = None
    while time.monotonic() < deadline:
        try:
            last = check()  # type: ignore[operator]
            if last:
                return
        except httpx.HTTPError as exc:
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"{what}: not seen within {timeout_s}s (last: {last!r})")


def _sample(body: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in body.splitlines():
        if not line.startswith(name + "{"):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


async def _produce(bootstrap: str, name: str, records: list[tuple[bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(name, value, key=key)
    finally:
        await producer.stop()


def test_store_process_serves_metrics_health_and_readiness(
    kafka_bootstrap: str, store_process: tuple[str, str, Path]
) -> None:
    prefix, base, log = store_process
    _wait_for(lambda: httpx.get(f"{base}/readyz", timeout=5).status_code == 200, "ready")
    assert httpx.get(f"{base}/healthz", timeout=5).json() == {"status": "ok"}

    good = EventsExtractedV1.model_validate_json(GOLDEN.read_bytes())
    records = [(b"poison", b"{not json"), (b"good", good.model_dump_json().encode())]
    asyncio.run(_produce(kafka_bootstrap, topic(EVENTS_EXTRACTED, prefix), records))

    def counted() -> bool:
        body = httpx.get(f"{base}/metrics", timeout=5).text
        received = _sample(body, "faststream_received_messages_total", app_name="store")
        dead = _sample(body, "newswire_dead_lettered_total", service="store")
        return received >= 2 and dead >= 1 and "newswire_consumer_lag{" in body

    _wait_for(counted, "received and dead-lettered counts and consumer lag on /metrics")
    body = httpx.get(f"{base}/metrics", timeout=5).text
    assert "faststream_received_processed_messages_duration_seconds_bucket" in body
    assert _sample(body, "newswire_consumer_lag") == 0.0  # both records consumed

    entries = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert entries, log.read_text()[-2000:]
    assert all({"time", "level", "logger", "message"} <= set(e) for e in entries)


def test_an_unreachable_broker_is_one_line_and_exit_3(tmp_path: Path) -> None:
    env = _env(
        NEWSWIRE_KAFKA_BOOTSTRAP=f"127.0.0.1:{_free_port()}",
        NEWSWIRE_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'x.sqlite'}",
        NEWSWIRE_STORE_HTTP_PORT="0",
        NEWSWIRE_LOG_LEVEL="CRITICAL",
    )
    done = subprocess.run(
        [sys.executable, "-m", "newswire", "run", "store"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: newswire run store: KafkaConnectionError")
    assert "Traceback" not in done.stderr
