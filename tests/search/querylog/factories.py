"""Raw search log rows for tests, on any day (the recording service always writes today)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from search.querylog.models import SearchClick, SearchEvent


def searched(query: str, *, times: int = 1, results: int = 3, language: str = "nl", day: date | None = None) -> None:
    day = day or timezone.localdate()
    SearchEvent.objects.bulk_create(
        [SearchEvent(day=day, query=query, language=language, results=results) for _ in range(times)])


def opened(query: str, page_id: int, *, position: int = 1, times: int = 1, language: str = "nl",
           day: date | None = None) -> None:
    day = day or timezone.localdate()
    SearchClick.objects.bulk_create(
        [SearchClick(day=day, query=query, language=language, page_id=page_id, position=position)
         for _ in range(times)])
