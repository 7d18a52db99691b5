"""The two-person rule for crisis alerts: one requests, another confirms, then it goes out.

Every step (compose, request, confirm, cancel, end) needs the `crisis.send_crisisalert` permission. Each step is a compare-and-set on the
alert's status, so a double click or two confirmers at once confirm it once, and the
fan-out is queued once, after commit, on the `crisis` queue. Confirming publishes the
alert's CAP Alert and ending it the CAP Cancel, in the same transaction (cap/publish.py).
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone

from automation.crisis.cap.models import CapMessage
from automation.crisis.cap.publish import cap_message_publish
from automation.crisis.models import CrisisAlert
from cms.work.enqueue import enqueue

PERMISSION = "crisis.send_crisisalert"
FAN_OUT = "automation.fan_out_crisis_alert"
CRISIS_QUEUE = "crisis"
Status = CrisisAlert.Status


class CrisisAlertRefused(Exception):
    """The step is not allowed: wrong person, missing permission, or wrong status."""


def require_permission(user) -> None:
    if not user.has_perm(PERMISSION):
        raise CrisisAlertRefused(f"{user.get_username()} may not send crisis alerts ({PERMISSION})")


def crisis_alert_request(*, alert: CrisisAlert, by) -> None:
    require_permission(by)
    if not alert.template.contents.exists() or not alert.channels:
        raise CrisisAlertRefused("the alert has no text or no channel")
    moved = CrisisAlert.objects.filter(pk=alert.pk, status=Status.DRAFT).update(
        status=Status.AWAITING_CONFIRMATION, requested_by=by, requested_at=timezone.now()
    )
    if not moved:
        raise CrisisAlertRefused("only a draft can be requested")


def crisis_alert_confirm(*, alert: CrisisAlert, by) -> None:
    require_permission(by)
    alert.refresh_from_db(fields=["requested_by", "status"])
    if alert.requested_by_id == by.pk:
        raise CrisisAlertRefused("a second person must confirm the alert")
    now = timezone.now()  # also the CAP Alert's `sent` (in whole seconds)
    with transaction.atomic():
        moved = CrisisAlert.objects.filter(pk=alert.pk, status=Status.AWAITING_CONFIRMATION).update(
            status=Status.CONFIRMED, confirmed_by=by, confirmed_at=now
        )
        if not moved:
            raise CrisisAlertRefused("only an alert awaiting confirmation can be confirmed")
        cap_message_publish(alert=alert, msg_type=CapMessage.MsgType.ALERT, sent=now)
        transaction.on_commit(partial(queue_fan_out, alert.pk), robust=True)


def crisis_alert_cancel(*, alert: CrisisAlert, by) -> None:
    require_permission(by)
    moved = CrisisAlert.objects.filter(
        pk=alert.pk, status__in=[Status.DRAFT, Status.AWAITING_CONFIRMATION]
    ).update(status=Status.CANCELLED)
    if not moved:
        raise CrisisAlertRefused("a confirmed alert cannot be cancelled")


def crisis_alert_end(*, alert: CrisisAlert, by) -> None:
    """The danger is over: the public banner stops showing it. Messages already out stay out."""
    require_permission(by)
    now = timezone.now()
    with transaction.atomic():
        moved = CrisisAlert.objects.filter(
            pk=alert.pk, status__in=[Status.CONFIRMED, Status.FANNED_OUT], ended_at__isnull=True
        ).update(ended_at=now, ended_by=by)
        if not moved:
            raise CrisisAlertRefused("only a confirmed alert that has not ended can be ended")
        cap_message_publish(alert=alert, msg_type=CapMessage.MsgType.CANCEL, sent=now)


def queue_fan_out(alert_pk: int) -> None:
    """Queue the fan-out task, by name, on the `crisis` queue (after the confirmation committed)."""
    enqueue(FAN_OUT, alert_pk, queue=CRISIS_QUEUE)
