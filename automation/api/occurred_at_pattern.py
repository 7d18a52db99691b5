"""The `occurred_at` an event may carry, as a pattern the OpenAPI document can state.

The events endpoint refuses a milestone in the future (beyond AUTOMATION_EVENT_CLOCK_SKEW_SECONDS)
and one older than AUTOMATION_EVENT_MAX_AGE_DAYS: a window that moves with the clock, which
JSON Schema cannot say with `format: date-time` alone. The document is built when it is
served, so it states the window of that day as a pattern: RFC 3339 date-times on the days
strictly inside it (a day's margin on each side absorbs any UTC offset and the hours until
the document is read again). A date-time on the window's first or last day may be accepted
too; the pattern promises only what is accepted all day long.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

TIME = r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?(?:Z|[+-](?:0[0-9]|1[0-3]):[0-5][0-9])"


FULL_MONTH = {28: "0[1-9]|1[0-9]|2[0-8]", 29: "0[1-9]|[12][0-9]", 30: "0[1-9]|[12][0-9]|30", 31: "0[1-9]|[12][0-9]|3[01]"}


def _year(year: int) -> str:
    """Every day of `year`."""
    february = 29 if calendar.isleap(year) else 28
    return (f"{year:04d}-(?:(?:0[13578]|1[02])-(?:{FULL_MONTH[31]})|(?:0[469]|11)-(?:{FULL_MONTH[30]})"
            f"|02-(?:{FULL_MONTH[february]}))")


def _month(year: int, month: int, first: int, last: int) -> str:
    """Days `first` to `last` of one month."""
    length = calendar.monthrange(year, month)[1]
    days = FULL_MONTH[length] if (first, last) == (1, length) else "|".join(f"{day:02d}" for day in range(first, last + 1))
    return f"{year:04d}-{month:02d}-(?:{days})"


def _months(year: int, first: date, last: date) -> list[str]:
    """The days of `year` from `first` to `last` (both in or around that year), month by month."""
    parts = []
    for month in range(1, 13):
        length = calendar.monthrange(year, month)[1]
        start = date(year, month, 1) if (year, month) != (first.year, first.month) else first
        end = date(year, month, length) if (year, month) != (last.year, last.month) else last
        if start <= end and date(year, month, 1) <= last and date(year, month, length) >= first:
            parts.append(_month(year, month, start.day, end.day))
    return parts


def dates_between(first: date, last: date) -> str:
    """A regex alternation matching every YYYY-MM-DD from `first` to `last`, both included."""
    parts = []
    for year in range(first.year, last.year + 1):
        whole = first <= date(year, 1, 1) and date(year, 12, 31) <= last
        parts.extend([_year(year)] if whole else _months(year, first, last))
    return "|".join(parts)


def occurred_at_pattern(today: date | None = None) -> str:
    today = today or timezone.now().date()
    first = today - timedelta(days=settings.AUTOMATION_EVENT_MAX_AGE_DAYS - 1)
    last = today - timedelta(days=1)
    return rf"^(?:{dates_between(first, last)}){TIME}$"
