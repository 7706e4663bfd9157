"""The extractor's one bootstrap: the backend the settings select, as steps and hooks.

The Kafka app, the embedded pipeline, the batch commands and the evaluation all build the
extractor here, so NEWSWIRE_EXTRACTOR_* means the same everywhere.
"""

from __future__ import annotations

import asyncio

from newswire_extractor.eventness import EventFilter
from newswire_extractor.relevance import ArticleGate
from newswire_extractor.rules import RulesExtractor
from newswire_extractor.service import ExtractorService
from newswire_extractor.settings import ExtractorSettings
from newswire_runtime.parts import ServiceParts


def build_service(settings: ExtractorSettings) -> ExtractorService:
    """The service with the backend the settings select (rules by default)."""
    gate = ArticleGate(
        enabled=settings.relevance_gate,
        threshold=settings.relevance_threshold,
        min_words=settings.relevance_min_words,
    )
    event_filter = EventFilter(
        enabled=settings.event_filter, threshold=settings.event_filter_threshold
    )
    rules = RulesExtractor(
        settings.spacy_model, spacy_ner=settings.spacy_ner, gate=gate, event_filter=event_filter
    )
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


def build(settings: ExtractorSettings) -> ServiceParts:
    """The extractor's parts; the model loads at start-up so the first record is not slow."""
    return parts_of(build_service(settings))


def parts_of(service: ExtractorService) -> ServiceParts:
    """The parts of an already built service (the evaluation scores the same one)."""

    async def load() -> None:
        await asyncio.to_thread(service.extractor.load)

    async def close() -> None:
        service.close()

    return ServiceParts(steps=[service.step()], startup=[load], shutdown=[close])
