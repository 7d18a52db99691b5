"""The pending index updates table: what must still reach the search index, and what did.

A signal records a row in the transaction that changed the page; the sync task reads the
open rows it is about to apply (a snapshot of id and `requested_at`), reads the pages,
writes the index, and only then marks exactly those rows applied. A row asked for again
meanwhile has a new `requested_at`, so it stays open and is applied by the next run: an
update is never marked done on the strength of an older read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F, Q
from django.utils import timezone

from .models import PendingIndexUpdate

Action = PendingIndexUpdate.Action
#: Rows are marked applied in OR-chains of this many (SQLite limits expression depth).
MARK_CHUNK = 100
#: A fresh row is left to the task its own commit queued before the periodic run takes it.
GRACE = timedelta(seconds=30)
#: Applied rows are kept this long (a rebuild uses them to catch up), then purged.
KEEP_APPLIED = timedelta(days=1)


@dataclass(frozen=True)
class OpenUpdate:
    pk: int
    page_id: int
    requested_at: datetime


def pending_updates_record(*, page_ids, action: str) -> None:
    """Ask for these pages to be (re)indexed or removed; an existing row is refreshed and reopened."""
    now = timezone.now()
    rows = [PendingIndexUpdate(page_id=page_id, action=action, requested_at=now) for page_id in sorted(set(page_ids))]
    if rows:
        PendingIndexUpdate.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page_id", "action"],
            update_fields=["requested_at", "applied_at", "attempts", "last_error"],
        )


def open_updates(page_ids=None) -> list[OpenUpdate]:
    """The open rows for `page_ids` (all open rows when None), as a snapshot to mark later."""
    rows = PendingIndexUpdate.objects.filter(applied_at__isnull=True)
    if page_ids is not None:
        rows = rows.filter(page_id__in=list(page_ids))
    return [OpenUpdate(*values) for values in rows.values_list("pk", "page_id", "requested_at")]


def mark_applied(updates: list[OpenUpdate]) -> int:
    """Close the rows of the snapshot that were not asked for again since; returns how many."""
    now, closed = timezone.now(), 0
    for start in range(0, len(updates), MARK_CHUNK):
        same = Q(pk__in=[])
        for update in updates[start : start + MARK_CHUNK]:
            same |= Q(pk=update.pk, requested_at=update.requested_at)
        closed += PendingIndexUpdate.objects.filter(same, applied_at__isnull=True).update(applied_at=now, last_error="")
    return closed


def mark_failed(*, page_ids, error: str) -> None:
    """Keep these pages pending (creating rows where a caller came without one) and say why."""
    page_ids = sorted(set(page_ids))
    have_open = set(PendingIndexUpdate.objects.filter(page_id__in=page_ids, applied_at__isnull=True).values_list("page_id", flat=True))
    pending_updates_record(page_ids=[page_id for page_id in page_ids if page_id not in have_open], action=Action.INDEX)
    PendingIndexUpdate.objects.filter(page_id__in=page_ids, applied_at__isnull=True).update(
        attempts=F("attempts") + 1, last_error=error[:2000]
    )


def due_page_ids(*, limit: int, now: datetime | None = None) -> list[int]:
    """Pages with open rows the periodic task should apply: failed before, or older than GRACE."""
    now = now or timezone.now()
    rows = (
        PendingIndexUpdate.objects.filter(applied_at__isnull=True)
        .filter(Q(attempts__gt=0) | Q(requested_at__lte=now - GRACE))
        .order_by("requested_at")
        .values_list("page_id", flat=True)
    )
    return list(dict.fromkeys(rows[: limit * 2]))[:limit]


def requested_since(moment: datetime) -> list[int]:
    """Pages asked for at or after `moment`, applied or not (a rebuild catching up with them)."""
    return sorted(set(PendingIndexUpdate.objects.filter(requested_at__gte=moment).values_list("page_id", flat=True)))


def purge_applied(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    deleted, _ = PendingIndexUpdate.objects.filter(applied_at__lt=now - KEEP_APPLIED).delete()
    return deleted
