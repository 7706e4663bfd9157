"""Synthetic articles and events for the store's tests (team-written, modelled on wire copy).

Imported as ``tests.support.samples`` by the store tests of tests/unit and tests/component.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from newswire_contracts import (
    Actor,
    ArticleV1,
    Event,
    EventsExtractedV1,
    Evidence,
    Location,
    Modality,
    Occurred,
    Quantity,
    Quote,
    article_id_for,
    event_id_for,
)

KYIV = dt.timezone(dt.timedelta(hours=2))
PUBLISHED = dt.datetime(2025, 3, 4, 9, 30, tzinfo=KYIV)


def actor(name: str, country: str | None, sector: str | None = "GOV", kind: str = "GPE") -> Actor:
    return Actor(text=name, name=name, country=country, sector=sector, kind=kind)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a synthetic article and the event it reports."""

    text: str
    event_type: str
    trigger: str
    actors: Sequence[Actor]
    targets: Sequence[Actor]
    day: dt.date | None


AGREEMENT = Sentence(
    "Kenyan and Ethiopian water ministers signed an agreement on sharing the Omo river on Monday.",
    "AGREE",
    "signed an agreement",
    [actor("Kenya", "KEN")],
    [actor("Ethiopia", "ETH")],
    dt.date(2025, 3, 3),
)
ACCUSATION = Sentence(
    "Brazil's foreign ministry accused Venezuela of moving troops toward the border last week.",
    "ACCUSE",
    "accused",
    [actor("Brazil", "BRA")],
    [actor("Venezuela", "VEN", sector="MIL")],
    dt.date(2025, 2, 24),
)
PLEDGE = Sentence(
    "Poland pledged forty ambulances to Ukraine's health ministry in February.",
    "AID",
    "pledged",
    [actor("Poland", "POL")],
    [actor("Ukraine", "UKR")],
    dt.date(2025, 2, 1),
)
RALLY = Sentence(
    "Thousands of students rallied outside parliament in Tbilisi, organisers said.",
    "PROTEST",
    "rallied",
    [actor("students", "GEO", sector="CVL", kind="NORP")],
    [],
    None,
)


def article(slug: str, sentences: Sequence[Sentence], content_hash: str = "v1") -> ArticleV1:
    url = f"https://news.example.test/world/{slug}"
    return ArticleV1(
        article_id=article_id_for(url),
        url=f"{url}?utm_source=feed",
        canonical_url=url,
        title=f"Regional roundup: {slug}",
        text=" ".join(s.text for s in sentences),
        authors=["Amara Okafor", "Lena Sato"],
        published_at=PUBLISHED,
        language="en",
        site_name="Example World News",
        section="World",
        tags=["diplomacy", slug],
        content_hash=content_hash,
    )


def events_of(item: ArticleV1, sentences: Sequence[Sentence]) -> list[Event]:
    """The events an extractor would report for these sentences of the article."""
    return [_event(item, s) for s in sentences]


def _event(item: ArticleV1, sentence: Sentence) -> Event:
    start = item.text.index(sentence.text)
    end = start + len(sentence.text)
    return Event(
        event_id=event_id_for(item.article_id, sentence.event_type, start, end, sentence.trigger),
        event_type=sentence.event_type,  # type: ignore[arg-type]
        actors=list(sentence.actors),
        targets=list(sentence.targets),
        location=Location(text="Tbilisi", name="Tbilisi", country="GEO", lat=41.69, lon=44.8)
        if sentence is RALLY
        else None,
        quantities=[Quantity(value=40, unit="ambulances", category="supplied", text="forty")]
        if sentence is PLEDGE
        else [],
        occurred=Occurred(date=sentence.day, precision="day" if sentence.day else "unknown"),
        modality=Modality(future=sentence is PLEDGE),
        confidence=0.8,
        evidence=Evidence(text=sentence.text, start=start, end=end, trigger=sentence.trigger),
    )


def extraction(
    item: ArticleV1, events: Sequence[Event], quotes: Sequence[Quote] = ()
) -> EventsExtractedV1:
    return EventsExtractedV1(
        article_id=item.article_id,
        article=item,
        events=list(events),
        quotes=list(quotes),
        extractor="rules/0.1.0",
    )


def quote(words: str, speaker: str, country: str) -> Quote:
    return Quote(
        text=words, speaker=actor(speaker, country, kind="PERSON"), start=0, end=len(words)
    )
