"""Resolve date expressions ('on Monday', 'June 2', 'last week') against the publication date.

Conventions (documented for consumers of ``Occurred``):
- ``date`` is the first day of the period the expression names; ``precision`` is the smallest
  unit that contains the whole period: 'June 2' -> day, 'last month' -> month, 'last week' ->
  month when the week lies inside one month, else year.
- Expressions without a year, and weekday names, refer to the most recent such day on or before
  the publication date, except a month-and-day up to 60 days ahead, which is this year's (a
  plan). Only for events reported as future do weekdays look forward instead.
- A span that ends at publication ('in the past two days', 'over the last month') is the
  period from that long before publication to publication: 'the last month' is not 'last month'
  (the calendar month before), and its precision is the unit that contains the whole span.
- 'Thursday next week' is that weekday of the week after publication's.
- Without a publication date, relative expressions stay unresolved (``date`` None, the text
  kept); fully specified dates ('2 June 2025') still resolve.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser  # type: ignore[import-untyped]
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

from newswire_contracts import Occurred
from newswire_extractor.rules.lang import word_data
from newswire_extractor.rules.numbers import parse_number

_WORDS = word_data("dates.toml")
_WEEKDAYS: tuple[str, ...] = tuple(_WORDS["weekdays"])
_MONTHS: tuple[str, ...] = tuple(_WORDS["months"])
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {
    str(k): int(v) for k, v in _WORDS["month_abbreviations"].items()
}
_MONTH_RE = r"(?:" + "|".join(sorted(_MONTH_ABBR, key=len, reverse=True)) + r")[a-z]*\.?"
_PARTS_OF_DAY = r"(?:\s+(?:" + "|".join(_WORDS["parts_of_day"]) + r"))?"
_LEAD = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(w) for w in sorted(_WORDS["leading"], key=len, reverse=True))
    + r")\b[\s-]*)+"
)
_RELATIVE_DAYS: dict[str, int] = {str(k): int(v) for k, v in _WORDS["relative_days"].items()}
_STEPS: dict[str, int] = {str(k): int(v) for k, v in _WORDS["periods"]["steps"].items()}
_UNITS = "|".join(_WORDS["periods"]["units"])
_RELATIVE = frozenset(_WORDS["periods"]["relative"])
_ONE = frozenset(_WORDS["periods"]["one"])
_PART_SUFFIX = re.compile(r"\s+(?:" + "|".join(_WORDS["parts_of_day"]) + r")$")
_DAY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AHEAD_DAYS = 60
_AGO_RE = re.compile(r"^(.+?)\s+(day|week|month|year)s?\s+ago$")
_SPAN_RE = re.compile(
    r"^(?:(?:in|over|during|for)\s+)?the\s+(?:past|last)\s+(?:(\S+)\s+)?(hour|day|week|month|year)s?$"
)
_FEW = int(_WORDS["periods"]["few"])
_NEXT_WEEK = re.compile(r"^(.+?)\s+next\s+week$")


def resolve_date(
    expression: str, published: date | None, *, future: bool = False
) -> Occurred | None:
    """The date an expression names, or None when it names no point in time ('two days')."""
    if re.search(r"\bmay\b", expression):
        return None  # the modal verb, not the month (months are capitalized)
    text = _normalize(expression)
    resolvers = (_absolute, _span, _relative_day, _weekday, _ago, _relative_period, _month_or_year)
    for resolver in resolvers:
        try:
            found = resolver(text, published, future)
        except (ValueError, OverflowError):
            return None  # '2025-13-45', '99999 years ago': not a real date
        if found is not None:
            day, precision = found
            return Occurred(date=day, precision=precision, text=expression)
    if _needs_anchor(text, published):
        return Occurred(date=None, precision="unknown", text=expression)
    return None


def _normalize(expression: str) -> str:
    text = " ".join(expression.casefold().replace(",", " ").split())
    text = _PART_SUFFIX.sub("", text)
    return text


def _needs_anchor(text: str, published: date | None) -> bool:
    """A relative expression we recognise but cannot resolve without a publication date."""
    if published is not None:
        return False
    words = set(text.split())
    return bool(words & (_RELATIVE | set(_WEEKDAYS) | set(_MONTHS)))


Resolved = tuple[date, str] | None


def _absolute(text: str, published: date | None, future: bool) -> Resolved:
    """ISO dates and dates with day, month and year ('2 June 2025', 'June 2, 2025')."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3])), "day"
    if not (_YEAR_RE.search(text) and re.search(_MONTH_RE, text) and _DAY_RE.search(text)):
        return None
    parsed = _parse(_LEAD.sub("", text), datetime(2000, 1, 1))
    return (parsed, "day") if parsed else None


