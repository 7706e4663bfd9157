"""The event filter: the last step before events leave the rules extractor.

Each emitted event is scored by the shipped model (P(real, current political event), learned
from blind judges' labels of train-half articles) and dropped below the threshold. Dropped events
leave no record; ``dropped`` counts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newswire_contracts import Event
from newswire_extractor.eventness.features import EventFeatures, Features
from newswire_extractor.eventness.model import EventModel, load_event_model
from newswire_extractor.rules.document import Article


class EventFilter:
    """Keeps the events the model scores at or above the threshold (all of them when off)."""

    def __init__(
        self,
        *,
        enabled: bool = True,
        threshold: float | None = None,
        model: EventModel | None = None,
    ) -> None:
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise ValueError(f"event filter threshold must be in [0, 1], got {threshold}")
        self.enabled = enabled
        self._threshold = threshold
        self._model = model
        self._features: EventFeatures | None = None
        self.seen = 0
        self.dropped = 0

    @property
    def model(self) -> EventModel:
        if self._model is None:
            self._model = load_event_model()
        return self._model

    @property
    def threshold(self) -> float:
        return self._threshold if self._threshold is not None else self.model.threshold

    def load(self) -> None:
        if self.enabled:
            self.model  # noqa: B018 - read the model file now, not on the first article
            self._features = self._features or EventFeatures()

    def features(self, article: Article, events: Sequence[Event]) -> list[Features]:
        """Each event's features (in order)."""
        if self._features is None:
            self._features = EventFeatures()
        compute = self._features
        per_sentence = Counter(e.evidence.start for e in events)
        sentences: dict[int, Features] = {}
        return [
            compute(article, e, in_sentence=per_sentence[e.evidence.start], sentences=sentences)
            for e in events
        ]

    def scores(self, article: Article, events: Sequence[Event]) -> list[float]:
        return [self.model.score(f) for f in self.features(article, events)]

    def __call__(self, article: Article, events: list[Event]) -> list[Event]:
        if not self.enabled or not events:
            return events
        threshold = self.threshold
        kept = [
            e for e, s in zip(events, self.scores(article, events), strict=True) if s >= threshold
        ]
        self.seen += len(events)
        self.dropped += len(events) - len(kept)
        return kept
