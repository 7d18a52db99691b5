"""Publishing a crisis alert's CAP messages: called by the crisis services, inside their transaction.

`crisis_alert_confirm` publishes the Alert and `crisis_alert_end` the Cancel, in the same
transaction as the status change, so a message is published exactly when the alert's state
says so (a double click publishes once: the services' compare-and-set decides). The app has
no screen to change a sent alert's words yet; whatever changes them calls `cap_alert_update`,
which publishes an Update with the new words that references the earlier messages.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from automation.crisis.cap.models import CapMessage
from automation.crisis.models import CrisisAlert

MsgType = CapMessage.MsgType


class CapPublishRefused(Exception):
    """The alert is not in a state that publishes this message."""


def alert_texts(alert: CrisisAlert) -> dict:
    """The alert's words now, per language, as a CAP message keeps them."""
    return {text.language: {"headline": text.headline, "body": text.body} for text in alert.texts.order_by("language")}


def cap_message_publish(
    *, alert: CrisisAlert, msg_type: str, sent: datetime | None = None, status: str = CapMessage.Status.ACTUAL
) -> CapMessage:
    """Keep one CAP message of `alert` with its words as they are now; `sent` gets whole seconds."""
    sent = (sent or timezone.now()).replace(microsecond=0)
    return CapMessage.objects.create(alert=alert, msg_type=msg_type, status=status, sent=sent, texts=alert_texts(alert))


def cap_alert_update(*, alert: CrisisAlert) -> CapMessage:
    """An Update after the words of a sent alert changed; refused before it was sent or after it ended."""
    refreshed = CrisisAlert.objects.get(pk=alert.pk)
    earlier = CapMessage.objects.filter(alert=refreshed)
    sent = earlier.filter(msg_type=MsgType.ALERT).exists()
    if not sent or refreshed.ended_at or earlier.filter(msg_type=MsgType.CANCEL).exists():
        raise CapPublishRefused("only a sent alert that has not ended can be updated")
    status = earlier.order_by("sent", "pk").first().status
    return cap_message_publish(alert=refreshed, msg_type=MsgType.UPDATE, status=status)
