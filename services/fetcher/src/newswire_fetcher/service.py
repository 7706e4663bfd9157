"""Fetcher step: a fetch request becomes a parsed article on articles.fetched.v1."""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from newswire_contracts import ArticleFetchedV1, FetchRequestedV1
from newswire_contracts.topics import ARTICLES_FETCHED, FETCH_REQUESTED
from newswire_fetcher.http import PermanentFetchError, TransientFetchError, fetch_article
from newswire_fetcher.parse import ParseError
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime import Outgoing, PermanentError, Step, TransientError


def create_client(settings: FetcherSettings) -> httpx.AsyncClient:
    timeout = httpx.Timeout(
        connect=settings.connect_timeout_s,
        read=settings.read_timeout_s,
        write=settings.read_timeout_s,
        pool=settings.connect_timeout_s,
    )
    # Redirects are followed by fetch() itself so every hop is checked.
    return httpx.AsyncClient(
        timeout=timeout, follow_redirects=False, headers={"User-Agent": settings.user_agent}
    )


class FetcherService:
    def __init__(self, settings: FetcherSettings, client: httpx.AsyncClient) -> None:
        self.settings = settings
        self.client = client

    async def handle(self, req: FetchRequestedV1) -> Sequence[Outgoing]:
        try:
            article, status = await fetch_article(
                self.client,
                req.url,
                max_bytes=self.settings.max_bytes,
                user_agent=self.settings.user_agent,
                max_redirects=self.settings.max_redirects,
            )
        except TransientFetchError as exc:
            raise TransientError(str(exc), retry_after=exc.retry_after) from exc
        except (PermanentFetchError, ParseError) as exc:
            raise PermanentError(str(exc)) from exc
        msg = ArticleFetchedV1(
            article=article,
            status_code=status,
            correlation_id=req.correlation_id or req.message_id,
        )
        return [Outgoing(ARTICLES_FETCHED, article.article_id, msg)]

    def step(self) -> Step[FetchRequestedV1]:
        return Step("fetcher", FETCH_REQUESTED, FetchRequestedV1, self.handle)
