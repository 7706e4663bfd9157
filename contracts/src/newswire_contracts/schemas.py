"""JSON Schemas and an AsyncAPI 3.0 document generated from the message models.

Non-Python consumers read these instead of the Python classes; `newswire schemas export` writes
them to disk and a test keeps the committed copies in `docs/schemas/` current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newswire_contracts import topics
from newswire_contracts.messages import MESSAGES

# Which message travels on which topic, and who sends and receives it.
CHANNELS: dict[str, tuple[str, str, list[str]]] = {
    topics.FETCH_REQUESTED: ("FetchRequestedV1", "anyone (sources poller, operators)", ["fetcher"]),
    topics.ARTICLES_FETCHED: ("ArticleFetchedV1", "fetcher", ["extractor"]),
    topics.EVENTS_EXTRACTED: ("EventsExtractedV1", "extractor", ["store", "downstream teams"]),
}
KEYS = {
    topics.FETCH_REQUESTED: "canonical URL",
    topics.ARTICLES_FETCHED: "article_id",
    topics.EVENTS_EXTRACTED: "article_id",
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema (draft 2020-12) per message class, keyed by class name."""
    out: dict[str, dict[str, Any]] = {}
    for name, model in MESSAGES.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"urn:newswire:schema:{name}"
        out[name] = schema
    return out


def _channel(address: str, message: str, description: str) -> dict[str, Any]:
    return {
        "address": address,
        "description": description,
        "messages": {message: {"$ref": f"#/components/messages/{message}"}},
    }


def asyncapi_document(prefix: str = topics.DEFAULT_PREFIX) -> dict[str, Any]:
    """An AsyncAPI 3.0 document for every topic, its dead-letter topic and the messages."""
    schemas = json_schemas()
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    for name, (message, sender, receivers) in CHANNELS.items():
        cid = name.replace(".", "_")
        channels[cid] = _channel(
            topics.topic(name, prefix),
            message,
            f"{message}, keyed by {KEYS[name]}. Sent by {sender}; read by {', '.join(receivers)}.",
        )
        channels[f"{cid}_dlq"] = _channel(
            topics.dlq(name, prefix),
            "DeadLetterV1",
            f"Records of {topics.topic(name, prefix)} that can never succeed, with the reason.",
        )
        operations[f"receive_{cid}"] = {
            "action": "receive",
            "channel": {"$ref": f"#/channels/{cid}"},
            "summary": f"{', '.join(receivers)} consume {message}.",
        }
    components_schemas: dict[str, Any] = {}
    for name, schema in schemas.items():
        defs = schema.pop("$defs", {})
        components_schemas.update(defs)
        components_schemas[name] = schema
    text = json.dumps(components_schemas).replace("#/$defs/", "#/components/schemas/")
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Newswire",
            "version": "1.0.0",
            "description": "News articles to PLOVER events. JSON (UTF-8) messages on Kafka; "
            "within a major version only optional fields are added.",
        },
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {
            "messages": {
                name: {"name": name, "payload": {"$ref": f"#/components/schemas/{name}"}}
                for name in MESSAGES
            },
            "schemas": json.loads(text),
        },
    }


def export(directory: Path, prefix: str = topics.DEFAULT_PREFIX) -> list[Path]:
    """Write ``<Message>.schema.json`` files and ``asyncapi.json``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, schema in json_schemas().items():
        path = directory / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    path = directory / "asyncapi.json"
    doc = asyncapi_document(prefix)
    path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    written.append(path)
    return written
