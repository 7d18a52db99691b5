"""Provider reports about sent messages, applied once each: status, suppression, consent.

Every report is first stored under (provider, event_id); a repeat stops there. Then:
- delivered: `sent -> delivered`;
- bounced (permanent), rejected, failed: the message becomes `failed`; a bounce also puts
  the address on the suppression list, so no message is ever sent to it again;
- complained (marked as spam): address suppressed and e-mail consent withdrawn;
- unsubscribed (through the ESP's own link): e-mail consent withdrawn;
- opened, clicked, deferred: recorded for the log's counts, no status change.
Reports find their message by our reference (sent as metadata) or the provider's id.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Suppression
from automation.contacts.services import consent_record
from automation.messages.models import DeliveryEvent, Message
from automation.messages.transitions import message_transition

logger = logging.getLogger(__name__)
Kind, Status = DeliveryEvent.Kind, Message.Status


@dataclass(frozen=True)
class DeliveryReport:
    provider: str
    event_id: str
    kind: DeliveryEvent.Kind
    occurred_at: datetime
    reference: str = ""  # our Message.reference, when the provider echoes our metadata
    provider_message_id: str = ""
    recipient: str = ""
    detail: str = ""


def delivery_report_apply(report: DeliveryReport) -> bool:
    """Store and apply one report; False when it was a repeat (nothing done)."""
    message = _find_message(report)
    with transaction.atomic():
        try:
            with transaction.atomic():
                DeliveryEvent.objects.create(
                    provider=report.provider[:50],
                    event_id=report.event_id[:200],
                    kind=report.kind,
                    message=message,
                    provider_message_id=report.provider_message_id[:200],
                    occurred_at=report.occurred_at,
                    detail=report.detail[:2000],
                )
        except IntegrityError:
            return False
        if message is not None:
            _apply(report, message)
        elif report.kind not in (Kind.OPENED, Kind.CLICKED):
            logger.info("%s report %s names no message we know", report.provider, report.event_id)
    return True


def _find_message(report: DeliveryReport) -> Message | None:
    messages = Message.objects.select_related("citizen")
    if report.reference:
        found = messages.filter(reference=report.reference).first() if _is_uuid(report.reference) else None
        if found:
            return found
    if report.provider_message_id:
        return messages.filter(provider_message_id=report.provider_message_id).first()
    return None


def _is_uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _apply(report: DeliveryReport, message: Message) -> None:
    detail = f"{report.provider}: {report.kind}" + (f" ({report.detail})" if report.detail else "")
    if report.kind == Kind.DELIVERED:
        message_transition(message_id=message.pk, from_status=Status.SENT, to_status=Status.DELIVERED, detail=detail)
    elif report.kind in (Kind.BOUNCED, Kind.REJECTED, Kind.FAILED):
        for from_status in (Status.SENT, Status.DELIVERED):
            if message_transition(
                message_id=message.pk, from_status=from_status, to_status=Status.FAILED, detail=detail, last_error=detail
            ):
                break
    if report.kind in (Kind.BOUNCED, Kind.COMPLAINED):
        reason = Suppression.Reason.HARD_BOUNCE if report.kind == Kind.BOUNCED else Suppression.Reason.COMPLAINT
        address = (report.recipient or message.recipient).strip().lower() if message.channel == ChannelKind.EMAIL else message.recipient
        if address:
            Suppression.objects.get_or_create(channel=message.channel, address=address, defaults={"reason": reason})
    if report.kind in (Kind.COMPLAINED, Kind.UNSUBSCRIBED) and message.citizen is not None:
        consent_record(
            citizen=message.citizen,
            channel=message.channel,
            granted=False,
            source=f"{report.provider}:{report.kind}",
            recorded_at=report.occurred_at,
        )
