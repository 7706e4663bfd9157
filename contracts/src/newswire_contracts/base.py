"""The base every Newswire message shares: frozen, forward compatible, traceable, UTC-stamped."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _require_aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(_require_aware)]


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class Record(BaseModel):
    """A frozen value that ignores unknown fields, so older readers accept newer writers."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class Message(Record):
    """Envelope fields of every message on a topic."""

    message_id: str = Field(default_factory=new_id, description="Unique id of this message.")
    correlation_id: str | None = Field(
        default=None, description="Id carried along one article's trip through the pipeline."
    )
    produced_at: AwareDatetime = Field(default_factory=utc_now, description="UTC send time.")
