"""`newswire fetch` (embedded, no Kafka) over a loopback site, and `newswire submit` to Kafka."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswire import demo_site
from newswire.cli import app
from newswire.site_server import serve_site
from newswire_contracts import FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED, topic

ISTANBUL = next(p for p in demo_site.list_pages() if "istanbul" in p)
# The address guard refuses loopback unless its setting allows it; the site is ours.
LOOPBACK = {"NEWSWIRE_FETCHER_ALLOW_HOSTS": "127.0.0.1", "NEWSWIRE_FETCHER_MIN_HOST_DELAY_S": "0"}


def test_fetch_fills_the_store_and_events_lists_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    runner = CliRunner()
    with serve_site() as base:
        fetched = runner.invoke(app, ["fetch", base + ISTANBUL, "--database-url", db], env=LOOPBACK)
        assert fetched.exit_code == 0, fetched.output
        assert "1 requested, 1 stored" in fetched.stderr
        again = runner.invoke(app, ["fetch", base + ISTANBUL, "--database-url", db], env=LOOPBACK)
        assert again.exit_code == 0, again.output
    listed = runner.invoke(app, ["events", "--json", "--database-url", db])
    assert listed.exit_code == 0, listed.output
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    talks = [e for e in events if e["event_type"] == "CONSULT"]
    assert talks and talks[0]["location"]["name"] == "Istanbul"
    with sqlite3.connect(tmp_path / "store.sqlite") as conn:
        [(articles,)] = conn.execute("SELECT count(*) FROM articles").fetchall()
    assert articles == 1, "fetching the same page twice stores it once"


def test_fetch_reads_a_feed_once_then_skips_what_it_has_seen(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    runner = CliRunner()
    with serve_site() as base:
        first = runner.invoke(
            app, ["fetch", "--feed", f"{base}/feed.xml", "--database-url", db], env=LOOPBACK
        )
        second = runner.invoke(
            app, ["fetch", "--feed", f"{base}/feed.xml", "--database-url", db], env=LOOPBACK
        )
    pages = len(demo_site.list_pages())
    assert first.exit_code == 0, first.output
    assert f"{pages} listed, {pages} new" in first.stderr
    assert second.exit_code == 0, second.output
    assert f"{pages} listed, 0 new" in second.stderr


def test_fetch_refuses_loopback_unless_allowed(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with serve_site() as base:
        result = CliRunner().invoke(
            app,
            ["fetch", base + ISTANBUL, "--database-url", db],
            env={"NEWSWIRE_FETCHER_ALLOW_HOSTS": "", "NEWSWIRE_FETCHER_MAX_ATTEMPTS": "1"},
        )
    assert result.exit_code == 1
    assert "0 stored" in result.stderr and "not stored" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fetch"], "give article URLs"),
        (["fetch", "file:///etc/passwd"], "not an http(s) URL"),
        (["fetch", "--feed", "gopher://x/"], "--feed: feeds #1"),
        (["submit", "ftp://x/"], "not an http(s) URL"),
    ],
)
def test_bad_arguments_are_one_line_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_submit_to_an_unreachable_broker_is_one_line() -> None:
    result = CliRunner().invoke(
        app, ["submit", "https://news.example/a", "--bootstrap", "127.0.0.1:1", "--timeout", "2"]
    )
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith("error: cannot publish to Kafka at 127.0.0.1:1")


@pytest.mark.integration
def test_submit_publishes_fetch_requests_to_kafka(
    kafka_bootstrap: str, fresh_topic_prefix: str
) -> None:
    urls = ["https://news.example/a", "https://news.example/b"]
    asyncio.run(_create(kafka_bootstrap, topic(FETCH_REQUESTED, fresh_topic_prefix)))
    result = CliRunner().invoke(
        app,
        ["submit", *urls, "--bootstrap", kafka_bootstrap, "--prefix", fresh_topic_prefix],
    )
    assert result.exit_code == 0, result.output
    got = asyncio.run(_consume(kafka_bootstrap, topic(FETCH_REQUESTED, fresh_topic_prefix), 2))
    assert sorted(r.url for r in got) == urls
    assert {r.source for r in got} == {"cli"}


async def _create(bootstrap: str, name: str) -> None:
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()


async def _consume(bootstrap: str, name: str, count: int) -> list[FetchRequestedV1]:
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(
        name, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    found: list[FetchRequestedV1] = []
    try:
        async with asyncio.timeout(60):
            while len(found) < count:
                batch = await consumer.getmany(timeout_ms=1000)
                for records in batch.values():
                    found += [FetchRequestedV1.model_validate_json(r.value) for r in records]
    finally:
        await consumer.stop()
    return found
