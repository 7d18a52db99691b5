"""Anymail's `tracking` signal, mapped onto automation's delivery reports."""

from __future__ import annotations

import hashlib
import re

from anymail.signals import tracking
from django.dispatch import receiver
from django.utils import timezone

from automation.messages.models import DeliveryEvent
from automation.messages.tracking import DeliveryReport, delivery_report_apply

Kind = DeliveryEvent.Kind

KINDS = {
    "delivered": Kind.DELIVERED,
    "bounced": Kind.BOUNCED,
    "deferred": Kind.DEFERRED,
    "rejected": Kind.REJECTED,
    "failed": Kind.FAILED,
    "complained": Kind.COMPLAINED,
    "opened": Kind.OPENED,
    "clicked": Kind.CLICKED,
    "unsubscribed": Kind.UNSUBSCRIBED,
}


TEMPORARY_SMTP = re.compile(r"^\s*4\d\d\b")


def _temporary(event) -> bool:
    """Some ESPs report soft bounces as "bounced"; a 4xx SMTP answer or "soft" says it was temporary."""
    raw_type = str((event.esp_event or {}).get("Type", "")) if isinstance(event.esp_event, dict) else ""
    text = f"{event.description or ''} {raw_type}".lower()
    return bool(TEMPORARY_SMTP.match(event.mta_response or "")) or "soft" in text or "transient" in text


def report_from_anymail(event, esp_name: str) -> DeliveryReport:
    occurred_at = event.timestamp or timezone.now()
    event_id = event.event_id or hashlib.sha256(
        f"{event.message_id}|{event.event_type}|{occurred_at.isoformat()}|{event.recipient}".encode()
    ).hexdigest()  # some ESPs give no event id: derive a stable one from what identifies the report
    detail = " ".join(part for part in (event.reject_reason, event.description, event.mta_response) if part)
    return DeliveryReport(
        provider=esp_name.lower(),
        event_id=str(event_id),
        kind=Kind.DEFERRED if event.event_type == "bounced" and _temporary(event) else KINDS.get(event.event_type, Kind.OTHER),
        occurred_at=occurred_at,
        reference=str((event.metadata or {}).get("vrijhaven_reference", "")),
        provider_message_id=str(event.message_id or ""),
        recipient=event.recipient or "",
        detail=detail,
    )


@receiver(tracking, dispatch_uid="vrijhaven-anymail-tracking")
def on_tracking(sender, event, esp_name, **kwargs):
    delivery_report_apply(report_from_anymail(event, esp_name))
