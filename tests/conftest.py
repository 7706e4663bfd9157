"""Session fixtures that provide a real Kafka broker and PostgreSQL server to the tests.

Where they come from (test-only variables, testcontainers, or the deploy/local scripts) is
tests/support/infra.py; the operator's connection variables are never used.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path

import pytest

from tests.support.databases import CreateTopics, FreshDatabase, empty_database
from tests.support.infra import (
    KAFKA_SCRIPT,
    POSTGRES_SCRIPT,
    kafka_container,
    postgres_container,
    provide,
)

OPERATOR_VARIABLES = re.compile(
    r"NEWSWIRE_(?!TEST_)(\w+_)?(KAFKA_BOOTSTRAP|DATABASE_URL|TOPIC_PREFIX|API_TOKEN)"
)


def pytest_configure(config: pytest.Config) -> None:
    """Forget the operator's connection variables: tests never reach a deployment's services.

    Fixtures find the test broker and database in NEWSWIRE_TEST_* variables instead.
    """
    for name in [n for n in os.environ if OPERATOR_VARIABLES.fullmatch(n)]:
        del os.environ[name]


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    """Bootstrap address ("host:port") of a real Kafka broker for this test session."""
    yield from provide(
        "Kafka broker", "NEWSWIRE_TEST_KAFKA_BOOTSTRAP", kafka_container, KAFKA_SCRIPT
    )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """SQLAlchemy async URL (postgresql+asyncpg://…) of a real PostgreSQL database."""
    yield from provide(
        "PostgreSQL server", "NEWSWIRE_TEST_DATABASE_URL", postgres_container, POSTGRES_SCRIPT
    )


@pytest.fixture
def fresh_topic_prefix() -> str:
    """A topic prefix no other test uses (e.g. "t1a2b3c4d."), so tests never share topics."""
    return f"t{uuid.uuid4().hex[:8]}."


@pytest.fixture
def create_topics(kafka_bootstrap: str) -> CreateTopics:
    """An async function `await create_topics(names, partitions=3)`; existing topics are fine."""

    async def create(names: Sequence[str], partitions: int = 3) -> None:
        from aiokafka.admin import AIOKafkaAdminClient, NewTopic
        from aiokafka.errors import TopicAlreadyExistsError, for_code

        admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
        await admin.start()
        try:
            response = await admin.create_topics(
                [NewTopic(name, num_partitions=partitions, replication_factor=1) for name in names]
            )
        finally:
            await admin.close()
        for topic, code, message in response.topic_errors:
            error = for_code(code)
            if code and error is not TopicAlreadyExistsError:
                raise error(f"creating topic {topic!r}: {message}")

    return create


@pytest.fixture
def fresh_database(postgres_url: str) -> FreshDatabase:
    """``async with fresh_database("label") as url``: an empty PostgreSQL database for a test."""
    return lambda label: empty_database(postgres_url, label)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database's URL as an operator writes it (the code picks the async driver).

    Each test that asks for it runs twice: on a SQLite file, and (marked ``integration``) on a
    fresh PostgreSQL database of the session's server, dropped afterwards.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newswire.sqlite'}"
        return
    fresh_database: FreshDatabase = request.getfixturevalue("fresh_database")
    async with fresh_database(request.module.__name__.rsplit(".", 1)[-1][:30]) as url:
        yield url
