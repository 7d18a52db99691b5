"""Adding a batch of views to the daily counters, once per batch, with an UPSERT.

`INSERT ... ON CONFLICT (page, day) DO UPDATE SET views = views + EXCLUDED.views`: the
database adds, so two batches counted at the same moment (two workers, two servers) both
land, which a read-then-write would not guarantee. PostgreSQL and SQLite (3.24+) speak the
same statement. The batch id is stored in the same transaction: a batch sent again because
its answer was lost finds its id taken and adds nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, connection, transaction

from cms.pageviews.models import PageViewBatch, PageViewDay, ReferrerDay
from cms.pageviews.paths import pages_for_paths
from cms.pageviews.referrers import referrer_domain


@dataclass(frozen=True)
class BatchResult:
    counted: bool  # False: this batch was counted before
    pages: int = 0  # rows added to (distinct pages)
    views: int = 0  # views counted against a page
    unknown_paths: int = 0  # paths that are no public page (not counted)
    referrers: int = 0  # distinct domains


def _upsert(model, key_columns: tuple[str, ...], rows: list[tuple]) -> None:
    """rows: (key values..., views) tuples; added to the row of that key, or a new row."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [*key_columns, "views"]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    views = connection.ops.quote_name("views")
    conflict = ", ".join(connection.ops.quote_name(column) for column in key_columns)
    sql = (
        f"INSERT INTO {table} ({quoted}) VALUES {placeholders} "
        f"ON CONFLICT ({conflict}) DO UPDATE SET {views} = {table}.{views} + EXCLUDED.{views}"
    )
    params = [value for row in sorted(rows) for value in row]  # a fixed order: no deadlock between batches
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def pageviews_add(*, batch: uuid.UUID, day: date, views: dict[str, int], referrers: dict[str, int]) -> BatchResult:
    """Count `views` (site path -> n) and `referrers` (referrer or domain -> n) for `day`, once per `batch`."""
    pages = pages_for_paths(list(views))
    per_page: dict[int, int] = {}
    for site_path, count in views.items():
        if site_path in pages and count > 0:
            per_page[pages[site_path]] = per_page.get(pages[site_path], 0) + count
    per_domain: dict[str, int] = {}
    for value, count in referrers.items():
        domain = referrer_domain(value)
        if domain and count > 0:
            per_domain[domain] = per_domain.get(domain, 0) + count
    try:
        with transaction.atomic():
            PageViewBatch.objects.create(batch=batch)
            _upsert(PageViewDay, ("page_id", "day"), [(page, day, n) for page, n in per_page.items()])
            _upsert(ReferrerDay, ("domain", "day"), [(domain, day, n) for domain, n in per_domain.items()])
    except IntegrityError:
        if PageViewBatch.objects.filter(batch=batch).exists():
            return BatchResult(counted=False)
        raise
    return BatchResult(
        counted=True,
        pages=len(per_page),
        views=sum(per_page.values()),
        unknown_paths=len([path for path in views if path not in pages]),
        referrers=len(per_domain),
    )
