"""The crisis alerts' sweeper (registered with `cms.work.sweep` in CrisisConfig.ready).

A crisis alert still `confirmed` a few minutes after its confirmation lost its fan-out
task: queue it again. The fan-out acts only on a `confirmed` alert and makes only the
messages not made yet, so a fan-out that was merely slow is not doubled.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from automation.crisis.models import CrisisAlert
from automation.crisis.services import queue_fan_out

CONFIRMED_GRACE = timedelta(minutes=5)


def crisis_alerts_sweep() -> int:
    """Queue the fan-out of alerts confirmed but not fanned out; returns how many."""
    alerts = CrisisAlert.objects.filter(
        status=CrisisAlert.Status.CONFIRMED, confirmed_at__lt=timezone.now() - CONFIRMED_GRACE
    ).values_list("pk", flat=True)
    queued = 0
    for alert_pk in alerts:
        queue_fan_out(alert_pk)
        queued += 1
    return queued
