"""One event per happening per article: later mentions of the same happening become evidence.

News tells its main events several times (the lede, a quote, a recap). Two events of one article
are the same happening when they have the same type, the same actors and targets (by normalized
name and country), the same date, compatible modes, the same modality and places that do not
disagree. The earliest mention keeps its ``evidence`` (so ``event_id`` stays the one its first
sentence gives); every other mention's sentence goes to ``mentions``, its quantities are kept and
the highest confidence wins.

Across sentences, events whose type is a statement about something (an agreement, a demand, an
accusation …) merge only when their triggers and the words after them say the same thing
('agreed to relaunch talks' and 'agreed to cooperate on a study' are two agreements, 'accused
Baku of shelling' and 'accused Baku of lying' two accusations); acts (strikes, arrests,
meetings, aid, withdrawals, protests, sanctions, deployments) of the same parties on the same day
are one. A sentence that says 'also', 'again', 'another' … tells a further happening, never a
repeat (``lang/en/merge.toml``).

Two events without any participant are never merged: nothing says they are one happening. Nor
are undated ones, unless they name the same (planned) date expression.

Several events on one trigger word ('the attack' read as two types) are one reading: the most
confident is kept. One act told by two verbs of one sentence, the second naming only unnamed
victims ('struck Idlib, killing 12 people'), is one event with both targets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newswire_contracts import Actor, Event, Evidence, Location, Occurred, Quantity
from newswire_extractor.rules import trace
from newswire_extractor.rules.lang import word_set

# Acts: the same parties, type and day are one happening however each sentence words it.
_ACTS = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID", "RETREAT", "CONSULT"}
)
_STEM = 5  # 'accused'/'accusing', 'agreed'/'agreement' share their first letters
_CONTENT_WORDS = 6  # how far after the trigger a statement's content is compared
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
_BASIS_RANK = {"clause": 0, "sentence": 1, "dateline": 2, "article": 3}

Key = tuple[object, ...]


def merge_mentions(events: Sequence[Event]) -> list[Event]:
    """The article's events with repeated mentions of one happening merged, in text order."""
    ordered = _one_act_per_sentence(sorted(_one_reading_per_trigger(events), key=_position))
    merged: list[Event] = []
    index: dict[Key, list[int]] = {}
    for event in ordered:
        key = _key(event)
        target = None
        if key is not None:
            target = next((i for i in index.get(key, []) if _compatible(merged[i], event)), None)
        if target is None:
            if key is not None:
                index.setdefault(key, []).append(len(merged))
            merged.append(event)
        else:
            merged[target] = _absorb(merged[target], event)
    return merged


def _one_act_per_sentence(events: list[Event]) -> list[Event]:
    """'Russian jets struck Idlib on Friday, killing 12 people': one act of one sentence told by
    two verbs, the second naming only its unnamed victims, is one event with both targets."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same_act(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        targets = [*same.targets, *(t for t in event.targets if t not in same.targets)]
        merged = _absorb(same, event).model_copy(update={"targets": targets})
        kept[kept.index(same)] = merged
    return kept


def _same_act(first: Event, later: Event) -> bool:
    if first.evidence.start != later.evidence.start or first.event_type not in _ACTS:
        return False
    if later.event_type != first.event_type or not first.actors:
        return False
    if _parties(first.actors) != _parties(later.actors) or first.modality != later.modality:
        return False
    if (first.occurred.date, first.occurred.text) != (later.occurred.date, later.occurred.text):
        return False
    unnamed = all(t.country is None for t in later.targets)
    return unnamed and _compatible(first, later)


def _position(event: Event) -> tuple[int, int]:
    return event.evidence.start, event.evidence.trigger_start or 0


def _one_reading_per_trigger(events: Sequence[Event]) -> list[Event]:
    """Events whose triggers overlap in one sentence are one word read twice: keep the most
    confident reading (ties: the one listed first)."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: -e.confidence):
        stronger = next((k for k in kept if _same_trigger(event.evidence, k.evidence)), None)
        if stronger is None:
            kept.append(event)
        else:
            trace.dropped(
                "merge",
                f"weaker reading of the trigger than {stronger.event_type}",
                event.event_type,
                trigger=event.evidence.trigger or "",
                start=event.evidence.trigger_start,
                actors=[f"{a.name}/{a.country or '-'}" for a in event.actors],
                sentence=event.evidence.text,
            )
    return kept


