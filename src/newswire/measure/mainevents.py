"""Recall of hand-listed main events: labels only, listed blind before the extractor ran on those
articles. ``bench/audit/main_events.jsonl`` (10 articles) is the measure and is not tuned on;
``bench/audit/main_events_dev.jsonl`` (10 other articles, all of the train half) is the list to
develop against."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newswire_contracts import Event

MAIN_EVENTS = Path("bench/audit/main_events.jsonl")
MAIN_EVENTS_DEV = Path("bench/audit/main_events_dev.jsonl")
# result key -> list: the measure, then the development list
MAIN_EVENT_LISTS = {"main_events": MAIN_EVENTS, "main_events_dev": MAIN_EVENTS_DEV}


class MainEventsError(Exception):
    """A malformed line in the main-events file."""


@dataclass(frozen=True)
class MainEvent:
    article: str
    type: str | None  # None: the article has no main event (it still counts as listed)
    actor_country: str | None
    target_country: str | None
    date: str | None  # YYYY-MM-DD or YYYY-MM
    what: str = ""


def load_main_events(path: Path) -> list[MainEvent]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            item = MainEvent(
                article=row["article"],
                type=row.get("type"),
                actor_country=row.get("actor_country"),
                target_country=row.get("target_country"),
                date=row.get("date"),
                what=row.get("what", ""),
            )
            if item.date is not None:
                _parse(item.date)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise MainEventsError(f"{path}:{n}: {exc}") from None
        out.append(item)
    return out


def _parse(value: str) -> tuple[date, str]:
    if len(value) == 7:
        return date.fromisoformat(value + "-01"), "month"
    return date.fromisoformat(value), "day"


def date_matches(gold: str, event: Event) -> bool:
    """The extracted date agrees with the gold one at the coarser of the two precisions."""
    found = event.occurred.date
    if found is None:
        return False
    wanted, precision = _parse(gold)
    levels = {"day": 0, "month": 1, "year": 2}
    level = max(levels[precision], levels.get(event.occurred.precision, 0))
    if level == 2:
        return found.year == wanted.year
    if level == 1:
        return (found.year, found.month) == (wanted.year, wanted.month)
    return found == wanted


def matches(item: MainEvent, event: Event, *, target: bool = False, dated: bool = True) -> bool:
    if event.event_type != item.type:
        return False
    if item.actor_country and item.actor_country not in {a.country for a in event.actors}:
        return False
    if (
        target
        and item.target_country
        and item.target_country not in {a.country for a in event.targets}
    ):
        return False
    return not (dated and item.date and not date_matches(item.date, event))


def _label(item: MainEvent) -> str:
    parts = [
        item.article,
        item.type or "-",
        f"{item.actor_country or '-'}>{item.target_country or '-'}",
    ]
    parts += [item.date] if item.date else []
    return " ".join(parts) + (f" ({item.what})" if item.what else "")


def score_main_events(
    items: Sequence[MainEvent], events: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Recall under three rules: type + actor country (+ date when listed) — the headline;
    the same plus target country; type + actor country without dates."""
    listed = [i for i in items if i.type]
    rules = {
        "type_actor_date": {"target": False, "dated": True},
        "type_actor_target_date": {"target": True, "dated": True},
        "type_actor": {"target": False, "dated": False},
    }
    out: dict[str, Any] = {
        "articles": len({i.article for i in items}),
        "main_events": len(listed),
    }
    for name, rule in rules.items():
        found = [i for i in listed if any(matches(i, e, **rule) for e in events.get(i.article, []))]
        out[name] = round(len(found) / len(listed), 4) if listed else None
        out[f"{name}_found"] = len(found)
        if name == "type_actor_date":
            out["missed"] = [_label(i) for i in listed if i not in found]
    return out
