"""Scoring the extractor against gold standards (PLOVER GSR sentences and team articles)."""

from newswire_extractor.evaluation.gold import (
    GoldDocument,
    GoldFormatError,
    load_dev_set,
    load_team_gold,
)
from newswire_extractor.evaluation.report import render, summary
from newswire_extractor.evaluation.runner import Evaluation, evaluate, run_extractor
from newswire_extractor.evaluation.scoring import Score, score_articles, score_sentences

__all__ = [
    "Evaluation",
    "GoldDocument",
    "GoldFormatError",
    "Score",
    "evaluate",
    "load_dev_set",
    "load_team_gold",
    "render",
    "run_extractor",
    "score_articles",
    "score_sentences",
    "summary",
]
