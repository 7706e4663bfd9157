"""Version 1 of the messages on Newswire's topics and the records they carry.

Within v1 only optional fields may be added; anything else is a new ``…V2`` class on a new topic.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import ConfigDict, Field, NonNegativeInt

from newswire_contracts.base import AwareDatetime, Message, Record, utc_now

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

DatePrecision = Literal["day", "month", "year", "unknown"]
PlaceBasis = Literal["clause", "sentence", "dateline", "article"]


class Actor(Record):
    """Who acts or is acted upon, as written and as normalized."""

    text: str = Field(description="The actor as written in the sentence.")
    name: str = Field(description="Normalized name, e.g. 'Russia' for 'Russian negotiators'.")
    kind: str = Field(default="UNKNOWN", description="PERSON, ORG, GPE, NORP, IGO, ... ")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3, or null.")
    sector: str | None = Field(default=None, description="GOV, MIL, REB, CVL, IGO, NGO, MED, JUD…")
    start: NonNegativeInt | None = Field(default=None, description="Offset into article text.")
    end: NonNegativeInt | None = None


class Location(Record):
    """Where the event happened, geocoded offline."""

    text: str
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3, or null.")
    lat: float | None = None
    lon: float | None = None
    precision: str = Field(default="unknown", description="city, region, country or unknown.")
    basis: PlaceBasis = Field(default="clause", description="How the place was tied to the event.")


class Occurred(Record):
    """When the event happened, resolved against the publication date."""

    date: dt.date | None = None
    precision: DatePrecision = "unknown"
    text: str | None = Field(default=None, description="The expression the date came from.")


class Quantity(Record):
    """A counted amount, e.g. 'nearly 400 children'."""

    value: float
    value_max: float | None = Field(default=None, description="Upper bound of a range.")
    approximate: bool = False
    unit: str | None = Field(default=None, description="The counted noun, e.g. 'children'.")
    category: str | None = Field(
        default=None, description="killed, injured, arrested, detained, deported, returned, …"
    )
    text: str
    start: NonNegativeInt | None = None
    end: NonNegativeInt | None = None


class Attribution(Record):
    """Who reports the event, and the cue that says so."""

    speaker: Actor | None = None
    cue: str = Field(description="e.g. 'said', 'according to', 'told'.")


class Modality(Record):
    """Flags that keep reported possibilities from being presented as facts."""

    negated: bool = False
    future: bool = False
    hypothetical: bool = False


class Evidence(Record):
    """The exact sentence that justifies an event."""

    text: str = Field(description="The sentence.")
    start: NonNegativeInt = Field(description="Start offset of the sentence in the article text.")
    end: NonNegativeInt = Field(description="End offset (exclusive) in the article text.")
    trigger: str = Field(description="The word or phrase that evokes the event.")
    trigger_start: NonNegativeInt | None = None
    trigger_end: NonNegativeInt | None = None


class Event(Record):
    """One thing that happened, as one article reports it."""

    event_id: str
    event_type: EventType
    mode: str | None = None
    actors: list[Actor] = Field(default_factory=list)
    targets: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    occurred: Occurred = Field(default_factory=Occurred)
    quantities: list[Quantity] = Field(default_factory=list)
    attribution: Attribution | None = None
    modality: Modality = Field(default_factory=Modality)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Evidence
    # Omitted from the JSON when empty, so a once-mentioned event keeps its v1 shape exactly.
    mentions: list[Evidence] = Field(
        default_factory=list,
        exclude_if=lambda found: not found,
        description="Further sentences of the same article that report this same happening "
        "(merged into this event); empty when it is reported once. event_id comes from evidence.",
    )


class Quote(Record):
    """A direct quote with its speaker."""

    text: str
    speaker: Actor | None = None
    cue: str | None = None
    start: NonNegativeInt
    end: NonNegativeInt


class Entity(Record):
    """A named entity mentioned in the article."""

    text: str
    label: str = Field(description="spaCy-style label: PERSON, ORG, GPE, NORP, LOC, DATE, …")
    start: NonNegativeInt
    end: NonNegativeInt
    country: str | None = None


class Relevance(Record):
    """The article gate's decision: is this political news the extractor codes, and why."""

    codeable: bool = Field(description="False: no events were extracted, see reason.")
    reason: str = Field(description="One line, e.g. 'not codeable: sports (score 0.03 < 0.75)'.")
    label: str | None = Field(
        default=None, description="Most probable class: codeable, sports, business, crime, …"
    )
    score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="The model's probability of codeable news."
    )
    threshold: float | None = Field(default=None, description="Score an article needs.")
    language: str | None = Field(default=None, description="Language the gate took, ISO 639-1.")
    model: str | None = Field(default=None, description="Gate model name and version.")


