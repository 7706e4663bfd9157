"""Page cursors: each order's cursor round-trips, and nothing else is taken for one."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from newswire_store.filters import Cursor, EventFilter, QueryError

MOMENT = dt.datetime(2025, 6, 1, 12, 0, 0, 123456, tzinfo=dt.UTC)


def forged(fields: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("cursor", "order"),
    [
        (Cursor(dt.date(2025, 3, 3), "ab12"), "occurred"),
        (Cursor(None, "ab12"), "occurred"),
        (Cursor.of("extracted", dt.date(2025, 3, 3), MOMENT, "ab12"), "extracted"),
    ],
)
def test_a_cursor_round_trips_in_its_own_order(cursor: Cursor, order: str) -> None:
    assert cursor.order == order
    assert Cursor.decode(cursor.encode(), cursor.order) == cursor


def test_the_extracted_cursor_keeps_microseconds_and_utc() -> None:
    kyiv = MOMENT.astimezone(dt.timezone(dt.timedelta(hours=3)))
    cursor = Cursor.of("extracted", None, kyiv, "ab12")
    assert cursor.extracted_at == MOMENT
    assert cursor.extracted_at is not None
    assert cursor.extracted_at.tzinfo == dt.UTC
    assert Cursor.decode(cursor.encode(), "extracted").extracted_at == MOMENT


@pytest.mark.parametrize(
    "token",
    [
        "not-a-cursor",
        forged({"a": 1}),
        forged(["x", "2025-06-01T12:00:00", "ab12"]),  # no offset: not one we made
        forged(["x", 5, "ab12"]),
        forged(["2025-06-01", 7]),
        forged(["2025-06-01", "a\u0000b"]),
    ],
)
def test_anything_else_is_refused(token: str) -> None:
    with pytest.raises(QueryError, match="not one this API returned"):
        Cursor.decode(token, "extracted")
    with pytest.raises(QueryError, match="not one this API returned"):
        Cursor.decode(token, "occurred")


def test_a_cursor_continues_only_its_order() -> None:
    token = Cursor(dt.date(2025, 3, 3), "ab12").encode()
    with pytest.raises(QueryError, match="order=occurred"):
        Cursor.decode(token, "extracted")


def test_extracted_since_without_an_offset_is_utc() -> None:
    naive = EventFilter(extracted_since=dt.datetime(2025, 6, 1, 12, 0))
    aware = EventFilter(
        extracted_since=dt.datetime(2025, 6, 1, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    )
    assert (
        naive.extracted_since
        == aware.extracted_since
        == dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)
    )
