"""In-process transport: the same StepRunners connected by asyncio queues (used by the demo).

Topics with a subscriber feed its queue; every published record is also kept per topic so the
caller can inspect outputs and dead letters.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

from newswire_runtime.delivery import Delivery, Outgoing, RetryPolicy, Step, StepRunner
from newswire_runtime.producer import Producer


class LocalBus:
    """A tiny in-memory broker with one worker pool per subscribed topic."""

    def __init__(self, *, prefix: str, policy: RetryPolicy | None = None) -> None:
        self.prefix = prefix
        self.policy = policy
        self.published: dict[str, list[tuple[str | None, bytes]]] = defaultdict(list)
        self._runners: dict[str, StepRunner[Any]] = {}
        self._queues: dict[str, asyncio.Queue[Delivery]] = {}
        self._offsets: dict[str, int] = defaultdict(int)
        # What the embedding code publishes goes through the same size and retry policy.
        self.producer = Producer(self, prefix=prefix, service="local", policy=policy)

    def attach(self, step: Step[Any]) -> StepRunner[Any]:
        runner: StepRunner[Any] = StepRunner(step, self, prefix=self.prefix, policy=self.policy)
        self._runners[runner.topic] = runner
        self._queues[runner.topic] = asyncio.Queue()
        return runner

    async def send(self, out: Outgoing) -> None:
        """Publish a message as a step would (topic without prefix, size-checked)."""
        await self.producer.send(out)

    async def publish(self, topic: str, key: str | None, value: bytes) -> None:
        self.published[topic].append((key, value))
        queue = self._queues.get(topic)
        if queue is not None:
            offset = self._offsets[topic]
            self._offsets[topic] += 1
            key_bytes = key.encode() if key is not None else None
            await queue.put(Delivery(topic=topic, value=value, key=key_bytes, offset=offset))

    async def run_until_idle(self, *, workers: int = 2) -> None:
        """Process queued records (and everything they cause) until no work is left."""
        tasks = [
            asyncio.create_task(self._work(topic)) for topic in self._queues for _ in range(workers)
        ]
        try:
            while True:
                for queue in self._queues.values():
                    await queue.join()
                if all(q.empty() and q._unfinished_tasks == 0 for q in self._queues.values()):  # type: ignore[attr-defined]
                    break
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _work(self, topic: str) -> None:
        queue = self._queues[topic]
        runner = self._runners[topic]
        while True:
            delivery = await queue.get()
            try:
                await runner.deliver(delivery)
            finally:
                queue.task_done()
