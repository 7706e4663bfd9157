"""Runs an extractor over gold documents and scores what it finds."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from newswire.measure.extract_eval.gold import GoldDocument
from newswire.measure.extract_eval.scoring import Score, score_articles, score_sentences
from newswire_extractor.rules.extractor import Extraction
from newswire_extractor.service import Backend as Extractor  # what evaluation needs of a backend


@dataclass(frozen=True)
class Evaluation:
    """A data set's score, the extractions it was computed from and the time they took."""

    score: Score
    results: list[Extraction]
    seconds: float


def run_extractor(extractor: Extractor, documents: Sequence[GoldDocument]) -> list[Extraction]:
    """The extraction of every document, in order."""
    return [
        extractor.extract(
            document.text,
            article_id=document.doc_id,
            published_at=document.published_at,
            title=document.title,
        )
        for document in documents
    ]


def evaluate(name: str, extractor: Extractor, documents: Sequence[GoldDocument]) -> Evaluation:
    """Extract from the documents and score the result (sentence or article level by kind)."""
    started = time.perf_counter()
    results = run_extractor(extractor, documents)
    seconds = time.perf_counter() - started
    sentences = all(d.kind == "sentence" for d in documents)
    scorer = score_sentences if sentences else score_articles
    return Evaluation(scorer(name, documents, results), results, seconds)
