"""The date an algorithm last changed: the first time the register saw its current description.

The description is fingerprinted (sha256 of its text in every language and its settings);
when the fingerprint differs from the stored one, the change is dated now. So a new
setting, a deployment with a new method or a corrected text each move the date, and the
date never moves without a change. Two web workers seeing the same change at once both
write the same date through a compare-and-set update; neither overwrites a newer one.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.transparency.entries import AlgorithmEntry
from cms.transparency.models import AlgorithmChange


def fingerprint(entry: AlgorithmEntry) -> str:
    canonical = json.dumps(entry.fingerprint_source(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def changes_record(entries: list[AlgorithmEntry], *, now: datetime | None = None) -> dict[str, datetime]:
    """Each entry's last-changed moment, recording the change if the description is new.
    One query when nothing changed."""
    now = now or timezone.now()
    prints = {entry.key: fingerprint(entry) for entry in entries}
    known = {row.key: row for row in AlgorithmChange.objects.filter(key__in=prints)}
    dates = {}
    for key, current in prints.items():
        row = known.get(key)
        if row is not None and row.fingerprint == current:
            dates[key] = row.changed_at
        elif row is not None:
            AlgorithmChange.objects.filter(pk=row.pk, fingerprint=row.fingerprint).update(fingerprint=current, changed_at=now)
            dates[key] = AlgorithmChange.objects.get(pk=row.pk).changed_at
        else:
            dates[key] = _first_sight(key, current, now)
    return dates


def _first_sight(key: str, current: str, now: datetime) -> datetime:
    try:
        with transaction.atomic():
            return AlgorithmChange.objects.create(key=key, fingerprint=current, changed_at=now).changed_at
    except IntegrityError:  # another worker recorded it first
        return AlgorithmChange.objects.get(key=key).changed_at
