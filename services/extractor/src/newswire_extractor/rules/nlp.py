"""Loads the spaCy pipeline once, with paragraph breaks forced to be sentence breaks."""

from __future__ import annotations

import functools
import threading
from typing import Any

import spacy
from spacy.language import Language

from newswire_extractor.rules.document import find_dateline

PARAGRAPHS = "newswire_paragraph_breaks"


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Any) -> Any:
    """A line break ends a sentence (titles and datelines have no full stop), unless it only
    wraps a sentence: a lowercase word or comma before it and a lowercase word after it. A
    dateline ('ISTANBUL —') is a sentence of its own, so its city never joins the subject."""
    dateline = find_dateline(doc.text)
    if dateline is not None:
        for token in doc:
            if token.idx >= dateline.stop:
                if token.i > 0:
                    token.is_sent_start = True
                break
    for token in doc[1:-1]:
        if token.is_space and "\n" in token.text:
            before, after = doc[token.i - 1], doc[token.i + 1]
            wrapped = (before.text[-1:].islower() or before.text == ",") and after.is_lower
            if "\n\n" in token.text or not wrapped:
                after.is_sent_start = True
    return doc


class PipelineLoader:
    """Loads a spaCy model by package name on first use, once, thread-safely."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._nlp: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The loaded pipeline."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = self._load()
        return self._nlp

    def _load(self) -> Any:
        return load_pipeline(self.model)


@functools.cache
def load_pipeline(model: str) -> Any:
    """The spaCy pipeline of a model package, shared by every extractor in the process."""
    nlp = spacy.load(model)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
