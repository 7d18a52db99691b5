"""Twilio's status callbacks move messages on; inbound STOP stops SMS; unsigned posts do nothing."""

import pytest

from automation.contacts.models import Suppression
from automation.contacts.selectors import citizen_consents
from automation.messages.models import DeliveryEvent, Message
from integrations.twilio.signature import twilio_signature
from tests.automation.factories import make_citizen, make_message
from tests.integrations.conftest import PUBLIC

pytestmark = pytest.mark.django_db


def post_signed(client, path, params, *, token="twilio-token"):
    signature = twilio_signature(url=PUBLIC + path, params=params, token=token)
    return client.post(path, data=params, HTTP_X_TWILIO_SIGNATURE=signature)


@pytest.fixture
def sent_sms():
    message = make_message(make_citizen(), channel="sms", status=Message.Status.SENT, provider="twilio", provider_message_id="SM1")
    return message


def test_a_delivered_callback_marks_the_sms_delivered_once(client, sent_sms):
    params = {"MessageSid": "SM1", "MessageStatus": "delivered", "To": "+32470123456"}
    assert post_signed(client, "/api/automation/sms/twilio/status/", params).status_code == 204
    assert post_signed(client, "/api/automation/sms/twilio/status/", params).status_code == 204
    sent_sms.refresh_from_db()
    assert sent_sms.status == Message.Status.DELIVERED
    assert DeliveryEvent.objects.count() == 1


def test_an_undelivered_callback_fails_the_sms(client, sent_sms):
    params = {"MessageSid": "SM1", "MessageStatus": "undelivered", "ErrorCode": "30003"}
    post_signed(client, "/api/automation/sms/twilio/status/", params)
    sent_sms.refresh_from_db()
    assert sent_sms.status == Message.Status.FAILED and "30003" in sent_sms.last_error


def test_a_callback_with_a_wrong_signature_is_refused(client, sent_sms):
    params = {"MessageSid": "SM1", "MessageStatus": "delivered"}
    assert post_signed(client, "/api/automation/sms/twilio/status/", params, token="guess").status_code == 401
    assert client.post("/api/automation/sms/twilio/status/", data=params).status_code == 401
    sent_sms.refresh_from_db()
    assert sent_sms.status == Message.Status.SENT and not DeliveryEvent.objects.exists()


def test_an_inbound_stop_stops_sms_for_that_number(client):
    citizen = make_citizen()
    response = post_signed(client, "/api/automation/sms/twilio/inbound/", {"From": "+32470123456", "Body": "Stop"})
    assert response.status_code == 200 and response["Content-Type"] == "text/xml"
    assert citizen_consents(citizen=citizen)["sms"] is False
    assert Suppression.objects.filter(channel="sms", address="+32470123456", reason="sms_stop").exists()


@pytest.mark.parametrize("header", ["é" * 28, "sig€nature", "\udcff\udcfe"])
def test_a_non_ascii_signature_is_a_401_never_a_500(client, sent_sms, header):
    params = {"MessageSid": "SM1", "MessageStatus": "delivered"}
    response = client.post("/api/automation/sms/twilio/status/", data=params, HTTP_X_TWILIO_SIGNATURE=header)
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    sent_sms.refresh_from_db()
    assert sent_sms.status == Message.Status.SENT and not DeliveryEvent.objects.exists()


@pytest.mark.parametrize(
    ("path", "params", "missing"),
    [
        ("/api/automation/sms/twilio/status/", {}, ["MessageSid", "MessageStatus"]),
        ("/api/automation/sms/twilio/status/", {"MessageSid": "SM1", "MessageStatus": ""}, ["MessageStatus"]),
        ("/api/automation/sms/twilio/inbound/", {"Body": "STOP"}, ["From"]),
        ("/api/automation/voice/twilio/status/", {"CallStatus": "completed"}, ["CallSid"]),
    ],
)
def test_a_signed_callback_without_twilios_own_fields_is_a_400_naming_them(client, sent_sms, path, params, missing):
    response = post_signed(client, path, params)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert [param["name"] for param in response.json()["invalid_params"]] == missing
    sent_sms.refresh_from_db()
    assert sent_sms.status == Message.Status.SENT and not DeliveryEvent.objects.exists()
    assert not Suppression.objects.exists()


def test_an_inbound_text_with_only_a_picture_is_taken(client):
    assert post_signed(client, "/api/automation/sms/twilio/inbound/", {"From": "+32470123456", "Body": ""}).status_code == 200
