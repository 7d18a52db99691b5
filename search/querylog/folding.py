"""Folding raw search rows into daily counts, in batches, safely beside other folds and live writes.

Each batch is one transaction: claim unfolded raw rows (`FOR UPDATE SKIP LOCKED` on
PostgreSQL, so two folds running at once take different rows and neither waits), add their
counts to the daily rows (one upsert per batch, `increments.py`), mark them folded. A fold
that dies leaves its batch unfolded and unlocked for the next one; a row is never counted
twice, because marking it folded commits together with the counts it added.

Reports read the daily counts plus the rows not folded yet (`report.py`), so how often this
runs decides how much they read, not what they show: beat runs it hourly, and the daily
purge runs it first so nothing is deleted before it is counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from search.querylog.increments import counts_add
from search.querylog.models import SearchClick, SearchDay, SearchEvent, SearchPageDay

BATCH_SIZE = 5000


@dataclass(frozen=True)
class Folded:
    searches: int
    clicks: int


def _claim(model, fields: tuple[str, ...], batch_size: int) -> list[tuple]:
    claimed = model.objects.select_for_update(skip_locked=True).filter(folded=False).order_by("pk")
    return list(claimed.values_list("pk", *fields)[:batch_size])


def _fold_searches(batch_size: int) -> int:
    with transaction.atomic():
        rows = _claim(SearchEvent, ("day", "query", "language", "results"), batch_size)
        searches, empty = Counter(), Counter()
        for _pk, day, query, language, results in rows:
            searches[day, query, language] += 1
            empty[day, query, language] += results == 0
        counts_add(
            SearchDay,
            [{"day": d, "query": q, "language": lang, "searches": n, "empty": empty[d, q, lang]}
             for (d, q, lang), n in searches.items()],
            key=("day", "query", "language"),
            counts=("searches", "empty"),
        )
        SearchEvent.objects.filter(pk__in=[row[0] for row in rows]).update(folded=True)
    return len(rows)


def _fold_clicks(batch_size: int) -> int:
    with transaction.atomic():
        rows = _claim(SearchClick, ("day", "query", "language", "page_id", "position"), batch_size)
        clicks, positions = Counter(), Counter()
        for _pk, day, query, language, page_id, position in rows:
            clicks[day, query, language, page_id] += 1
            positions[day, query, language, page_id] += position
        counts_add(
            SearchPageDay,
            [{"day": d, "query": q, "language": lang, "page_id": page, "clicks": n,
              "position_sum": positions[d, q, lang, page]}
             for (d, q, lang, page), n in clicks.items()],
            key=("day", "query", "language", "page_id"),
            counts=("clicks", "position_sum"),
        )
        SearchClick.objects.filter(pk__in=[row[0] for row in rows]).update(folded=True)
    return len(rows)


def search_log_fold(*, batch_size: int = BATCH_SIZE) -> Folded:
    """Fold every raw row not folded yet; returns how many searches and clicks were folded."""
    totals = {"searches": 0, "clicks": 0}
    for name, fold in (("searches", _fold_searches), ("clicks", _fold_clicks)):
        while True:
            folded = fold(batch_size)
            totals[name] += folded
            if folded < batch_size:
                break
    return Folded(**totals)
