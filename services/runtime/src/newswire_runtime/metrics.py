"""Delivery counters: plain in-process counts a metrics endpoint can expose as Prometheus counters.

Kept free of any metrics library so the runtime stays importable everywhere (the demo, the CLI);
an exporter reads :meth:`Counter.samples` and publishes them under :attr:`Counter.name`.
"""

from __future__ import annotations

import threading


class Counter:
    """A monotonically increasing count per label set (one Prometheus counter family)."""

    def __init__(self, name: str, documentation: str, labelnames: tuple[str, ...]) -> None:
        self.name = name
        self.documentation = documentation
        self.labelnames = labelnames
        self._values: dict[tuple[str, ...], float] = {}
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(self._key(labels), 0.0)

    def samples(self) -> list[tuple[dict[str, str], float]]:
        with self._lock:
            items = list(self._values.items())
        return [(dict(zip(self.labelnames, key, strict=True)), value) for key, value in items]

    def _key(self, labels: dict[str, str]) -> tuple[str, ...]:
        if set(labels) != set(self.labelnames):
            raise ValueError(f"{self.name} takes labels {self.labelnames}, got {sorted(labels)}")
        return tuple(labels[name] for name in self.labelnames)


DEAD_LETTERED = Counter(
    "newswire_dead_lettered_total",
    "Records published to their dead-letter topic.",
    ("service", "topic"),
)
DEAD_LETTER_FAILURES = Counter(
    "newswire_dead_letter_failures_total",
    "Records skipped (offset committed) because their dead letter could not be published "
    "within MAX_ATTEMPTS; the record stays in its input topic at its offset until retention.",
    ("service", "topic"),
)
REDELIVERIES_EXHAUSTED = Counter(
    "newswire_redeliveries_exhausted_total",
    "Records whose processing escaped the delivery policy MAX_ATTEMPTS times and were skipped.",
    ("service", "topic"),
)
RETRIES = Counter(
    "newswire_retries_total",
    "Transient failures retried (handler or publish).",
    ("service", "topic"),
)

ALL = (DEAD_LETTERED, DEAD_LETTER_FAILURES, REDELIVERIES_EXHAUSTED, RETRIES)
