"""Extractor settings, read from NEWSWIRE_EXTRACTOR_* (shared keys also from NEWSWIRE_*)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from newswire_extractor.rules.extractor import DEFAULT_MODEL
from newswire_runtime.settings import ServiceSettings


class ExtractorSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_EXTRACTOR_", extra="ignore", frozen=True)

    service_name: str = "extractor"
    backend: Literal["rules", "llm"] = Field(
        default="rules", description="Extraction backend; 'llm' falls back to 'rules'."
    )
    spacy_model: str = Field(
        default=DEFAULT_MODEL,
        description="spaCy pipeline name or path (en_core_web_sm 3.8 from PyPI by default).",
    )
    spacy_ner: bool = Field(
        default=False,
        description="Use spaCy's NER model for names instead of the rules (about half as fast).",
    )
    relevance_gate: bool = Field(
        default=True,
        description="Skip articles the relevance model judges not to be political news.",
    )
    relevance_threshold: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Codeable score an article needs (default: the model's own, see "
        "docs/relevance-model.md).",
    )
    relevance_min_words: int = Field(
        default=40,
        ge=0,
        description="Texts with fewer content words are too short to judge and are coded.",
    )
    event_filter: bool = Field(
        default=True,
        description="Drop emitted events the event filter model scores below its threshold "
        "(docs/event-filter-model.md).",
    )
    event_filter_threshold: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Score an event needs to be emitted (default: the model's own).",
    )
    llm_base_url: str = Field(
        default="http://127.0.0.1:8000/v1",
        description="OpenAI-compatible API root (vLLM, Ollama's /v1, llama.cpp server, OpenAI).",
    )
    llm_model: str = Field(default="", description="Model name sent to the server.")
    llm_api_key: SecretStr | None = Field(default=None, description="Bearer token, if any.")
    llm_timeout_s: float = Field(default=60.0, gt=0, description="Per-request timeout.")
    llm_max_retries: int = Field(default=2, ge=0, description="Retries of timeouts, 429, 5xx.")
    llm_concurrency: int = Field(default=2, ge=1, description="Requests in flight at most.")
