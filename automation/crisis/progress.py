"""Live progress of a crisis alert for the admin: sent of total, delivered, failed, per channel.

One grouped query over the alert's messages (constant, however many thousands there are),
read by the progress page on every reload and by its JSON twin every two seconds, from
the request on (so the requester's open page shows the sending start once confirmed).
"""

from __future__ import annotations

from django.db.models import Count

from automation.crisis.models import CrisisAlert
from automation.messages.models import Message

Status = Message.Status
_EMPTY = {"total": 0, "sent": 0, "delivered": 0, "failed": 0, "pending": 0, "suppressed": 0}


def _bucket(counts: dict[str, int]) -> dict[str, int]:
    row = dict(_EMPTY)
    row["total"] = sum(counts.values())
    row["delivered"] = counts.get(Status.DELIVERED, 0)
    row["sent"] = counts.get(Status.SENT, 0) + row["delivered"]  # delivered was sent first
    row["failed"] = counts.get(Status.FAILED, 0)
    row["pending"] = counts.get(Status.CREATED, 0) + counts.get(Status.SENDING, 0)
    row["suppressed"] = counts.get(Status.SUPPRESSED, 0)
    return row


def crisis_alert_live_progress(*, alert: CrisisAlert) -> dict:
    rows = Message.objects.filter(crisis_alert=alert).values_list("channel", "status").annotate(n=Count("pk")).order_by()
    by_channel: dict[str, dict[str, int]] = {channel: {} for channel in alert.channels}
    overall: dict[str, int] = {}
    for channel, status, n in rows:
        by_channel.setdefault(channel, {})[status] = n
        overall[status] = overall.get(status, 0) + n
    fanning_out = alert.status == CrisisAlert.Status.CONFIRMED
    return {
        "status": alert.status,
        "status_label": alert.get_status_display(),
        "fanning_out": fanning_out,
        # Nothing more will change (but delivery reports): stop polling.
        "done": alert.status in (CrisisAlert.Status.FANNED_OUT, CrisisAlert.Status.CANCELLED)
        and _bucket(overall)["pending"] == 0,
        "ended": alert.ended_at is not None,
        **_bucket(overall),
        "channels": {channel: _bucket(counts) for channel, counts in by_channel.items()},
    }
