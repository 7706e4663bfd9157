"""The shipped event filter model: logistic regression over named features, loaded from JSON.

No pickle: ``event-filter-model.json`` holds the feature weights, the intercept, the threshold
and provenance; scoring is a dictionary lookup per feature. Training is bench/eventness/train.py.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import Any

from newswire_extractor.eventness.features import Features

MODEL_JSON = "event-filter-model.json"
METRICS_JSON = "event-filter-metrics.json"


class EventModel:
    """Probability that an emitted event is a real, current political event."""

    def __init__(self, meta: dict[str, Any]) -> None:
        self.meta = meta
        self.name: str = str(meta["name"])
        self.threshold: float = float(meta["threshold"])
        self.intercept: float = float(meta["intercept"])
        self.weights: dict[str, float] = {str(k): float(v) for k, v in meta["weights"].items()}

    @property
    def features(self) -> list[str]:
        return sorted(self.weights)

    def score(self, features: Features) -> float:
        weights = self.weights
        logit = self.intercept + sum(weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))


def _data(name: str) -> bytes:
    return (resources.files("newswire_extractor.eventness") / "data" / name).read_bytes()


@functools.cache
def load_event_model() -> EventModel:
    """The shipped model, read once per process."""
    return EventModel(json.loads(_data(MODEL_JSON)))


def load_event_metrics() -> dict[str, Any]:
    """The figures measured when the shipped model was trained (docs/event-filter-model.md)."""
    metrics: dict[str, Any] = json.loads(_data(METRICS_JSON))
    return metrics
