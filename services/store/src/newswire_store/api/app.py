"""Read API factory: the FastAPI app over an EventStore, with optional bearer-token auth."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newswire_store.api.console import add_console
from newswire_store.api.metrics import add_metrics
from newswire_store.api.routes import data_router, health_router
from newswire_store.api.settings import ApiSettings
from newswire_store.filters import QueryError
from newswire_store.writes import EventStore

DESCRIPTION = """\
Political events (PLOVER) extracted from news, each with the sentence that justifies it.

Filters combine with AND. Lists are newest first (undated events last) and paged with an
opaque `cursor`; `/export.csv` and `/export.jsonl` stream every matching event as flat,
GDELT-style rows (columns documented in docs/api.md). For incremental pulls, filter by
`extracted_since` and page with `order=extracted` (like GDELT's DATEADDED).
The analyst console is served at `/`.
"""

_bearer = HTTPBearer(auto_error=False, description="The token set in NEWSWIRE_API_TOKEN.")


def create_api(settings: ApiSettings | None = None, *, store: EventStore | None = None) -> FastAPI:
    """The read API over ``store`` (or one on ``settings.database_url``, closed at shutdown)."""
    settings = settings or ApiSettings()
    owned = store is None
    event_store = store or EventStore.from_url(
        settings.database_url, **_pool_options(settings.database_url, settings.pool_size)
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            await event_store.close()

    app = FastAPI(
        title="Newswire events API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        # Served by add_console from packaged assets instead of a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = event_store
    guard = [Depends(_token_guard(settings))] if settings.token is not None else []
    app.include_router(data_router(settings.max_page_size), dependencies=guard)
    app.include_router(health_router())
    add_metrics(app, guard)
    add_console(app)
    app.add_exception_handler(QueryError, _query_error)
    return app


def _pool_options(url: str, size: int) -> dict[str, int]:
    return {"pool_size": size} if url.startswith("postgresql") else {}


def _token_guard(settings: ApiSettings) -> Callable[..., Awaitable[None]]:
    assert settings.token is not None
    expected = settings.token.get_secret_value().encode()

    async def require_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        given = credentials.credentials.encode() if credentials else b""
        if not hmac.compare_digest(given, expected):
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                detail="missing or wrong bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return require_token


async def _query_error(_request: Request, exc: Exception) -> JSONResponse:
    # Shaped like FastAPI's own validation errors, so clients handle every 422 the same way.
    field = exc.field if isinstance(exc, QueryError) else "query"
    detail = [{"loc": ["query", field], "msg": str(exc), "type": "value_error"}]
    return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
