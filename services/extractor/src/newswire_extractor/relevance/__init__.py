"""The article gate: language and relevance decided before any parsing."""

from newswire_extractor.relevance.gate import ArticleGate, article_language, language_refusal
from newswire_extractor.relevance.model import (
    RelevanceModel,
    load_relevance_metrics,
    load_relevance_model,
)

__all__ = [
    "ArticleGate",
    "RelevanceModel",
    "article_language",
    "language_refusal",
    "load_relevance_metrics",
    "load_relevance_model",
]
