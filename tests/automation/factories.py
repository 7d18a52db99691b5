"""Small builders for automation rows, so each test states only what it is about."""

from __future__ import annotations

from datetime import datetime, timezone

from automation.contacts.models import Citizen
from automation.contacts.services import consent_record
from automation.messages.models import Message
from automation.messages.transitions import messages_record_created

CONSENT_TIME = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)


def make_citizen(*, ref="citizen-1", email="an@example.be", phone="+32470123456", language="nl", consent=("email", "sms")):
    citizen = Citizen.objects.create(ref=ref, email=email, phone=phone, language=language)
    for channel in consent:
        consent_record(citizen=citizen, channel=channel, granted=True, source="test", recorded_at=CONSENT_TIME)
    return citizen


def make_message(citizen, *, channel="email", **fields) -> Message:
    recipient = citizen.email if channel == "email" else citizen.phone
    defaults = {
        "subject": "Je aanvraag is ontvangen",
        "body_text": "Dag An, we hebben je aanvraag ontvangen.",
        "body_html": "<p>Dag An, we hebben je aanvraag ontvangen.</p>",
        "headers": {"List-Unsubscribe": "<https://example.test/u/1/>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        "language": citizen.language,
    }
    message = Message.objects.create(citizen=citizen, channel=channel, recipient=recipient, **{**defaults, **fields})
    messages_record_created(messages=[message])
    return message
