"""The dossier events' sweeper (registered with `cms.work.sweep` in DossiersConfig.ready).

An event still `received` a few minutes after it was stored lost its processing task:
queue it again. Processing acts only on a `received` event (locked), and enrolments are
unique per event, so an event whose task was merely slow is not processed twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from automation.dossiers.models import DossierEvent
from automation.dossiers.services import queue_event_processing

RECEIVED_GRACE = timedelta(minutes=5)


def dossier_events_sweep(*, limit: int = 5000) -> int:
    """Queue the processing of events still `received` after the grace period; returns how many."""
    events = DossierEvent.objects.filter(
        status=DossierEvent.Status.RECEIVED, received_at__lt=timezone.now() - RECEIVED_GRACE
    ).values_list("pk", flat=True)[:limit]
    queued = 0
    for event_pk in events:
        queue_event_processing(event_pk)
        queued += 1
    return queued