class ArticleV1(Record):
    """A news article's main text and metadata."""

    article_id: str = Field(description="Stable id derived from the canonical URL.")
    url: str = Field(description="The URL that was fetched.")
    canonical_url: str
    title: str | None = None
    text: str = Field(description="Main text; evidence offsets point into it.")
    authors: list[str] = Field(default_factory=list)
    published_at: AwareDatetime | None = None
    modified_at: AwareDatetime | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code.")
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = Field(default_factory=list)
    image_url: str | None = None
    content_hash: str | None = Field(default=None, description="Hash of the normalized text.")
    duplicate_of: str | None = Field(default=None, description="article_id this one copies.")


class FetchRequestedV1(Message):
    """Ask the fetcher to fetch one URL. Keyed by canonical URL."""

    schema_version: Literal[1] = 1
    url: str = Field(pattern=r"^https?://", max_length=4096)
    source: str | None = Field(default=None, description="Feed or sitemap the URL came from.")
    requested_at: AwareDatetime = Field(default_factory=utc_now)


class ArticleFetchedV1(Message):
    """A fetched and parsed article. Keyed by article_id."""

    schema_version: Literal[1] = 1
    article: ArticleV1
    status_code: int | None = None
    fetched_at: AwareDatetime = Field(default_factory=utc_now)


class EventsExtractedV1(Message):
    """All events, quotes and entities of one article. Keyed by article_id.

    The store replaces the article's events with these, so a re-extraction is a replay.
    """

    schema_version: Literal[1] = 1
    article_id: str
    article: ArticleV1
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    extractor: str = Field(description="Backend and version, e.g. 'rules/0.1.0'.")
    extracted_at: AwareDatetime = Field(default_factory=utc_now)
    relevance: Relevance | None = Field(
        default=None,
        description="The article gate's decision; a non-codeable article has no events.",
    )


class DeadLetterV1(Message):
    """A message that can never succeed, with its original bytes and the reason."""

    # Bytes travel as base64 in JSON so any payload, even invalid UTF-8, survives.
    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    schema_version: Literal[1] = 1
    original_topic: str
    original_key: str | None = None
    original_value: bytes = Field(description="The original message bytes, base64.")
    original_partition: int | None = None
    original_offset: int | None = None
    error_type: str
    error: str
    service: str
    attempts: int = Field(default=1, ge=1)
    failed_at: AwareDatetime = Field(default_factory=utc_now)
    original_size: int | None = Field(
        default=None, ge=0, description="Length of the original value in bytes."
    )
    original_sha256: str | None = Field(
        default=None, description="SHA-256 of the whole original value, hex."
    )
    truncated: bool = Field(
        default=False,
        description="original_value holds only the first bytes of the original, so the dead "
        "letter fits the size limit; original_size and original_sha256 describe the whole.",
    )


MESSAGES: dict[str, type[Message]] = {
    "FetchRequestedV1": FetchRequestedV1,
    "ArticleFetchedV1": ArticleFetchedV1,
    "EventsExtractedV1": EventsExtractedV1,
    "DeadLetterV1": DeadLetterV1,
}
