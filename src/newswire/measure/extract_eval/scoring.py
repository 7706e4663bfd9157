"""Scores extractions against gold documents: types, actors, places, dates, quantities, quotes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newswire.measure.extract_eval.gold import GoldDocument, GoldEvent, GoldQuote
from newswire.measure.extract_eval.matching import (
    Counts,
    actor_counts,
    quantity_found,
    same_name,
)
from newswire_contracts import Event, Quote
from newswire_extractor.rules.extractor import Extraction

NONE = "NONE"  # the predicted label of a sentence without events


@dataclass
class Ratio:
    """Hits out of a total, e.g. place-country accuracy."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass
class Score:
    """Everything measured on one data set."""

    name: str
    documents: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    type_accuracy: Ratio = field(default_factory=Ratio)
    any_type: Ratio = field(default_factory=Ratio)  # some event of the sentence has the type
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    actors: Counts = field(default_factory=Counts)
    targets: Counts = field(default_factory=Counts)
    place_country: Ratio = field(default_factory=Ratio)
    dates: Ratio = field(default_factory=Ratio)
    quantities: Ratio = field(default_factory=Ratio)
    quotes: Ratio = field(default_factory=Ratio)
    quote_speakers: Ratio = field(default_factory=Ratio)
    quote_countries: Ratio = field(default_factory=Ratio)
    unmatched_predictions: int = 0
    future_dated: int = 0
    events_in_eventless: int = 0  # events found in documents whose gold has none
    gated: int = 0  # articles the article gate judged not codeable (never parsed)
    gated_with_events: int = 0  # of those, articles whose gold has events
    misses: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over every type that is in the gold or was predicted."""
        scores = [c.f1 for t, c in self.per_type.items() if t != NONE]
        return sum(scores) / len(scores) if scores else 0.0


def primary_event(events: Sequence[Event]) -> Event | None:
    """The event a one-event gold sentence is compared with: the most confident, then first."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -(e.evidence.trigger_start or 0)))


def score_sentences(
    name: str, documents: Sequence[GoldDocument], results: Sequence[Extraction]
) -> Score:
    """Sentence-level scoring (PLOVER GSR): one gold event against the sentence's top event."""
    score = Score(name=name, documents=len(documents))
    for document, result in zip(documents, results, strict=True):
        gold = document.events[0]
        predicted = primary_event(result.events)
        label = predicted.event_type if predicted is not None else NONE
        score.gold_events += 1
        score.predicted_events += len(result.events)
        _count_type(score, gold, label)
        score.any_type.add(any(e.event_type in gold.acceptable for e in result.events))
        score.actors.add(actor_counts(gold.actors, predicted.actors if predicted else []))
        score.targets.add(actor_counts(gold.targets, predicted.targets if predicted else []))
        if label not in gold.acceptable:
            score.misses.append(f"{document.doc_id}: gold {gold.event_type}, got {label}")
    return score


def _count_type(score: Score, gold: GoldEvent, label: str) -> None:
    correct = label in gold.acceptable
    score.type_accuracy.add(correct)
    score.confusions[(gold.event_type, gold.event_type if correct else label)] += 1
    if correct:
        score.per_type[gold.event_type].tp += 1
        return
    score.per_type[gold.event_type].fn += 1
    if label != NONE:
        score.per_type[label].fp += 1


# ---------------------------------------------------------------------- articles
def score_articles(
    name: str, documents: Sequence[GoldDocument], results: Sequence[Extraction]
) -> Score:
    """Article-level scoring: gold events aligned to extracted events by evidence sentence."""
    score = Score(name=name, documents=len(documents))
    for document, result in zip(documents, results, strict=True):
        _score_article(score, document, result)
    return score


