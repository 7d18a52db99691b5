"""Sinch's callbacks: delivery reports by our reference, STOP from a number; a wrong secret does nothing."""

import pytest

from automation.contacts.selectors import citizen_consents
from automation.messages.models import DeliveryEvent, Message
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
URL = "/api/automation/sms/sinch/cb-secret/"


def test_a_delivery_report_finds_the_message_by_client_reference(client):
    message = make_message(make_citizen(), channel="sms", status=Message.Status.SENT, provider="sinch", provider_message_id="B1")
    report = {
        "type": "recipient_delivery_report_sms",
        "batch_id": "B1",
        "recipient": "32470123456",
        "code": 0,
        "status": "Delivered",
        "at": "2026-12-01T10:00:00.000Z",
        "client_reference": str(message.reference),
    }
    assert client.post(URL, data=report, content_type="application/json").status_code == 200
    message.refresh_from_db()
    assert message.status == Message.Status.DELIVERED


def test_a_stop_without_the_plus_sign_is_understood(client):
    citizen = make_citizen()
    mo = {"type": "mo_text", "from": "32470123456", "to": "StadGent", "body": "ARRÊT", "received_at": "2026-12-01T10:00:00Z"}
    client.post(URL, data=mo, content_type="application/json")
    assert citizen_consents(citizen=citizen)["sms"] is False


def test_a_callback_to_a_wrong_secret_is_refused(client, settings):
    citizen = make_citizen()
    mo = {"type": "mo_text", "from": "+32470123456", "body": "STOP"}
    assert client.post("/api/automation/sms/sinch/guess/", data=mo, content_type="application/json").status_code == 401
    settings.SINCH_CALLBACK_SECRET = ""  # no secret configured: nothing is accepted, not even an empty one
    assert client.post("/api/automation/sms/sinch/unset/", data=mo, content_type="application/json").status_code == 401
    assert citizen_consents(citizen=citizen)["sms"] is True and not DeliveryEvent.objects.exists()


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"[" * 1000 + b"]" * 1000], ids=["not JSON", "a list", "1000 deep"])
def test_a_body_that_is_no_json_object_is_a_400_problem(client, raw):
    response = client.post(URL, data=raw, content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Body is not JSON"


@pytest.mark.parametrize("secret", ["%C3%A9t%C3%A9", "%E2%82%AC", "%FF%FE"], ids=["accents", "euro", "not-utf8"])
def test_a_non_ascii_callback_secret_is_a_401_never_a_500(client, secret):
    response = client.post(f"/api/automation/sms/sinch/{secret}/", data=b"{}", content_type="application/json",
                           HTTP_X_SIGNATURE="sïgned")  # fmt: skip
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    assert not DeliveryEvent.objects.exists()


@pytest.mark.parametrize("field", ["at", "received_at"])
def test_an_impossible_time_is_read_as_the_time_of_arrival_not_a_500(client, settings, field):
    """Issue 12 (fuzzer): `2026-13-45T00:00:00Z` is well formed, so Django's parse_datetime raised ValueError."""
    settings.SINCH_CALLBACK_SECRET = "cb-secret"
    kind = "recipient_delivery_report_sms" if field == "at" else "mo_text"
    report = {"type": kind, "batch_id": "B9", "status": "Delivered", "from": "32470123456", "body": "STOP",
              field: "2026-13-45T00:00:00Z"}  # fmt: skip
    assert client.post(URL, data=report, content_type="application/json").status_code == 200
