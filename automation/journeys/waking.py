"""Waking enrolments parked on a wait step, when their time has come.

A periodic task calls `journeys_wake_due`; each due enrolment is claimed by a
compare-and-set (`waiting -> active`), so two sweeps never run the same enrolment twice,
and runs on from the step after its wait. New messages are queued after commit.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone

from automation.journeys.models import Enrolment
from automation.journeys.runtime import enrolment_run
from automation.messages.queueing import messages_queue


def enrolment_wake(*, enrolment_id: int) -> list[int]:
    with transaction.atomic():
        claimed = Enrolment.objects.filter(
            pk=enrolment_id, status=Enrolment.Status.WAITING, wake_at__lte=timezone.now()
        ).update(status=Enrolment.Status.ACTIVE, wake_at=None)
        if not claimed:
            return []
        enrolment = Enrolment.objects.select_related("current_step__next_step", "journey", "citizen").get(pk=enrolment_id)
        if enrolment.citizen is None:  # erased while waiting
            enrolment.status, enrolment.finished_at = Enrolment.Status.EXITED, timezone.now()
            enrolment.save(update_fields=["status", "finished_at"])
            return []
        message_ids = enrolment_run(enrolment=enrolment, step=enrolment.current_step.next_step)
        if message_ids:
            transaction.on_commit(partial(messages_queue, message_ids=message_ids), robust=True)
    return message_ids


def journeys_wake_due(*, limit: int = 500) -> int:
    """Wake up to `limit` due enrolments; returns how many were woken."""
    due = Enrolment.objects.filter(status=Enrolment.Status.WAITING, wake_at__lte=timezone.now())
    woken = 0
    for enrolment_id in due.order_by("wake_at").values_list("pk", flat=True)[:limit]:
        enrolment_wake(enrolment_id=enrolment_id)
        woken += 1
    return woken
