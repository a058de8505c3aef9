"""Event dates with their precision, and the resolution of relative dates against a publication date.

News says "on Wednesday"; the graph needs 2020-08-12. :func:`parse_date` reads absolute dates (a day,
a month, a year, or an interval ``A/B``) and relative ones anchored at the date an article was
published.

Examples
--------
>>> from datetime import date
>>> published = date(2020, 8, 15)                     # a Saturday
>>> parse_date("on Wednesday", anchor=published).start
datetime.date(2020, 8, 12)
>>> parse_date("2020-08").precision, parse_date("2020-08").end
('month', datetime.date(2020, 8, 31))
>>> str(parse_date("2020-08-09/2020-08-15"))
'2020-08-09/2020-08-15'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["PRECISIONS", "DateError", "EventDate", "parse_date"]

PRECISIONS = ("day", "month", "year", "interval")
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


class DateError(ValueError):
    """A date that cannot be read; the message says why."""


@dataclass(frozen=True)
class EventDate:
    """When something happened: a day, a month, a year, or an interval of days.

    Attributes
    ----------
    start : date
        The day, or the first day of the period.
    end : date or None
        The last day of the period (None for a single day, or for an interval still open).
    precision : str
        One of ``"day"``, ``"month"``, ``"year"``, ``"interval"``.
    """

    start: date
    end: date | None = None
    precision: str = "day"

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise DateError(f"unknown date precision {self.precision!r}")
        if self.end is not None and self.end < self.start:
            raise DateError(f"date interval ends ({self.end}) before it starts ({self.start})")

    def __str__(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat() if self.end else '..'}"


_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _absolute(text: str) -> EventDate:
    match = _ABSOLUTE.match(text)
    if not match:
        raise DateError(f"bad date {text!r}: expected YYYY-MM-DD, YYYY-MM, YYYY, an interval A/B, "
                        "or a phrase such as 'on Wednesday'")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return EventDate(date(year, 1, 1), date(year, 12, 31), "year")
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return EventDate(date(year, month, 1), date(year, month, last), "month")
        return EventDate(date(year, month, day))
    except ValueError as exc:
        raise DateError(f"bad date {text!r}: {exc}") from None


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WRITTEN = [  # (pattern, groups as day/month/year)
    (re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH},? (\d{{4}})$"), "dmy"),
    (re.compile(rf"^{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})$"), "mdy"),
    (re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}$"), "dm"),
    (re.compile(rf"^{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?$"), "md"),
    (re.compile(rf"^{_MONTH},? (\d{{4}})$"), "my"),
    (re.compile(rf"^{_MONTH}$"), "m"),
]


def _written(text: str, anchor: date | None, *, future: bool) -> EventDate | None:
    """``12 August 2021``, ``August 12, 2021``, ``on 12 August``, ``in August 2021``, ``in August``."""
    phrase = " ".join(text.lower().split())
    for prefix in ("on ", "in ", "since ", "early ", "late ", "mid-"):
        phrase = phrase.removeprefix(prefix)
    for pattern, order in _WRITTEN:
        match = pattern.match(phrase)
        if not match:
            continue
        values = dict(zip(order, match.groups(), strict=True))
        month = _MONTHS[values["m"]]
        if "y" in values:
            year = int(values["y"])
        elif anchor is None:
            raise DateError(f"date {text!r} has no year and needs the source's publication date")
        else:
            year = anchor.year  # the nearest such day: last year's if it would be after the anchor
            probe = date(year, month, min(int(values.get("d", 1)), 28))
            if not future and probe > anchor:
                year -= 1
            elif future and probe < anchor and "d" in values:
                year += 1
        try:
            if "d" in values:
                return EventDate(date(year, month, int(values["d"])))
        except ValueError as exc:
            raise DateError(f"bad date {text!r}: {exc}") from None
        return _absolute(f"{year:04d}-{month:02d}")
    return None


def _relative(text: str, anchor: date, *, future: bool) -> EventDate | None:
    phrase = " ".join(text.lower().split())
    phrase = phrase.removeprefix("on ")
    if phrase in ("today", "this morning", "tonight", "this evening", "this afternoon"):
        return EventDate(anchor)
    if phrase in ("yesterday", "last night"):
        return EventDate(anchor - timedelta(days=1))
    if phrase == "tomorrow":
        return EventDate(anchor + timedelta(days=1))
    if phrase in ("last week", "previous week"):
        monday = anchor - timedelta(days=anchor.weekday() + 7)
        return EventDate(monday, monday + timedelta(days=6), "interval")
    if phrase == "this week":
        monday = anchor - timedelta(days=anchor.weekday())
        return EventDate(monday, monday + timedelta(days=6), "interval")
    if phrase in ("last month", "previous month"):
        first = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
        return _absolute(first.isoformat()[:7])
    if phrase == "last year":
        return _absolute(str(anchor.year - 1))
    words = phrase.split()
    if words and words[-1] in _WEEKDAYS and len(words) <= 2:
        target = _WEEKDAYS[words[-1]]
        qualifier = words[0] if len(words) == 2 else None
        if qualifier not in (None, "last", "next", "this", "earlier", "later"):
            return None
        if qualifier == "next" or (future and qualifier != "last"):
            delta = (target - anchor.weekday()) % 7 or (7 if qualifier == "next" else 0)
            return EventDate(anchor + timedelta(days=delta))
        back = (anchor.weekday() - target) % 7
        if qualifier == "last" and back == 0:
            back = 7
        return EventDate(anchor - timedelta(days=back))
    return None


def parse_date(value: str | date | datetime, *, anchor: date | None = None, future: bool = False) -> EventDate:
    """Read a date as written by a curator or found in text.

    Parameters
    ----------
    value : str or date
        ``2020-08-15``, ``2020-08``, ``2020``, an interval ``2020-08-09/2020-08-15`` (either side may be
        a month or a year), a written date (``12 August 2021``, ``August 12, 2021``, ``on 12 August``,
        ``in August 2021``), or a relative phrase: ``on Wednesday``, ``last Monday``, ``yesterday``,
        ``today``, ``last week``, ``last month``, ``last year``. A written date without a year is the
        nearest such day before the anchor (after it, with ``future``).
    anchor : date, optional
        The publication date that relative phrases are resolved against.
    future : bool
        Resolve a bare weekday forwards ("will meet on Monday") instead of backwards.

    Returns
    -------
    EventDate

    Raises
    ------
    DateError
        If the value cannot be read, or is relative and no anchor is given.

    Examples
    --------
    >>> from datetime import date
    >>> str(parse_date("on Monday", anchor=date(2020, 8, 15)))
    '2020-08-10'
    >>> str(parse_date("Monday", anchor=date(2020, 8, 15), future=True))
    '2020-08-17'
    >>> parse_date("last week", anchor=date(2020, 8, 15)).start
    datetime.date(2020, 8, 3)
    >>> str(parse_date("on 9 August", anchor=date(2020, 8, 15))), str(parse_date("August 9, 2020"))
    ('2020-08-09', '2020-08-09')
    >>> str(parse_date("in December", anchor=date(2021, 3, 1)))
    '2020-12'
    >>> parse_date("2020-02-30")
    Traceback (most recent call last):
    ...
    kg.dates.DateError: bad date '2020-02-30': day is out of range for month
    """
    if isinstance(value, datetime):
        return EventDate(value.date())
    if isinstance(value, date):
        return EventDate(value)
    if not isinstance(value, str):
        raise DateError(f"bad date {value!r}: expected text such as 2020-08-15")
    text = value.strip()
    if "/" in text:
        left, _, right = text.partition("/")
        start = parse_date(left, anchor=anchor)
        end = parse_date(right, anchor=anchor)
        return EventDate(start.start, end.end or end.start, "interval")
    written = _written(text, anchor, future=future)
    if written is not None:
        return written
    if text[:1].isdigit():
        return _absolute(text)
    if anchor is None:
        raise DateError(f"relative date {text!r} needs the source's publication date to resolve against")
    resolved = _relative(text, anchor, future=future)
    if resolved is None:
        raise DateError(f"bad date {text!r}: expected YYYY-MM-DD, YYYY-MM, YYYY, an interval A/B, "
                        "or a phrase such as 'on Wednesday'")
    return resolved
