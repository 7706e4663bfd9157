"""Over-coding on non-political news: events per article and the share of articles with any
event on BBC articles outside the politics topic (bbc-news label 0)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from newswire.measure.corpora import Document
from newswire_contracts import EventsExtractedV1


def seeded_sample(docs: Sequence[Document], size: int, seed: int) -> list[Document]:
    """``size`` documents chosen with ``random.Random(seed)`` (all of them when size is 0)."""
    if size <= 0 or size >= len(docs):
        return list(docs)
    return random.Random(seed).sample(list(docs), size)


def offtopic_rate(
    docs: Sequence[Document], run: Callable[[Document], EventsExtractedV1]
) -> dict[str, Any]:
    events = 0
    with_event = 0
    gated = 0
    types: Counter[str] = Counter()
    for doc in docs:
        result = run(doc)
        events += len(result.events)
        with_event += bool(result.events)
        gated += result.relevance is not None and not result.relevance.codeable
        types.update(e.event_type for e in result.events)
    n = len(docs)
    return {
        "articles": n,
        "events": events,
        "events_per_article": round(events / n, 3) if n else None,
        "share_with_event": round(with_event / n, 4) if n else None,
        "articles_with_event": with_event,
        "articles_gated_out": gated,
        "top_types": dict(types.most_common(5)),
    }