def _score_article(score: Score, document: GoldDocument, result: Extraction) -> None:
    score.gold_events += len(document.events)
    score.predicted_events += len(result.events)
    if not document.events:
        score.events_in_eventless += len(result.events)
    published = document.published_at.date() if document.published_at else None
    for event in result.events:
        if published and event.occurred.date and event.occurred.date > published:
            score.future_dated += 1
            score.misses.append(
                f"{document.doc_id}: {event.event_type} dated "
                f"{event.occurred.date} after publication ({published})"
            )
    taken: set[str] = set()
    for gold in document.events:
        overlapping = _overlapping(document, gold, result.events)
        chosen = _align(gold, overlapping, taken)
        if chosen is not None:
            taken.add(chosen.event_id)
        _score_event(score, document, gold, chosen, overlapping)
    for event in result.events:
        if event.event_id not in taken:
            score.unmatched_predictions += 1
            score.per_type[event.event_type].fp += 1
    if result.relevance is not None and not result.relevance.codeable:
        # A gated article is never parsed, so it has no quotes by design: its events count as
        # misses above, its quotes are not scored (quote recall is over coded articles).
        score.gated += 1
        score.gated_with_events += bool(document.events)
        return
    _score_quotes(score, document, result.quotes)


def _overlapping(document: GoldDocument, gold: GoldEvent, events: Sequence[Event]) -> list[Event]:
    if gold.evidence is None:
        return []
    start = document.text.find(gold.evidence)
    end = start + len(gold.evidence)
    # A merged event answers for every sentence that mentions it.
    return [
        e for e in events if any(m.start < end and start < m.end for m in [e.evidence, *e.mentions])
    ]


def _align(gold: GoldEvent, candidates: Sequence[Event], taken: set[str]) -> Event | None:
    """The extracted event this gold event is compared with: an acceptable type first."""
    free = [e for e in candidates if e.event_id not in taken]
    typed = [e for e in free if e.event_type in gold.acceptable]
    pool = typed or free
    return max(pool, key=lambda e: e.confidence) if pool else None


def _score_event(
    score: Score,
    document: GoldDocument,
    gold: GoldEvent,
    chosen: Event | None,
    overlapping: Sequence[Event],
) -> None:
    label = chosen.event_type if chosen is not None else NONE
    _count_type(score, gold, label)
    if label not in gold.acceptable:
        score.misses.append(
            f"{document.doc_id}: gold {gold.event_type} [{(gold.evidence or '')[:50]}], got {label}"
        )
    score.actors.add(actor_counts(gold.actors, chosen.actors if chosen else []))
    score.targets.add(actor_counts(gold.targets, chosen.targets if chosen else []))
    if gold.place_country:
        located = chosen.location if chosen is not None else None
        score.place_country.add(located is not None and located.country == gold.place_country)
    if gold.date is not None:
        score.dates.add(chosen is not None and chosen.occurred.date == gold.date)
    found = [q for e in overlapping for q in e.quantities]
    for value in gold.quantities:
        hit = quantity_found(value, found)
        score.quantities.add(hit)
        if not hit:
            score.misses.append(
                f"{document.doc_id}: quantity {value:g} not found [{(gold.evidence or '')[:50]}]"
            )


def _score_quotes(score: Score, document: GoldDocument, quotes: Sequence[Quote]) -> None:
    for gold in document.quotes:
        start = document.text.find(gold.text)
        end = start + len(gold.text)
        found = next((q for q in quotes if q.start <= start and end <= q.end), None)
        score.quotes.add(found is not None)
        if found is None:
            score.misses.append(f"{document.doc_id}: quote not found [{gold.text[:50]}]")
            continue
        _score_speaker(score, document, gold, found)


def _person_name(text: str) -> bool:
    """'Arkady Voronin' is a person's name; 'Belarusian defence ministry' and 'spokesman' are
    descriptions, matched by country."""
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _score_speaker(score: Score, document: GoldDocument, gold: GoldQuote, found: Quote) -> None:
    speaker = found.speaker
    if gold.speaker:
        hit = speaker is not None and (
            same_name(gold.speaker, speaker.name)
            or same_name(gold.speaker, speaker.text)
            or (  # 'Belarusian defence ministry' is found as Belarus (BLR, GOV)
                not _person_name(gold.speaker)
                and gold.speaker_country is not None
                and speaker.country == gold.speaker_country
            )
        )
        score.quote_speakers.add(hit)
        if not hit:
            got = speaker.name if speaker else None
            score.misses.append(f"{document.doc_id}: quote speaker {gold.speaker!r}, got {got!r}")
    if gold.speaker_country:
        hit = speaker is not None and speaker.country == gold.speaker_country
        score.quote_countries.add(hit)
        if not hit:
            got = speaker.country if speaker else None
            score.misses.append(
                f"{document.doc_id}: quote speaker country {gold.speaker_country}, got {got}"
            )
