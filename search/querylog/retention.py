"""How long the search log keeps what: raw rows for SEARCH_LOG_RETENTION_DAYS, daily counts longer.

Raw rows (one per search or opened result) are the most detailed record, so they go first:
after SEARCH_LOG_RETENTION_DAYS (default 30) they are deleted, whether folded or not, after
a last fold so their counts stay. The daily counts per query keep the words citizens used,
so they have an end too: SEARCH_LOG_DAILY_RETENTION_DAYS (default 400, a year and a month:
enough to compare a month with the same month last year). The counts of withheld queries
hold no text and follow the daily counts.

A row is older than N days when its day is before today minus N days: with 30, a search
made on 1 March is deleted on 1 April (today's date in the site's time zone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from search.querylog.folding import search_log_fold
from search.querylog.models import SearchClick, SearchDay, SearchEvent, SearchPageDay, WithheldDay


@dataclass(frozen=True)
class Purged:
    folded_searches: int
    folded_clicks: int
    raw_rows: int
    daily_rows: int


def search_log_purge(*, raw_days: int | None = None, daily_days: int | None = None, today: date | None = None) -> Purged:
    """Fold what is pending, then delete raw rows and daily counts past their retention periods."""
    raw_days = settings.SEARCH_LOG_RETENTION_DAYS if raw_days is None else raw_days
    daily_days = settings.SEARCH_LOG_DAILY_RETENTION_DAYS if daily_days is None else daily_days
    today = today or timezone.localdate()
    folded = search_log_fold()
    raw_cutoff = today - timedelta(days=raw_days)
    daily_cutoff = today - timedelta(days=daily_days)
    raw = sum(model.objects.filter(day__lt=raw_cutoff).delete()[0] for model in (SearchEvent, SearchClick))
    daily = sum(model.objects.filter(day__lt=daily_cutoff).delete()[0] for model in (SearchDay, SearchPageDay, WithheldDay))
    return Purged(folded_searches=folded.searches, folded_clicks=folded.clicks, raw_rows=raw, daily_rows=daily)
