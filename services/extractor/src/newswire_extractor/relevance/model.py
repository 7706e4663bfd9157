"""The shipped relevance model: a linear classifier over hashed words, loaded from JSON + npz.

No pickle: ``relevance-model.json`` holds the classes, hashing parameters, stop words, threshold
and provenance; ``relevance-model.npz`` holds the used buckets (sorted), their weights per class
and the intercepts. Scoring is numpy only; training is ``bench/relevance/train.py``.
"""

from __future__ import annotations

import functools
import io
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from newswire_extractor.relevance.features import content_words, hashed_counts, text_words

MODEL_JSON = "relevance-model.json"
MODEL_NPZ = "relevance-model.npz"
METRICS_JSON = "relevance-metrics.json"
CODEABLE = "codeable"


@dataclass(frozen=True)
class Prediction:
    """The model's view of one text."""

    label: str  # the most probable class
    score: float  # probability of the codeable class
    words: int  # content words the text gave the model


class RelevanceModel:
    """Probability that a text is codeable political news, and its most probable class."""

    def __init__(self, meta: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]) -> None:
        self.meta = meta
        self.name: str = meta["name"]
        self.classes: list[str] = list(meta["classes"])
        self.threshold: float = float(meta["threshold"])
        self.n_buckets: int = int(meta["n_buckets"])
        self.bigrams: bool = bool(meta["bigrams"])
        self.stop_words = frozenset(meta["stop_words"])
        self._codeable = self.classes.index(CODEABLE)
        self._buckets = arrays["buckets"].astype(np.int64)
        self._weights = arrays["weights"].astype(np.float32)
        self._intercept = arrays["intercept"].astype(np.float32)
        if self._weights.shape != (len(self._buckets), len(self.classes)):
            raise ValueError(f"relevance model weights have shape {self._weights.shape}")

    @property
    def used_buckets(self) -> int:
        return len(self._buckets)

    def lemmas(self, text: str) -> list[str]:
        """The crude lemmas the model sees in raw text."""
        return content_words(text_words(text), self.stop_words)

    def predict(self, text: str) -> Prediction:
        return self.predict_lemmas(self.lemmas(text))

    def predict_lemmas(self, lemmas: list[str]) -> Prediction:
        counts = hashed_counts(lemmas, self.n_buckets, bigrams=self.bigrams)
        logits = self._intercept.astype(np.float64)
        if counts:
            keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            values = np.fromiter(
                (1.0 + math.log(n) for n in counts.values()), dtype=np.float64, count=len(counts)
            )
            values /= np.linalg.norm(values)  # sublinear tf, L2-normalised over ALL buckets
            rows = np.searchsorted(self._buckets, keys)
            rows[rows >= len(self._buckets)] = 0
            known = self._buckets[rows] == keys
            logits = logits + values[known] @ self._weights[rows[known]].astype(np.float64)
        shifted = np.exp(logits - logits.max())
        probabilities = shifted / shifted.sum()
        return Prediction(
            label=self.classes[int(probabilities.argmax())],
            score=float(probabilities[self._codeable]),
            words=len(lemmas),
        )


def _data(name: str) -> bytes:
    return (resources.files("newswire_extractor.relevance") / "data" / name).read_bytes()


@functools.cache
def load_relevance_model() -> RelevanceModel:
    """The shipped model, read once per process."""
    meta = json.loads(_data(MODEL_JSON))
    with np.load(io.BytesIO(_data(MODEL_NPZ)), allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in npz.files}
    return RelevanceModel(meta, arrays)


def load_relevance_metrics() -> dict[str, Any]:
    """The figures measured when the shipped model was trained (docs/relevance-model.md)."""
    metrics: dict[str, Any] = json.loads(_data(METRICS_JSON))
    return metrics
