"""Topic names: the only place a topic is spelled. Names carry the contract's major version."""

from __future__ import annotations

FETCH_REQUESTED = "fetch.requested.v1"
ARTICLES_FETCHED = "articles.fetched.v1"
EVENTS_EXTRACTED = "events.extracted.v1"

INPUT_TOPICS = (FETCH_REQUESTED, ARTICLES_FETCHED, EVENTS_EXTRACTED)
DEFAULT_PREFIX = "newswire."


def topic(name: str, prefix: str = DEFAULT_PREFIX) -> str:
    """The full topic name for a deployment prefix (several deployments can share a cluster)."""
    return f"{prefix}{name}"


def dlq(name: str, prefix: str = DEFAULT_PREFIX) -> str:
    """The dead-letter topic of an input topic."""
    return f"{prefix}{name}.dlq"
