"""Scoring the extractor against gold standards (PLOVER GSR sentences and team articles)."""

from newswire.measure.extract_eval.gold import (
    GoldDocument,
    GoldFormatError,
    load_dev_set,
    load_team_gold,
)
from newswire.measure.extract_eval.report import render, summary
from newswire.measure.extract_eval.runner import Evaluation, evaluate, run_extractor
from newswire.measure.extract_eval.scoring import Score, score_articles, score_sentences

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
