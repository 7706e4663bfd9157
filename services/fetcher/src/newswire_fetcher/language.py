"""The article's language as ISO 639-1: declared tags first, else detected from the text."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

_TAG = re.compile(r"^([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*$")
# Enough text to be sure, little enough that detection stays well under a millisecond.
DETECT_CHARS = 2000
MIN_CONFIDENCE = 0.5

_identifier: Any = None
_lock = threading.Lock()


def normalize_tag(tag: str) -> str | None:
    """``"en-GB"``, ``"fr_FR"`` or ``"DE"`` → the two-letter code; anything else → None."""
    match = _TAG.match(tag.strip())
    return match.group(1).lower() if match else None


def choose_language(declared: Iterable[str], text: str) -> str | None:
    """The first usable declared tag, else the language py3langid is confident of."""
    for tag in declared:
        if code := normalize_tag(tag):
            return code
    return detect_language(text)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when too short or unclear to tell."""
    sample = text[:DETECT_CHARS]
    if len(sample.strip()) < 20:
        return None
    code, confidence = _get_identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE else None


def _get_identifier() -> Any:
    # The model takes about a second to load; load it once, on first use, in any thread.
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import (  # type: ignore[import-untyped]
                    MODEL_FILE,
                    LanguageIdentifier,
                )

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier
