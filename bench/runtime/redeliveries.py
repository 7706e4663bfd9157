"""How often one bad record is delivered: a 900 KiB non-JSON record on a real broker.

Runs one step through the runtime's Kafka transport (``attach``) on fresh topics, publishes the
record followed by one good record, and counts for ``--seconds`` how many times the bad record
reaches the runner and whether the good one got through. Before the size policy its dead letter
(base64, a third larger) exceeded the broker's limit, the error escaped, and the record was
redelivered in a tight loop.

    uv run python bench/runtime/redeliveries.py --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import uuid
from collections import Counter
from collections.abc import Sequence

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from newswire_contracts import FetchRequestedV1
from newswire_contracts.topics import FETCH_REQUESTED, dlq, topic
from newswire_runtime import Outgoing, ServiceSettings, Step
from newswire_runtime.kafka import attach, create_broker


async def run(bootstrap: str, seconds: float, size: int) -> None:
    prefix = f"redeliver{uuid.uuid4().hex[:8]}."
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    # Topics as the broker makes them by default (max.message.bytes ~1 MiB), one partition.
    await admin.create_topics(
        [NewTopic(n, 1, 1) for n in (topic(FETCH_REQUESTED, prefix), dlq(FETCH_REQUESTED, prefix))]
    )
    await admin.close()
    good_seen = asyncio.Event()

    async def handle(msg: FetchRequestedV1) -> Sequence[Outgoing]:
        good_seen.set()
        return []

    settings = ServiceSettings(
        service_name="bench", kafka_bootstrap=bootstrap, topic_prefix=prefix, group_id=prefix
    )
    broker = create_broker(settings)
    runner = attach(broker, Step("bench", FETCH_REQUESTED, FetchRequestedV1, handle), settings)
    deliveries: Counter[int] = Counter()
    original = runner.deliver

    async def counted(delivery):  # type: ignore[no-untyped-def]
        deliveries[delivery.offset] += 1
        return await original(delivery)

    runner.deliver = counted  # type: ignore[method-assign]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=2 * 1024 * 1024)
    await producer.start()
    name = topic(FETCH_REQUESTED, prefix)
    await producer.send_and_wait(name, b"\xff" * size, key=b"k")
    good = FetchRequestedV1(url="https://example.org/a").model_dump_json().encode()
    await producer.send_and_wait(name, good, key=b"k")
    await producer.stop()
    logging.getLogger("newswire").setLevel(logging.CRITICAL)
    async with broker:
        await broker.start()
        try:
            await asyncio.wait_for(good_seen.wait(), seconds)
            outcome = "the good record behind it was processed"
        except TimeoutError:
            outcome = f"the good record behind it was NOT processed within {seconds:.0f}s"
    print(f"{size} byte non-JSON record delivered {deliveries[0]} time(s); {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--size", type=int, default=900 * 1024)
    args = parser.parse_args()
    asyncio.run(run(args.bootstrap, args.seconds, args.size))


if __name__ == "__main__":
    main()
