"""ESP reports reach messages: delivered, bounced (suppressed), complained, unsubscribed; each once."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone

import pytest
from anymail.signals import AnymailTrackingEvent, tracking

from automation.contacts.models import Suppression
from automation.contacts.selectors import citizen_consents
from automation.messages.models import DeliveryEvent, Message
from automation.messages.sending import message_send
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
Status = Message.Status
WHEN = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def sent_email():
    message = make_message(make_citizen())
    message_send(message_id=message.pk)
    Message.objects.filter(pk=message.pk).update(provider_message_id="esp-123")
    message.refresh_from_db()
    return message


def report(event_type, *, event_id="ev-1", message_id="esp-123", metadata=None, **extra):
    event = AnymailTrackingEvent(
        event_type=event_type,
        event_id=event_id,
        message_id=message_id,
        timestamp=WHEN,
        recipient="an@example.be",
        metadata=metadata or {},
        **extra,
    )
    tracking.send(sender=object, event=event, esp_name="Postmark")


def test_a_delivery_report_marks_the_message_delivered(sent_email):
    report("delivered")
    sent_email.refresh_from_db()
    assert sent_email.status == Status.DELIVERED
    assert sent_email.history.last().detail == "postmark: delivered"


def test_a_report_repeated_by_the_esp_is_applied_once(sent_email):
    report("opened", event_id="ev-open")
    report("opened", event_id="ev-open")
    assert DeliveryEvent.objects.filter(kind="opened").count() == 1


def test_a_hard_bounce_fails_the_message_and_suppresses_the_address(sent_email):
    report("bounced", reject_reason="bounced", mta_response="550 5.1.1 no such user")
    sent_email.refresh_from_db()
    assert sent_email.status == Status.FAILED
    assert Suppression.objects.filter(channel="email", address="an@example.be", reason="hard_bounce").exists()
    second = make_message(sent_email.citizen)
    assert message_send(message_id=second.pk).status == Status.SUPPRESSED


def test_a_soft_bounce_is_only_recorded(sent_email):
    report("bounced", mta_response="452 4.2.2 mailbox full")
    sent_email.refresh_from_db()
    assert sent_email.status == Status.SENT and not Suppression.objects.exists()
    assert DeliveryEvent.objects.get().kind == "deferred"


def test_a_complaint_suppresses_and_withdraws_email_consent(sent_email):
    report("complained")
    assert Suppression.objects.filter(reason="complaint").exists()
    assert citizen_consents(citizen=sent_email.citizen)["email"] is False


def test_an_unsubscribe_at_the_esp_withdraws_email_consent(sent_email):
    report("unsubscribed")
    assert citizen_consents(citizen=sent_email.citizen) == {"email": False, "sms": True}


def test_reports_find_their_message_by_our_reference_too(sent_email):
    report("delivered", message_id="unknown", metadata={"vrijhaven_reference": str(sent_email.reference)})
    sent_email.refresh_from_db()
    assert sent_email.status == Status.DELIVERED


@pytest.mark.urls("tests.integrations.anymail_tracking.urls")
def test_a_real_postmark_webhook_reaches_the_message(sent_email, client, settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    body = {
        "RecordType": "Bounce",
        "ID": 4323372036854775807,
        "Type": "HardBounce",
        "MessageID": "esp-123",
        "Email": "an@example.be",
        "BouncedAt": "2026-12-01T10:00:00Z",
        "Description": "The server was unable to deliver your message",
        "Details": "smtp;550 5.1.1 The email account does not exist.",
        "Metadata": {"vrijhaven_reference": str(sent_email.reference)},
    }
    auth = "Basic " + base64.b64encode(b"hook:s3cret").decode()
    response = client.post(
        "/api/automation/esp/postmark/tracking/", data=json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=auth
    )
    assert response.status_code == 200
    sent_email.refresh_from_db()
    assert sent_email.status == Status.FAILED
    assert Suppression.objects.filter(address="an@example.be").exists()


@pytest.mark.urls("tests.integrations.anymail_tracking.urls")
def test_a_webhook_without_the_secret_changes_nothing(sent_email, client, settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    body = {"RecordType": "Delivery", "MessageID": "esp-123", "Recipient": "an@example.be", "DeliveredAt": "2026-12-01T10:00:00Z"}
    response = client.post("/api/automation/esp/postmark/tracking/", data=json.dumps(body), content_type="application/json")
    assert response.status_code in (400, 401, 403)
    assert not DeliveryEvent.objects.exists()
