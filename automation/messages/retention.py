"""Message bodies are kept only as long as needed: after the retention period the words go.

What was sent to whom, when, and how it ended stays in the log (channel, status, journey,
dossier, history); the rendered subject stays too, it names the message. The body, the
HTML and the headers (which carry signed links) are emptied once a message is final and
older than `AUTOMATION_MESSAGE_RETENTION_DAYS`.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from automation.messages.models import Message

FINAL = [Message.Status.SENT, Message.Status.DELIVERED, Message.Status.FAILED, Message.Status.SUPPRESSED]


def message_bodies_purge(*, older_than_days: int | None = None) -> int:
    days = settings.AUTOMATION_MESSAGE_RETENTION_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    return (
        Message.objects.filter(created_at__lt=cutoff, status__in=FINAL)
        .filter(~Q(body_text="") | ~Q(body_html="") | ~Q(headers={}))
        .update(body_text="", body_html="", headers={})
    )
