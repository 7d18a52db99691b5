"""The webhook deliveries' sweeper (registered with `cms.work.sweep` in WebhooksConfig.ready).

- a delivery `sending` for longer than `stuck_after` seconds lost its worker: back to
  `pending` (the attempt stays counted) and queued at once;
- a delivery `pending` and untouched for `resend_after` seconds lost its task (a broker
  outage when it was stored, a lost message): queued again. That is longer than the
  longest back-off, and a duplicate would be skipped by the claim anyway.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cms.api.webhooks.events import send_later
from cms.api.webhooks.models import WebhookDelivery
from cms.work.claims import compare_and_set_many
from cms.work.sweep import stuck

Status = WebhookDelivery.Status
LIMIT = 1000


def deliveries_sweep(*, stuck_after: int = 600, resend_after: int = 7200) -> int:
    """Queue again the deliveries lost with a worker, a task or the broker; returns how many were queued."""
    now = timezone.now()
    lost_in_sending = stuck(
        WebhookDelivery.objects.all(), status=Status.SENDING, idle_for=timedelta(seconds=stuck_after), now=now
    )
    released = compare_and_set_many(
        WebhookDelivery.objects.filter(pk__in=list(lost_in_sending.values_list("pk", flat=True)[:LIMIT])),
        from_status=Status.SENDING,
        to_status=Status.PENDING,
        skip_locked=True,
        last_error="worker lost while sending",
    )
    lost_task = stuck(WebhookDelivery.objects.all(), status=Status.PENDING, idle_for=timedelta(seconds=resend_after), now=now)
    ids = released + list(lost_task.values_list("pk", flat=True)[:LIMIT])
    for delivery_id in ids:
        send_later(delivery_id)
    return len(ids)
