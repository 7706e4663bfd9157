"""Typed handles to the test databases and topics the root conftest's fixtures hand out."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

CreateTopics = Callable[..., Awaitable[None]]
FreshDatabase = Callable[[str], contextlib.AbstractAsyncContextManager[str]]


@contextlib.asynccontextmanager
async def empty_database(server_url: str, label: str) -> AsyncIterator[str]:
    """A new, empty database on ``server_url``'s server, dropped afterwards.

    The drop is retried: under load an autovacuum worker may still be connected, which even
    ``WITH (FORCE)`` may not end for a non-superuser. A database that still can't be dropped is
    left behind (its name says which test made it); it never fails the test.
    """
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    server = make_url(server_url)
    name = f"newswire_{label}_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
        for attempt in range(5):
            try:
                async with admin.connect() as conn:
                    await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                break
            except DBAPIError:
                await asyncio.sleep(0.5 * (attempt + 1))
    finally:
        await admin.dispose()
