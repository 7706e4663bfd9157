"""Kept so that older imports keep working: the one loader is ``rules.lang``."""

from __future__ import annotations

from newswire_extractor.rules.lang import word_data, word_set

__all__ = ["word_data", "word_set"]
