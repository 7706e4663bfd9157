"""The rules backend: dependency-parse triggers, offline knowledge base, evidence offsets."""

from newswire_extractor.rules.extractor import Extraction, RulesExtractor

__all__ = ["Extraction", "RulesExtractor"]
