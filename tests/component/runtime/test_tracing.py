"""Tracing: with TRACING on, a record's trace follows it from one service's input to the next.

FastStream's in-memory Kafka broker stands in for Kafka: what is tested is our middleware wiring
(spans per consume and publish, trace context carried in the record headers), not the broker.
"""

from __future__ import annotations

from faststream.kafka import KafkaBroker, TestKafkaBroker
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from newswire_runtime.observability import broker_middlewares, new_registry


async def test_one_trace_spans_a_record_and_what_its_handler_publishes() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    middlewares = broker_middlewares(
        "extractor", new_registry(), tracing=True, tracer_provider=provider
    )
    broker = KafkaBroker(middlewares=middlewares)
    seen: list[str] = []

    @broker.subscriber("t.articles.fetched.v1")
    async def extract(body: str) -> None:
        await broker.publish(body.upper(), topic="t.events.extracted.v1")

    @broker.subscriber("t.events.extracted.v1")
    async def store(body: str) -> None:
        seen.append(body)

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish("article a1", topic="t.articles.fetched.v1")

    assert seen == ["ARTICLE A1"]
    spans = exporter.get_finished_spans()
    names = {span.name for span in spans}
    assert "t.articles.fetched.v1 process" in names, names
    assert "t.events.extracted.v1 process" in names, names
    assert "t.events.extracted.v1 publish" in names, names
    traces = {span.context.trace_id for span in spans}
    assert len(traces) == 1, "the published record continues the consumed record's trace"
