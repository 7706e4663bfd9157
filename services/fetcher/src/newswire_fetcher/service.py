"""Fetcher step: a fetch request becomes a parsed, deduplicated article on articles.fetched.v1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newswire_contracts import ArticleFetchedV1, ArticleV1, FetchRequestedV1
from newswire_contracts.topics import ARTICLES_FETCHED, FETCH_REQUESTED
from newswire_fetcher.dedup import Fingerprint, FingerprintRegistry
from newswire_fetcher.errors import PermanentFetchError, StateUnavailable, TransientFetchError
from newswire_fetcher.http import parse_result
from newswire_fetcher.parse import ParseError
from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime import Outgoing, PermanentError, Step, TransientError

__all__ = ["FetcherService", "SeenRecord", "check_size", "create_client"]


class SeenRecord(Protocol):
    """Where fetched URLs are recorded so pollers do not request them again."""

    async def claim(self, urls: Sequence[str], *, source: str | None = None) -> list[str]: ...


def check_size(msg: ArticleFetchedV1, limit: int, *, headroom: int = 512) -> None:
    """PermanentError when ``msg`` (plus ``headroom`` for fields set later) would not fit the
    message limit: the page is dead-lettered with the reason, never published or re-downloaded."""
    size = len(msg.model_dump_json().encode("utf-8"))
    if size + headroom > limit:
        raise PermanentError(
            f"article {msg.article.article_id} is {size} bytes as a message "
            f"({len(msg.article.text)} characters of text), over the {limit}-byte limit "
            "(NEWSWIRE_MAX_MESSAGE_BYTES)"
        )


class FetcherService:
    """Fetches politely, parses, marks copies with ``duplicate_of`` and records the URL seen."""

    def __init__(
        self,
        settings: FetcherSettings,
        polite: PoliteClient,
        *,
        fingerprints: FingerprintRegistry,
        seen: SeenRecord | None,
    ) -> None:
        """Every dependency is required (no silent stand-ins): the bootstrap passes the one
        PoliteClient (which the poller shares, so both keep one host's gap) and the database's
        FingerprintIndex and SeenUrls; a test may pass MemoryFingerprintIndex and None."""
        self.settings = settings
        self.polite = polite
        self.fingerprints = fingerprints
        self.seen = seen

    async def handle(self, req: FetchRequestedV1) -> Sequence[Outgoing]:
        article, status = await self._fetch(req.url)
        # Before the fingerprint and seen records: an article that cannot be published must not
        # become the "original" its copies point to.
        check_size(ArticleFetchedV1(article=article), self.settings.max_message_bytes)
        try:
            article = await self._deduplicate(article)
            if self.seen is not None:
                # The canonical spelling too, so a feed listing it later does not refetch it.
                await self.seen.claim([article.canonical_url], source=req.source)
        except StateUnavailable as exc:
            raise TransientError(str(exc)) from exc
        msg = ArticleFetchedV1(
            article=article,
            status_code=status,
            correlation_id=req.correlation_id or req.message_id,
        )
        return [Outgoing(ARTICLES_FETCHED, article.article_id, msg)]

    async def _fetch(self, url: str) -> tuple[ArticleV1, int]:
        try:
            result = await self.polite.get(url)
            return await parse_result(result), result.status_code
        except TransientFetchError as exc:
            raise TransientError(str(exc), retry_after=exc.retry_after) from exc
        except (PermanentFetchError, ParseError) as exc:
            raise PermanentError(f"{type(exc).__name__}: {exc}") from exc

    async def _deduplicate(self, article: ArticleV1) -> ArticleV1:
        fingerprint = Fingerprint.of(article, min_tokens=self.settings.dedup_min_tokens)
        original = await self.fingerprints.register(
            fingerprint, min_similarity=self.settings.dedup_min_similarity
        )
        return (
            article if original is None else article.model_copy(update={"duplicate_of": original})
        )

    def step(self) -> Step[FetchRequestedV1]:
        return Step(
            self.settings.service_name,
            FETCH_REQUESTED,
            FetchRequestedV1,
            self.handle,
            (ARTICLES_FETCHED,),
        )
