"""Reading the message log: every message with its status history, filterable as the admin will be."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from automation.messages.models import Message, MessageStatusChange


def message_log(*, dossier: str | None = None, citizen: str | None = None, journey: str | None = None) -> QuerySet[Message]:
    """Messages oldest first, with journey, dossier, citizen and history loaded in a fixed number of queries."""
    messages = Message.objects.select_related("journey", "dossier", "citizen").prefetch_related(
        Prefetch("history", queryset=MessageStatusChange.objects.order_by("at", "pk"))
    )
    if dossier:
        messages = messages.filter(dossier__external_id=dossier)
    if citizen:
        messages = messages.filter(citizen__ref=citizen)
    if journey:
        messages = messages.filter(journey__slug=journey)
    return messages.order_by("created_at", "pk")


def mask_address(address: str) -> str:
    """Enough of an address to recognise it, not enough to copy it out of a log."""
    if "@" in address:
        local, _, domain = address.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(address) > 7:
        return f"{address[:6]}***{address[-3:]}"
    return "***" if address else ""


def message_log_entry(message: Message) -> dict:
    return {
        "id": message.pk,
        "reference": str(message.reference),
        "channel": message.channel,
        "status": message.status,
        "purpose": message.purpose,
        "journey": message.journey.slug if message.journey else None,
        "milestone": message.milestone or None,
        "dossier": message.dossier.external_id if message.dossier else None,
        "citizen": message.citizen.ref if message.citizen else None,
        "language": message.language,
        "recipient": mask_address(message.recipient),
        "subject": message.subject,
        "attempts": message.attempts,
        "last_error": message.last_error,
        "provider": message.provider,
        "created_at": message.created_at.isoformat(),
        "sent_at": message.sent_at.isoformat() if message.sent_at else None,
        "history": [
            {"status": change.to_status, "at": change.at.isoformat(), "detail": change.detail}
            for change in message.history.all()
        ],
    }
