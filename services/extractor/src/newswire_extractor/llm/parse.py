"""Turns a model's JSON answer into contract events, keeping only what the article supports.

Every event must quote a sentence of the article: its evidence is looked up in the text
(exactly, else ignoring whitespace and quote styles) and the event is dropped when it is not
there. Offsets, the deterministic event_id, the publication-date bound and the gazetteer's place
are computed here, not taken from the model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from newswire_contracts import (
    Actor,
    Event,
    Evidence,
    Location,
    Modality,
    Occurred,
    Quantity,
    event_id_for,
)
from newswire_contracts.messages import EVENT_TYPES
from newswire_extractor.kb import KnowledgeBase

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


class ReplyError(ValueError):
    """The model's answer is not the JSON object asked for."""


def parse_reply(
    reply: str,
    text: str,
    *,
    article_id: str,
    published: date | None,
    kb: KnowledgeBase | None = None,
) -> list[Event]:
    """The verified events of a reply; raises ReplyError when the reply is not usable at all."""
    try:
        payload = json.loads(_strip_fence(reply))
    except json.JSONDecodeError as exc:
        raise ReplyError(f"not JSON: {exc.msg}") from exc
    items = payload.get("events") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        raise ReplyError("no 'events' list")
    events: dict[str, Event] = {}
    for item in items:
        if isinstance(item, dict):
            event = _event(item, text, article_id, published, kb)
            if event is not None:
                events.setdefault(event.event_id, event)
    return list(events.values())


def _strip_fence(reply: str) -> str:
    match = re.search(r"```(?:json)?\s*(.*?)```", reply, re.S)
    return match[1] if match else reply


def _event(
    item: Mapping[str, Any],
    text: str,
    article_id: str,
    published: date | None,
    kb: KnowledgeBase | None,
) -> Event | None:
    event_type = str(item.get("event_type", "")).upper()
    span = find_span(text, str(item.get("evidence") or ""))
    if event_type not in EVENT_TYPES or span is None:
        return None  # an unknown type, or evidence the article does not contain
    start, end = span
    trigger = str(item.get("trigger") or "").strip()
    t_span = find_span(text[start:end], trigger) if trigger else None
    t_start, t_end = (start + t_span[0], start + t_span[1]) if t_span else (start, start)
    trigger_text = text[t_start:t_end] if t_span else text[start:end].split(" ", 1)[0]
    try:
        return Event(
            event_id=event_id_for(article_id, event_type, start, end, trigger_text),
            event_type=event_type,
            mode=item.get("mode") or None,
            actors=list(_actors(item.get("actors"), text, start, end)),
            targets=list(_actors(item.get("targets"), text, start, end)),
            location=_location(item.get("place"), kb),
            occurred=_occurred(item.get("date"), published),
            quantities=list(_quantities(item.get("quantities"), text, start, end)),
            modality=Modality(
                negated=bool(item.get("negated")),
                future=bool(item.get("future")),
                hypothetical=bool(item.get("hypothetical")),
            ),
            confidence=_confidence(item.get("confidence")),
            evidence=Evidence(
                text=text[start:end],
                start=start,
                end=end,
                trigger=trigger_text,
                trigger_start=t_start if t_span else None,
                trigger_end=t_end if t_span else None,
            ),
        )
    except (ValidationError, TypeError, ValueError):
        return None


def find_span(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``text``: exactly, else with whitespace and quote marks
    normalized (offsets always into the original text)."""
    needle = needle.strip()
    if not needle:
        return None
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    words = [re.escape(w) for w in needle.translate(_QUOTES).split()]
    pattern = r"\s+".join(words)
    match = re.search(pattern, text.translate(_QUOTES))
    return (match.start(), match.end()) if match else None


def _actors(value: Any, text: str, start: int, end: int) -> Iterator[Actor]:
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict) or not item.get("text"):
            continue
        written = str(item["text"])
        span = find_span(text[start:end], written)
        country = str(item.get("country") or "").upper() or None
        yield Actor(
            text=written,
            name=str(item.get("name") or written),
            kind=str(item.get("kind") or "UNKNOWN"),
            country=country if country and len(country) == 3 and country.isalpha() else None,
            sector=str(item["sector"]).upper() if item.get("sector") else None,
            start=start + span[0] if span else None,
            end=start + span[1] if span else None,
        )


def _location(value: Any, kb: KnowledgeBase | None) -> Location | None:
    if not value or kb is None:
        return None
    place = kb.gazetteer.geocode(str(value))
    if place is None:
        return None
    return Location(
        text=str(value),
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
        basis="sentence",
    )


def _occurred(value: Any, published: date | None) -> Occurred:
    try:
        day = date.fromisoformat(str(value)) if value else None
    except ValueError:
        day = None
    if day is not None and published is not None and day > published:
        return Occurred(date=None, precision="unknown", text=str(value))  # never after publication
    return Occurred(date=day, precision="day" if day else "unknown")


def _quantities(value: Any, text: str, start: int, end: int) -> Iterator[Quantity]:
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict):
            continue
        try:
            amount = float(item["value"])
        except (KeyError, TypeError, ValueError):
            continue
        written = str(item.get("text") or item["value"])
        span = find_span(text[start:end], written)
        yield Quantity(
            value=amount,
            unit=item.get("unit") or None,
            approximate=bool(item.get("approximate")),
            text=written,
            start=start + span[0] if span else None,
            end=start + span[1] if span else None,
        )


def _confidence(value: Any) -> float:
    try:
        return min(max(float(value), 0.0), 1.0)
    except (TypeError, ValueError):
        return 0.5
