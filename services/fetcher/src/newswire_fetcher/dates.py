"""Reading page dates into timezone-aware datetimes and refusing implausible ones."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil import parser as dateparser  # type: ignore[import-untyped]

from newswire_fetcher.datewords import english_date

# "18.05.2025" is day-first wherever it is written; "05/06/2025" stays dateutil's guess.
_DOTTED = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# A zone-less "10:00" written in UTC+14 is 14 hours "ahead" of UTC; anything beyond that
# is genuinely in the future (countdowns, event dates, cache expiry stamps in scripts).
NAIVE_FUTURE_SLACK = dt.timedelta(hours=14)
# Clock skew between the publisher's server and ours.
AWARE_FUTURE_SLACK = dt.timedelta(minutes=5)
# Two page dates this close are one statement of the same moment.
SAME_MINUTE = dt.timedelta(minutes=1)
# Older than this is a placeholder ("0001-01-01", "1970-01-01"), not a publication date.
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
# Unambiguous zone abbreviations seen on news pages ("IST" and "CST" mean several zones).
_ZONE_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2, "MEZ": 1,
    "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
    "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip


def parse_page_date(value: object, *, reference: dt.datetime) -> dt.datetime | None:
    """An aware datetime from a page date string, or None if unreadable or implausible.

    Zone-less values are assumed to be UTC: pages rarely say which zone they mean, and UTC
    keeps the calendar date right to within the page's own offset. ``reference`` is the fetch
    time; a date after it cannot be when the article was published.
    """
    found = read_page_date(value, reference=reference)
    return found.moment if found else None


@dataclass(frozen=True, slots=True)
class PageDate:
    """A plausible page date; ``zoned`` is false when the page gave no offset (UTC assumed)."""

    moment: dt.datetime
    zoned: bool


def read_page_date(value: object, *, reference: dt.datetime) -> PageDate | None:
    """Like parse_page_date, but also saying whether the page wrote a UTC offset."""
    if not isinstance(value, str) or not (text := value.strip()):
        return None
    parsed = _parse(text)
    if parsed is None:
        return None
    naive = parsed.tzinfo is None or parsed.utcoffset() is None
    aware = parsed.replace(tzinfo=dt.UTC) if naive else parsed
    slack = NAIVE_FUTURE_SLACK if naive else AWARE_FUTURE_SLACK
    if aware > reference + slack or aware < EARLIEST:
        return None
    return PageDate(aware, zoned=not naive)


def with_local_offset(chosen: PageDate, others: Iterable[PageDate]) -> dt.datetime:
    """``chosen`` in the publisher's own UTC offset, when another date on the page shows it.

    Many CMSs write JSON-LD in UTC ("…T22:30:00Z") and a meta tag or <time> in local time
    ("…T00:30:00+02:00"): the same instant, but the second names the calendar day the
    publisher printed. A zone-less date ("2025-05-18T19:30") takes the offset of a zoned one
    showing the same wall-clock time. The instant of a zoned date never changes.
    """
    moment = chosen.moment
    if chosen.zoned and moment.utcoffset() != dt.timedelta(0):
        return moment
    for other in others:
        offset = other.moment.utcoffset()
        if not other.zoned or offset is None or offset == dt.timedelta(0):
            continue
        if chosen.zoned and abs(other.moment - moment) < SAME_MINUTE:
            return moment.astimezone(other.moment.tzinfo)
        wall = moment.replace(tzinfo=None)
        if not chosen.zoned and abs(other.moment.replace(tzinfo=None) - wall) < SAME_MINUTE:
            return moment.replace(tzinfo=other.moment.tzinfo)
    return moment


def _parse(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    # A fixed default keeps "March 2024" from borrowing today's day of month.
    default = dt.datetime(2000, 1, 1)
    for candidate in dict.fromkeys((text, english_date(text))):
        try:
            parsed: dt.datetime = dateparser.parse(
                candidate,
                default=default,
                tzinfos=_zone,
                dayfirst=_DOTTED.search(candidate) is not None,
            )
            return parsed
        except (ValueError, OverflowError, TypeError):
            continue
    return None


def _zone(name: str | None, offset: int | None) -> dt.tzinfo | None:
    # A callable keeps dateutil from warning about unknown names; those stay naive (UTC).
    if offset is not None:
        return dt.timezone(dt.timedelta(seconds=offset))
    hours = _ZONE_HOURS.get((name or "").upper())
    return None if hours is None else dt.timezone(dt.timedelta(hours=hours))
