"""Versioned Pydantic messages and topic names shared by every Newswire service."""

from newswire_contracts.base import Message
from newswire_contracts.ids import article_id_for, event_id_for
from newswire_contracts.messages import (
    Actor,
    ArticleFetchedV1,
    ArticleV1,
    Attribution,
    DeadLetterV1,
    Entity,
    Event,
    EventsExtractedV1,
    Evidence,
    FetchRequestedV1,
    Location,
    Modality,
    Occurred,
    Quantity,
    Quote,
    Relevance,
)

__all__ = [
    "Actor",
    "ArticleFetchedV1",
    "ArticleV1",
    "Attribution",
    "DeadLetterV1",
    "Entity",
    "Event",
    "EventsExtractedV1",
    "Evidence",
    "FetchRequestedV1",
    "Location",
    "Message",
    "Modality",
    "Occurred",
    "Quantity",
    "Quote",
    "Relevance",
    "article_id_for",
    "event_id_for",
]
