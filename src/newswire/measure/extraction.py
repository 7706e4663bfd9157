"""Runs corpus documents through the extractor service's own entry (the backend and any
pre-extraction gate the service applies), exactly as the pipeline would."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time

from newswire.measure.corpora import Document
from newswire_contracts import ArticleFetchedV1, ArticleV1, Event, EventsExtractedV1
from newswire_extractor.app import create_service
from newswire_extractor.service import ExtractorService
from newswire_extractor.settings import ExtractorSettings


class ServiceRunner:
    """The extractor service as configured by ``NEWSWIRE_EXTRACTOR_*`` (rules by default)."""

    def __init__(self, settings: ExtractorSettings | None = None) -> None:
        self.service: ExtractorService = create_service(settings or ExtractorSettings())
        self.service.extractor.load()

    @property
    def name(self) -> str:
        return self.service.extractor.name

    def run(self, doc: Document) -> EventsExtractedV1:
        return self.service.extract(ArticleFetchedV1(article=article_of(doc)))

    def sentence_events(self, text: str, doc_id: str) -> list[Event]:
        """Events of one sentence from the backend itself: a document gate has nothing to judge
        in a lone sentence, so sentence sets measure the event rules only."""
        return self.service.extractor.extract(text, article_id=doc_id, published_at=None).events

    def close(self) -> None:
        self.service.close()


def article_of(doc: Document) -> ArticleV1:
    """The article message a fetcher would have produced for a corpus document."""
    url = f"https://corpus.invalid/{doc.doc_id.replace(':', '/')}"
    published = datetime.combine(doc.published, time(12), tzinfo=UTC) if doc.published else None
    return ArticleV1(
        article_id=hashlib.sha1(doc.doc_id.encode()).hexdigest()[:16],
        url=url,
        canonical_url=url,
        title=doc.title,
        text=doc.text,
        published_at=published,
        language="en",
        site_name=doc.site,
    )
