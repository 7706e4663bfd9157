"""Extractor step: an article becomes all its events, quotes and entities in one message."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Protocol

from newswire_contracts import ArticleFetchedV1, EventsExtractedV1
from newswire_contracts.topics import ARTICLES_FETCHED, EVENTS_EXTRACTED
from newswire_extractor.relevance import article_language, language_refusal
from newswire_extractor.rules import Extraction
from newswire_runtime import Outgoing, Step


class Backend(Protocol):
    """What the service needs of an extraction backend (rules or LLM)."""

    name: str
    languages: frozenset[str]  # ISO 639-1 codes of the articles it can code

    def load(self) -> None: ...

    def extract(
        self,
        text: str,
        *,
        article_id: str,
        published_at: datetime | None,
        title: str | None = None,
        site_name: str | None = None,
        url: str | None = None,
    ) -> Extraction: ...


class ExtractorService:
    def __init__(self, extractor: Backend) -> None:
        self.extractor = extractor
        # One thread: parsing is CPU-bound and a spaCy pipeline is not meant to be shared
        # between threads; the event loop stays free for Kafka heartbeats meanwhile.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")

    def extract(self, msg: ArticleFetchedV1) -> EventsExtractedV1:
        art = msg.article
        backend = self.extractor
        refusal = language_refusal(art.language, art.text, backend.languages, backend.name)
        if refusal is not None:  # another language: no events rather than English rules on it
            result = Extraction(events=[], quotes=[], entities=[], relevance=refusal)
        else:
            result = backend.extract(
                art.text,
                article_id=art.article_id,
                published_at=art.published_at,
                title=art.title,
                site_name=art.site_name,
                url=art.canonical_url or art.url,
            )
        relevance = result.relevance
        if relevance is not None and relevance.language is None:
            language, _ = article_language(art.language, art.text)
            relevance = relevance.model_copy(update={"language": language})
        return EventsExtractedV1(
            article_id=art.article_id,
            article=art,
            events=result.events,
            quotes=result.quotes,
            entities=result.entities,
            extractor=result.backend or self.extractor.name,
            correlation_id=msg.correlation_id or msg.message_id,
            relevance=relevance,
        )

    async def handle(self, msg: ArticleFetchedV1) -> Sequence[Outgoing]:
        if msg.article.duplicate_of:  # a syndicated copy: its original carries the events
            return []
        loop = asyncio.get_running_loop()
        out = await loop.run_in_executor(self._pool, self.extract, msg)
        return [Outgoing(EVENTS_EXTRACTED, out.article_id, out)]

    def step(self) -> Step[ArticleFetchedV1]:
        return Step(
            "extractor", ARTICLES_FETCHED, ArticleFetchedV1, self.handle, (EVENTS_EXTRACTED,)
        )

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        close = getattr(self.extractor, "close", None)
        if callable(close):
            close()  # the LLM backend's HTTP client
