"""Golden JSON files freeze the v1 messages: released shapes keep parsing and round-tripping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from newswire_contracts import ArticleV1, DeadLetterV1, EventsExtractedV1, FetchRequestedV1
from newswire_contracts.messages import MESSAGES
from newswire_contracts.schemas import asyncapi_document, json_schemas

GOLDEN = Path(__file__).parent / "golden"
DOCS = Path(__file__).parents[2] / "docs" / "schemas"


def golden(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_golden_message_round_trips_unchanged(name: str) -> None:
    model = MESSAGES[name]
    parsed = model.model_validate(golden(name))
    dumped = json.loads(parsed.model_dump_json())
    assert {k: dumped[k] for k in golden(name)} == golden(name)
    # Optional fields added to v1 after the golden file was frozen appear at their default.
    added = {k: v for k, v in dumped.items() if k not in golden(name)}
    assert all(v is None for v in added.values()), added


def test_gated_article_round_trips_with_its_reason() -> None:
    # The article gate's shape (added in v1 as the optional `relevance`): no events, a reason.
    data = golden("EventsExtractedV1.gated")
    msg = EventsExtractedV1.model_validate(data)
    assert json.loads(msg.model_dump_json()) == data
    assert msg.relevance is not None and not msg.relevance.codeable
    assert msg.events == [] and msg.relevance.reason.startswith("not codeable: sports")


def test_old_payloads_have_no_relevance() -> None:
    assert EventsExtractedV1.model_validate(golden("EventsExtractedV1")).relevance is None


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_golden_field_is_still_declared(name: str) -> None:
    # Removing or renaming a v1 field is a breaking change: it needs a V2 class and topic.
    declared = set(MESSAGES[name].model_fields)
    assert set(golden(name)) <= declared


def test_unknown_fields_from_newer_producers_are_ignored() -> None:
    data = golden("FetchRequestedV1") | {"priority": "high", "added_in_v1_9": [1, 2]}
    msg = FetchRequestedV1.model_validate(data)
    assert msg.url == "https://news.example/world/istanbul-talks"


def test_schema_version_is_pinned() -> None:
    with pytest.raises(ValidationError):
        FetchRequestedV1.model_validate(golden("FetchRequestedV1") | {"schema_version": 2})


def test_naive_timestamps_are_refused() -> None:
    data = golden("ArticleFetchedV1")
    data["fetched_at"] = "2025-06-03T09:30:00"
    with pytest.raises(ValidationError, match="timezone"):
        MESSAGES["ArticleFetchedV1"].model_validate(data)


def test_messages_are_frozen() -> None:
    msg = FetchRequestedV1.model_validate(golden("FetchRequestedV1"))
    with pytest.raises(ValidationError):
        msg.url = "https://elsewhere.example/"  # type: ignore[misc]


def test_evidence_offsets_in_golden_point_at_the_sentence() -> None:
    msg = EventsExtractedV1.model_validate(golden("EventsExtractedV1"))
    text = msg.article.text
    for event in msg.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        for q in event.quantities:
            assert q.start is not None and q.end is not None
            assert text[q.start : q.end] == q.text


def test_dead_letter_keeps_arbitrary_bytes() -> None:
    letter = DeadLetterV1.model_validate_json((GOLDEN / "DeadLetterV1.json").read_bytes())
    assert letter.original_value == b"\xffnot json"


def test_article_requires_text() -> None:
    with pytest.raises(ValidationError):
        ArticleV1.model_validate({"article_id": "x", "url": "u", "canonical_url": "u"})


def test_committed_json_schemas_are_current() -> None:
    # docs/schemas is what non-Python consumers read; `newswire schemas export docs/schemas`
    # regenerates it after a (compatible) change to the models.
    for name, schema in json_schemas().items():
        committed = json.loads((DOCS / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"docs/schemas/{name}.schema.json is stale"
    committed_api = json.loads((DOCS / "asyncapi.json").read_text(encoding="utf-8"))
    assert committed_api == asyncapi_document()


def test_asyncapi_document_lists_every_topic_and_dead_letter_topic() -> None:
    doc = asyncapi_document("acme.")
    addresses = {c["address"] for c in doc["channels"].values()}
    assert addresses == {
        "acme.fetch.requested.v1",
        "acme.fetch.requested.v1.dlq",
        "acme.articles.fetched.v1",
        "acme.articles.fetched.v1.dlq",
        "acme.events.extracted.v1",
        "acme.events.extracted.v1.dlq",
    }
    assert "#/$defs/" not in json.dumps(doc)
    assert set(doc["components"]["messages"]) == set(MESSAGES)