def _relative_day(text: str, published: date | None, future: bool) -> Resolved:
    if published is None:
        return None
    text = _LEAD.sub("", text)
    if text in _RELATIVE_DAYS:
        return published + timedelta(days=_RELATIVE_DAYS[text]), "day"
    return None


def _span(text: str, published: date | None, future: bool) -> Resolved:
    """'the past two days', 'over the last month': the span that ends at publication."""
    match = _SPAN_RE.match(text)
    if not match or published is None:
        return None
    count = match[1]
    amount = 1.0 if count is None else float(_FEW) if count == "few" else parse_number(count)
    if amount is None or amount < 1:
        return None
    n, unit = int(amount), match[2]
    if unit == "hour":
        start = published - timedelta(days=-(-n // 24))
    elif unit == "day":
        start = published - timedelta(days=n)
    elif unit == "week":
        start = published - timedelta(weeks=n)
    elif unit == "month":
        start = published - relativedelta(months=n)
    else:
        # 'over the past year': a duration too long to date one happening (and not 'past year').
        raise ValueError("a span of years")
    found = _period(start, (published - start).days + 1)
    if found[1] == "unknown":
        raise ValueError("a span across years")
    return found


def _weekday(text: str, published: date | None, future: bool) -> Resolved:
    following = _NEXT_WEEK.match(text)
    if following and published is not None:
        # 'Thursday next week': that weekday of the week after publication's.
        day = following[1]
        if day not in _WEEKDAYS:
            return None
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=1)
        return monday + timedelta(days=_WEEKDAYS.index(day)), "day"
    match = re.fullmatch(
        r"(?:(" + "|".join(_STEPS) + r")\s+)?(\w+day)" + _PARTS_OF_DAY, _LEAD.sub("", text)
    )
    if not match or match[2] not in _WEEKDAYS or published is None:
        return None
    target = _WEEKDAYS.index(match[2])
    back = (published.weekday() - target) % 7
    if match[1] == "next" or (future and match[1] != "last"):
        ahead = (target - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead), "day"
    if match[1] == "last" and back == 0:
        back = 7
    return published - timedelta(days=back), "day"


def _ago(text: str, published: date | None, future: bool) -> Resolved:
    match = _AGO_RE.match(_LEAD.sub("", text))
    if not match or published is None:
        return None
    amount = 1.0 if match[1] in _ONE else parse_number(match[1])
    if amount is None:
        return None
    n = int(amount)
    unit = match[2]
    if unit == "day":
        return published - timedelta(days=n), "day"
    if unit == "week":
        start = published - timedelta(weeks=n)
        return _period(start - timedelta(days=start.weekday()), 7)
    if unit == "month":
        return (published - relativedelta(months=n)).replace(day=1), "month"
    return date(published.year - n, 1, 1), "year"


def _relative_period(text: str, published: date | None, future: bool) -> Resolved:
    match = re.fullmatch(r"(?:.*\b)?(" + "|".join(_STEPS) + r")\s+(" + _UNITS + ")", text)
    if not match or published is None:
        return None
    step = _STEPS[match[1]]
    unit = match[2]
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return _period(monday, 7)
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if step > 0 or (step == 0 and future):
            saturday += timedelta(weeks=1)
        return _period(saturday, 2)
    if unit == "month":
        return (published.replace(day=1) + relativedelta(months=step)), "month"
    return date(published.year + step, 1, 1), "year"


def _month_or_year(text: str, published: date | None, future: bool) -> Resolved:
    """'June 2', 'mid-June', 'June', 'June 2025', '2024' (year inferred from publication)."""
    last = text.startswith("last ")
    text = _LEAD.sub("", text.removeprefix("last ").removeprefix("this "))
    if text in {"the weekend", "weekend"} and published is not None:
        return _relative_period("last weekend" if not future else "this weekend", published, future)
    year = _YEAR_RE.search(text)
    month = re.search(r"\b" + _MONTH_RE, text)
    if month is None:
        if year and re.fullmatch(r"(?:the\s+)?(?:year\s+)?\d{4}", text):
            return date(int(year[1]), 1, 1), "year"
        return None
    number = _MONTH_ABBR.get(
        month[0].rstrip(".")[:4] if month[0].startswith("sept") else month[0][:3]
    )
    if number is None or not _only_date_words(text):
        return None
    day = _DAY_RE.search(text.replace(year[0], "") if year else text)
    if year:
        return date(int(year[1]), number, 1), "month"
    if published is None:
        return None
    candidate_year = _infer_year(published, number, int(day[1]) if day else 1, future)
    if last and (candidate_year, number) >= (published.year, published.month):
        candidate_year -= 1  # 'last April' in April is a year ago
    if day:
        try:
            return date(candidate_year, number, int(day[1])), "day"
        except ValueError:
            return None
    return date(candidate_year, number, 1), "month"


def _only_date_words(text: str) -> bool:
    """Reject strings that merely contain a month-like word ('may' in 'may be')."""
    allowed = re.compile(r"^(?:" + _MONTH_RE + r"|\d{1,4}(?:st|nd|rd|th)?|of|the|mid|-)$")
    return all(allowed.match(token) for token in re.split(r"[\s-]+", text) if token)


def _infer_year(published: date, month: int, day: int, future: bool) -> int:
    year = published.year
    try:
        candidate = date(year, month, min(day, 28))
    except ValueError:
        return year
    if future:
        return year if candidate >= published else year + 1
    if candidate <= published:
        return year
    # 'from June 16 to June 27' in a story of June 12 is this month's plan, not last year's: a
    # date a few weeks ahead keeps the year (and, being after publication, dates no past event).
    return year if (candidate - published).days <= _AHEAD_DAYS else year - 1


def period_end(found: Occurred) -> date:
    """The last day a resolved date can mean: 'this year' ends on 31 December."""
    assert found.date is not None
    if found.precision == "year":
        return date(found.date.year, 12, 31)
    if found.precision == "month":
        end: date = found.date + relativedelta(day=31)
        return end
    return found.date


def recent(published: date, days: int) -> Occurred:
    """The last ``days`` days up to publication as a date: the period's first day at the
    precision that contains it all (month or year), else the publication day as an upper bound
    (precision 'unknown') when the period spans two years."""
    start, precision = _period(published - timedelta(days=days), days + 1)
    if precision == "unknown":
        return Occurred(date=published, precision="unknown", text=None)
    return Occurred(date=start, precision=precision, text=None)


def _period(start: date, days: int) -> tuple[date, str]:
    end = start + timedelta(days=days - 1)
    if (start.year, start.month) == (end.year, end.month):
        return start, "month"
    return start, "year" if start.year == end.year else "unknown"


def _parse(text: str, default: datetime) -> date | None:
    try:
        parsed: datetime = date_parser.parse(text, default=default, fuzzy=True)
        return parsed.date()
    except (ValueError, OverflowError):
        return None
