"""Why candidate events were dropped: a record for debugging recall, free when nobody listens.

Every stage that turns a trigger away (the article gate, assertion, readings, modality, no
actor, no political participant, a stale date, a weaker reading of the same trigger) calls
``dropped``. Inside ``with recording() as drops:`` each call appends a ``Drop`` to ``drops``;
with the logger ``newswire_extractor.drops`` at DEBUG (e.g. ``NEWSWIRE_EXTRACTOR_TRACE=1`` in
the CLI) each is also logged. Otherwise a call costs one context-variable lookup and one level
check.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

TRACE_ENV = "NEWSWIRE_EXTRACTOR_TRACE"
_log = logging.getLogger("newswire_extractor.drops")


@dataclass(frozen=True)
class Drop:
    """One candidate event that gave no event, and which stage and reason turned it away."""

    stage: str  # gate assertion readings modality actor political background link merge eventness
    reason: str
    event_type: str | None = None
    trigger: str = ""
    start: int | None = None  # character offset of the trigger in the article text
    actors: tuple[str, ...] = ()
    sentence: str = ""

    def line(self) -> str:
        """One line for a console: stage, reason, type, trigger, actors and the offset."""
        who = ",".join(self.actors) or "-"
        at = f"@{self.start}" if self.start is not None else ""
        return f"{self.stage}/{self.reason} {self.event_type or '-'} '{self.trigger}'{at} [{who}]"


_SINK: ContextVar[list[Drop] | None] = ContextVar("newswire_extractor_drops", default=None)


@contextmanager
def recording() -> Iterator[list[Drop]]:
    """Collect the drops of everything extracted inside the block (this thread/context)."""
    sink: list[Drop] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def active() -> bool:
    """Someone listens: callers may skip building a costly ``Drop`` otherwise."""
    return _SINK.get() is not None or _log.isEnabledFor(logging.DEBUG)


def dropped(
    stage: str,
    reason: str,
    event_type: str | None = None,
    *,
    trigger: str = "",
    start: int | None = None,
    actors: Sequence[str] = (),
    sentence: str = "",
) -> None:
    """Note one dropped candidate (a no-op unless recording or debug logging is on)."""
    if not active():
        return
    drop = Drop(stage, reason, event_type, trigger, start, tuple(actors), sentence)
    sink = _SINK.get()
    if sink is not None:
        sink.append(drop)
    _log.debug("%s", drop.line())


def configure_from_env() -> None:
    """``NEWSWIRE_EXTRACTOR_TRACE=1``: log every drop to stderr at DEBUG."""
    if os.environ.get(TRACE_ENV, "").strip() not in ("", "0", "false", "no"):
        if not _log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("drop %(message)s"))
            _log.addHandler(handler)
        _log.setLevel(logging.DEBUG)
