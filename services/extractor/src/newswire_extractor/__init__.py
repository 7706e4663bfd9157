"""Newswire extractor: turns articles into PLOVER events with evidence."""

from newswire_extractor.rules import Extraction, RulesExtractor

__all__ = ["Extraction", "RulesExtractor"]