def _same_trigger(a: Evidence, b: Evidence) -> bool:
    if a.start != b.start:
        return False
    a_start, a_end = a.trigger_start, a.trigger_end
    b_start, b_end = b.trigger_start, b.trigger_end
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return False
    return a_start < b_end and b_start < a_end


def _key(event: Event) -> Key | None:
    if not event.actors and not event.targets:
        return None
    occurred = event.occurred
    when: object = occurred.date if occurred.date is not None else occurred.text
    if when is None:
        return None
    flags = event.modality
    return (
        event.event_type,
        _parties(event.actors),
        _parties(event.targets),
        when,
        flags.negated,
        flags.future,
        flags.hypothetical,
    )


def _parties(actors: Iterable[Actor]) -> frozenset[tuple[str, str | None]]:
    return frozenset((a.name.casefold(), a.country) for a in actors)


def _compatible(first: Event, later: Event) -> bool:
    if first.evidence.start != later.evidence.start:
        if set(_words(later.evidence.text)) & word_set("merge.toml", "additive"):
            return False
        if first.event_type not in _ACTS and not _same_words(first, later):
            return False
    if first.mode and later.mode and first.mode != later.mode:
        return False
    a, b = first.location, later.location
    if a is None or b is None or a.country is None or b.country is None:
        return True
    return a.country == b.country


def _same_words(first: Event, later: Event) -> bool:
    """Whether two statements say the same thing: the same trigger, up to inflection, and the
    words after it sharing at least half of their content."""
    if _stems(_words(first.evidence.trigger)) != _stems(_words(later.evidence.trigger)):
        return False
    a, b = _stems(_after(first.evidence)), _stems(_after(later.evidence))
    return not (a or b) or 2 * len(a & b) >= min(len(a), len(b)) > 0


def _after(evidence: Evidence) -> list[str]:
    if evidence.trigger_end is None:
        return []
    tail = evidence.text[evidence.trigger_end - evidence.start :]
    stop = word_set("merge.toml", "stopwords")
    return [w for w in _words(tail) if w not in stop][:_CONTENT_WORDS]


def _words(text: str) -> list[str]:
    return [w.strip(".,;:'\"“”’()").casefold() for w in text.split()]


def _stems(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w[:_STEM] for w in words if len(w) > 3)


def _absorb(first: Event, later: Event) -> Event:
    """``first`` with ``later``'s mention, quantities and any better-known attribute."""
    mentions = _unique_evidence([*first.mentions, later.evidence, *later.mentions], first.evidence)
    return first.model_copy(
        update={
            "mode": first.mode or later.mode,
            "location": _better_place(first.location, later.location),
            "occurred": _better_date(first.occurred, later.occurred),
            "quantities": _union(first.quantities, later.quantities),
            "attribution": first.attribution or later.attribution,
            "confidence": max(first.confidence, later.confidence),
            "mentions": mentions,
        }
    )


def _unique_evidence(found: Iterable[Evidence], own: Evidence) -> list[Evidence]:
    seen = {(own.start, own.trigger_start)}
    out = []
    for evidence in sorted(found, key=lambda e: (e.start, e.trigger_start or 0)):
        key = (evidence.start, evidence.trigger_start)
        if key not in seen:
            seen.add(key)
            out.append(evidence)
    return out


def _better_place(a: Location | None, b: Location | None) -> Location | None:
    if a is None or b is None:
        return a or b
    return b if _BASIS_RANK[b.basis] < _BASIS_RANK[a.basis] else a


def _better_date(a: Occurred, b: Occurred) -> Occurred:
    return b if _PRECISION_RANK[b.precision] < _PRECISION_RANK[a.precision] else a


def _union(a: Sequence[Quantity], b: Sequence[Quantity]) -> list[Quantity]:
    """A number told again ('nearly 400 children' in the lede and the recap) is one quantity."""
    seen = {(q.value, q.value_max, q.unit, q.category) for q in a}
    out = list(a)
    for quantity in b:
        key = (quantity.value, quantity.value_max, quantity.unit, quantity.category)
        if key not in seen:
            seen.add(key)
            out.append(quantity)
    return out
