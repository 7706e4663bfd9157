"""Extractor service factory: loads the model once and wires it to the broker."""

from __future__ import annotations

from faststream import FastStream

from newswire_contracts.topics import EVENTS_EXTRACTED
from newswire_extractor.relevance import ArticleGate
from newswire_extractor.rules import RulesExtractor
from newswire_extractor.service import ExtractorService
from newswire_extractor.settings import ExtractorSettings
from newswire_runtime.kafka import create_app as create_kafka_app


def create_service(settings: ExtractorSettings) -> ExtractorService:
    """The service with the backend the settings select (rules by default)."""
    gate = ArticleGate(
        enabled=settings.relevance_gate,
        threshold=settings.relevance_threshold,
        min_words=settings.relevance_min_words,
    )
    rules = RulesExtractor(settings.spacy_model, spacy_ner=settings.spacy_ner, gate=gate)
    if settings.backend == "rules":
        return ExtractorService(rules)
    from newswire_extractor.llm import ChatClient, LLMExtractor

    if not settings.llm_model:
        raise ValueError("NEWSWIRE_EXTRACTOR_LLM_MODEL is required for the llm backend")
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    client = ChatClient(
        settings.llm_base_url,
        settings.llm_model,
        api_key=key,
        timeout_s=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
        concurrency=settings.llm_concurrency,
    )
    return ExtractorService(LLMExtractor(client, rules))


def create_app(settings: ExtractorSettings | None = None) -> FastStream:
    settings = settings or ExtractorSettings()
    service = create_service(settings)
    app, _ = create_kafka_app(settings, [service.step()], outputs=[EVENTS_EXTRACTED])

    @app.on_startup
    def _warm_up() -> None:
        # Load the spaCy pipeline before the first message so the first poll is not slow.
        service.extractor.load()

    @app.after_shutdown
    def _close() -> None:
        service.close()

    return app
