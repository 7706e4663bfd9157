"""Gold standards the extractor is scored on: PLOVER GSR dev sentences and team-written articles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

# PLOVER 0.5b1 labels of the GSR records mapped to the 16 current types (eval-dev README).
LABEL_MAP: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_COUNTRIES: Mapping[str, str] = {
    "JAP": "JPN",
    "VTN": "VNM",
    "GMY": "DEU",
    "UKG": "GBR",
    "ROM": "ROU",
    "ZAR": "COD",
    "SUD": "SDN",
    "ISP": "PSE",
    "PAL": "PSE",
    "YUG": "SRB",
    "KOS": "XKX",
}
# Codes that name a kind of international actor rather than a country.
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})

Kind = Literal["sentence", "article"]
# The source prefix of the team gold's records of the demo site's pages ("demo/world/…").
DEMO_SOURCE = "demo/"


@dataclass(frozen=True)
class GoldActor:
    """An actor as a gold record names it: text and a country (or group) code."""

    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One gold event; ``also`` lists other types the annotators accept."""

    event_type: str
    actors: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()
    also: tuple[str, ...] = ()
    mode: str | None = None
    place: str | None = None
    place_country: str | None = None
    date: date | None = None
    quantities: tuple[float, ...] = ()
    evidence: str | None = None

    @property
    def acceptable(self) -> frozenset[str]:
        return frozenset((self.event_type, *self.also))


@dataclass(frozen=True)
class GoldQuote:
    """A direct quote (any part of its text) and who said it."""

    text: str
    speaker: str | None = None
    speaker_country: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """A text to extract from, with what a careful annotator found in it."""

    doc_id: str
    text: str
    kind: Kind
    events: tuple[GoldEvent, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    title: str | None = None
    published_at: datetime | None = None
    tags: tuple[str, ...] = field(default=())
    # Where the text comes from: "team" (written for the set) or "demo/<URL path>" (a page of
    # the bundled demo site, its text as the fetcher parses it).
    source: str | None = None


class GoldFormatError(ValueError):
    """A gold file line that does not have the expected shape."""


def country_code(code: str | None) -> str | None:
    """An ISO alpha-3 code (CAMEO spellings mapped), a group code, or None."""
    if not code:
        return None
    code = code.strip().upper()
    return CAMEO_COUNTRIES.get(code, code)


def _lines(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                value = json.loads(line)
                if not isinstance(value, dict):
                    raise GoldFormatError(f"{path}:{number}: expected a JSON object")
                yield number, value


# ---------------------------------------------------------------------- PLOVER GSR dev set
def _gsr_actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()  # '' or missing: no recipient
    return tuple(
        GoldActor(
            name=str(a.get("actorText", "")).strip(),
            country=country_code(a.get("code")),
            sector=a.get("sector") or None,
        )
        for a in value
        if isinstance(a, dict)
    )


def gsr_document(record: Mapping[str, Any]) -> GoldDocument:
    """One PLOVER GSR record (a sentence with one gold event) as a gold document."""
    label = str(record["event"]).upper()
    location = record.get("eventLoc") if isinstance(record.get("eventLoc"), dict) else None
    event = GoldEvent(
        event_type=LABEL_MAP.get(label, label),
        actors=_gsr_actors(record.get("source")),
        targets=_gsr_actors(record.get("target")),
        mode=record.get("mode") or None,
        place=location.get("name") if location else None,
    )
    return GoldDocument(
        doc_id=str(record["id"]), text=str(record["text"]), kind="sentence", events=(event,)
    )


def load_dev_set(path: Path) -> list[GoldDocument]:
    """The PLOVER GSR development sentences (labels mapped to the current 16 types)."""
    documents = []
    for number, record in _lines(path):
        try:
            documents.append(gsr_document(record))
        except KeyError as exc:
            raise GoldFormatError(f"{path}:{number}: missing {exc}") from exc
    return documents


# ---------------------------------------------------------------------- team articles
def _team_actors(value: Any) -> tuple[GoldActor, ...]:
    return tuple(
        GoldActor(
            name=str(a["name"]), country=country_code(a.get("country")), sector=a.get("sector")
        )
        for a in value or ()
    )


def _team_event(spec: Mapping[str, Any], text: str, where: str) -> GoldEvent:
    evidence = spec.get("evidence")
    if evidence is not None and evidence not in text:
        raise GoldFormatError(f"{where}: evidence not in the text: {evidence[:60]!r}")
    place = spec.get("place") or {}
    day = spec.get("date")
    return GoldEvent(
        event_type=str(spec["type"]),
        also=tuple(spec.get("also_acceptable", ())),
        mode=spec.get("mode"),
        actors=_team_actors(spec.get("actors")),
        targets=_team_actors(spec.get("targets")),
        place=place.get("name"),
        place_country=place.get("country"),
        date=date.fromisoformat(day) if day else None,
        quantities=tuple(float(q) for q in spec.get("quantities", ())),
        evidence=evidence,
    )


def _team_quote(spec: Mapping[str, Any], text: str, where: str) -> GoldQuote:
    quote = str(spec["text"])
    if quote not in text:
        raise GoldFormatError(f"{where}: quote not in the text: {quote[:60]!r}")
    return GoldQuote(
        text=quote, speaker=spec.get("speaker"), speaker_country=spec.get("speaker_country")
    )


def team_document(record: Mapping[str, Any], where: str = "gold") -> GoldDocument:
    """One team-written article with its full gold (see bench/extractor/gold/README.md)."""
    text = str(record["text"])
    published = record.get("published_at")
    return GoldDocument(
        doc_id=str(record["id"]),
        text=text,
        kind="article",
        title=record.get("title"),
        published_at=datetime.fromisoformat(published) if published else None,
        events=tuple(_team_event(e, text, where) for e in record.get("events", ())),
        quotes=tuple(_team_quote(q, text, where) for q in record.get("quotes", ())),
        tags=tuple(record.get("tags", ())),
        source=record.get("source"),
    )


def load_team_gold(paths: Path | Sequence[Path]) -> list[GoldDocument]:
    """Team-written gold articles from one JSONL file or several."""
    documents = []
    for path in [paths] if isinstance(paths, Path) else paths:
        for number, record in _lines(path):
            try:
                documents.append(team_document(record, f"{path}:{number}"))
            except KeyError as exc:
                raise GoldFormatError(f"{path}:{number}: missing {exc}") from exc
    return documents


def demo_pages(documents: Iterable[GoldDocument]) -> dict[str, GoldDocument]:
    """The team gold of the demo site's pages, keyed by URL path ("/world/…html"): the demo
    site's only gold."""
    return {
        d.source.removeprefix(DEMO_SOURCE.rstrip("/")): d
        for d in documents
        if d.source is not None and d.source.startswith(DEMO_SOURCE)
    }
