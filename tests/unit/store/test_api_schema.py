"""Property-based checks of the read API against its own OpenAPI document (schemathesis).

Generated requests hit every endpoint of the app over a seeded SQLite store; no response may be a
server error, and every response must match the status codes and schemas the spec declares.
The example count is kept small so the suite stays fast.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy.pool import NullPool

from newswire_store import EventStore, migrate
from newswire_store.api import ApiSettings, create_api
from tests.support.samples import (
    ACCUSATION,
    AGREEMENT,
    PLEDGE,
    RALLY,
    article,
    events_of,
    extraction,
)

UNDESCRIBABLE = {"cursor", "bbox"}


async def _seed(url: str) -> None:
    await migrate(url)
    sentences = [AGREEMENT, ACCUSATION, PLEDGE, RALLY]
    item = article("roundup", sentences)
    async with EventStore.from_url(url) as store:
        await store.save_extraction(extraction(item, events_of(item, sentences)))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BaseSchema]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('schema')) / 'store.db'}"
    asyncio.run(_seed(url))
    # NullPool: the test client runs each request on its own event loop, so no connection
    # may outlive one.
    store = EventStore.from_url(url, poolclass=NullPool)
    app = create_api(ApiSettings(max_page_size=50), store=store)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    asyncio.run(store.close())


def test_api_conforms_to_its_openapi_document(api_schema: BaseSchema) -> None:
    # schemathesis' own pytest integration does not support this pytest yet, so each operation
    # gets a plain Hypothesis test here.
    checked = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def conforms(case: schemathesis.Case) -> None:
            # A schema cannot say that a cursor must be one the API made, or that a box's south
            # lies below its north, so a random one is rightly refused.
            unconstrained = bool(case.query and UNDESCRIBABLE & set(case.query))
            excluded = [positive_data_acceptance] if unconstrained else []
            case.call_and_validate(excluded_checks=excluded)

        conforms()
        checked.append(operation.label)
    assert len(checked) == 10, checked
