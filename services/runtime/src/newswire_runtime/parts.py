"""What a service's bootstrap builds: its steps, start-up and shutdown.

Each service's ``bootstrap.build(settings)`` is the only place that wires its clients and
repositories; the Kafka app and the in-process bus attach the same parts. A topic is declared
once, by the step that consumes or publishes it (``Step.input_topic``, ``Step.outputs``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newswire_runtime.delivery import Step

Hook = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class ServiceParts:
    steps: Sequence[Step[Any]]
    startup: Sequence[Hook] = field(default_factory=tuple)
    shutdown: Sequence[Hook] = field(default_factory=tuple)

    @property
    def outputs(self) -> tuple[str, ...]:
        """The topics (without prefix) the steps publish to, each once, as they declare them."""
        return tuple(dict.fromkeys(name for step in self.steps for name in step.outputs))

    async def start(self) -> None:
        for hook in self.startup:
            await hook()

    async def stop(self) -> None:
        """Run every shutdown hook, last registered first, even when one fails."""
        errors: list[BaseException] = []
        for hook in reversed(self.shutdown):
            try:
                await hook()
            except Exception as exc:  # the rest must still close; re-raised below
                errors.append(exc)
        if errors:
            raise errors[0]
