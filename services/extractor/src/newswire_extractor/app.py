"""Extractor service factory: loads the model once and wires it to the broker."""

from __future__ import annotations

from faststream import FastStream

from newswire_contracts.topics import EVENTS_EXTRACTED
from newswire_extractor.rules import RulesExtractor
from newswire_extractor.service import ExtractorService
from newswire_extractor.settings import ExtractorSettings
from newswire_runtime.kafka import create_app as create_kafka_app


def create_service(settings: ExtractorSettings) -> ExtractorService:
    return ExtractorService(RulesExtractor(settings.spacy_model, spacy_ner=settings.spacy_ner))


def create_app(settings: ExtractorSettings | None = None) -> FastStream:
    settings = settings or ExtractorSettings()
    service = create_service(settings)
    app, _ = create_kafka_app(settings, [service.step()], outputs=[EVENTS_EXTRACTED])

    @app.on_startup
    def _warm_up() -> None:
        # Load the spaCy pipeline before the first message so the first poll is not slow.
        service.extractor.extract("Warm-up.", article_id="warm-up", published_at=None)

    @app.after_shutdown
    def _close() -> None:
        service.close()

    return app
