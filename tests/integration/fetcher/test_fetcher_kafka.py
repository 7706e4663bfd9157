"""The fetcher as its own process on real Kafka: polling, seen URLs across a restart, dead letters.

The sample news site is served on 127.0.0.1; the fetcher keeps its seen-URL record in SQLite.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from newswire import demo_site
from newswire.site_server import serve_site
from newswire_contracts import ArticleFetchedV1, DeadLetterV1, FetchRequestedV1, article_id_for
from newswire_contracts.topics import ARTICLES_FETCHED, FETCH_REQUESTED, dlq, topic

pytestmark = pytest.mark.integration

PAGES = demo_site.list_pages()


class Fetcher:
    """Starts and stops `newswire run fetcher` processes that share one environment."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env = env
        self.logs = logs
        self.runs = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.logs / f"fetcher-{self.runs}.log"

    def start(self, **extra: str) -> None:
        self.runs += 1
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newswire", "run", "fetcher"],
            env={**self.env, **extra},
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    async def wait_for_log(self, needle: str, timeout: float) -> None:
        try:
            async with asyncio.timeout(timeout):
                while needle not in self.text():
                    assert self.proc is not None and self.proc.poll() is None, self.text()
                    await asyncio.sleep(0.3)
        except TimeoutError:
            pytest.fail(f"no {needle!r} in the fetcher log:\n{self.text()[-4000:]}")


@pytest.fixture
def site() -> Iterator[str]:
    with serve_site() as base:
        yield base


@pytest.fixture
def fetcher(kafka_bootstrap: str, tmp_path: Path) -> Iterator[Fetcher]:
    env = {
        **os.environ,
        "NEWSWIRE_KAFKA_BOOTSTRAP": kafka_bootstrap,
        # The test broker is a single node (production defaults: 3 and 2).
        "NEWSWIRE_TOPIC_REPLICATION_FACTOR": "1",
        "NEWSWIRE_TOPIC_MIN_INSYNC_REPLICAS": "1",
        "NEWSWIRE_TOPIC_PREFIX": f"fi{uuid.uuid4().hex[:8]}.",
        "NEWSWIRE_FETCHER_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'fetcher.sqlite'}",
        "NEWSWIRE_FETCHER_ALLOW_HOSTS": "127.0.0.1",
        "NEWSWIRE_FETCHER_MIN_HOST_DELAY_S": "0.05",
        "NEWSWIRE_FETCHER_MAX_ATTEMPTS": "2",
    }
    runner = Fetcher(env, tmp_path)
    try:
        yield runner
    finally:
        runner.stop()


async def read_topic(bootstrap: str, name: str, *, settle: float = 3.0) -> list[bytes]:
    """Every record on ``name``, read until nothing new arrived for ``settle`` seconds."""
    consumer = AIOKafkaConsumer(
        name,
        bootstrap_servers=bootstrap,
        group_id=f"reader-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    values: list[bytes] = []
    try:
        quiet = 0.0
        while quiet < settle:
            batch = await consumer.getmany(timeout_ms=500)
            got = [r.value for records in batch.values() for r in records]
            values += got
            quiet = 0.0 if got else quiet + 0.5
    finally:
        await consumer.stop()
    return values


async def wait_for_count(bootstrap: str, name: str, want: int, timeout: float) -> list[bytes]:
    async with asyncio.timeout(timeout):
        while True:
            values = await read_topic(bootstrap, name, settle=1.0)
            if len(values) >= want:
                return values
            await asyncio.sleep(1.0)


def write_sources(path: Path, site: str, name: str) -> Path:
    path.write_text(
        f'[[feeds]]\nname = "{name}"\nurl = "{site}/feed.xml"\ninterval = "1h"\n', encoding="utf-8"
    )
    return path


async def test_polled_feed_is_fetched_once_and_not_again_after_a_restart(
    site: str, fetcher: Fetcher, kafka_bootstrap: str, tmp_path: Path
) -> None:
    prefix = fetcher.env["NEWSWIRE_TOPIC_PREFIX"]
    sources = write_sources(tmp_path / "sources.toml", site, "sample-site")
    fetcher.start(NEWSWIRE_FETCHER_SOURCES_FILE=str(sources))
    await fetcher.wait_for_log(f"polled sample-site: {len(PAGES)} listed, {len(PAGES)} new", 120)
    fetched = await wait_for_count(
        kafka_bootstrap, topic(ARTICLES_FETCHED, prefix), len(PAGES), 180
    )
    articles = [ArticleFetchedV1.model_validate_json(v).article for v in fetched]
    assert {a.article_id for a in articles} == {article_id_for(site + p) for p in PAGES}
    fetcher.stop()

    # Restarted with the same feed under a new name, so it is polled at once: every URL it
    # lists is already in the seen record, so nothing is requested and nothing fetched again.
    renamed = write_sources(tmp_path / "sources-2.toml", site, "sample-site-again")
    fetcher.start(NEWSWIRE_FETCHER_SOURCES_FILE=str(renamed))
    await fetcher.wait_for_log(f"polled sample-site-again: {len(PAGES)} listed, 0 new", 120)
    requests = await read_topic(kafka_bootstrap, topic(FETCH_REQUESTED, prefix))
    assert len(requests) == len(PAGES)
    assert {FetchRequestedV1.model_validate_json(v).source for v in requests} == {"sample-site"}
    assert len(await read_topic(kafka_bootstrap, topic(ARTICLES_FETCHED, prefix))) == len(PAGES)


async def test_not_found_is_dead_lettered_on_kafka(
    site: str, fetcher: Fetcher, kafka_bootstrap: str
) -> None:
    prefix = fetcher.env["NEWSWIRE_TOPIC_PREFIX"]
    fetcher.start()
    await fetcher.wait_for_log("started", 60)
    missing = f"{site}/2025/06/no-such-story"
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        await producer.send_and_wait(
            topic(FETCH_REQUESTED, prefix),
            FetchRequestedV1(url=missing).model_dump_json().encode(),
            key=missing.encode(),
        )
    finally:
        await producer.stop()
    [value] = await wait_for_count(kafka_bootstrap, dlq(FETCH_REQUESTED, prefix), 1, 120)
    letter = DeadLetterV1.model_validate_json(value)
    assert letter.service == "fetcher"
    assert "HTTP 404" in letter.error
    assert letter.attempts == 1
    assert FetchRequestedV1.model_validate_json(letter.original_value).url == missing
