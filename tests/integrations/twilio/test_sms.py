"""Twilio's Messages API as it answers: 201 sent, 400 permanent, 401/5xx/timeouts retryable, 429 throttled."""

from urllib.parse import parse_qs

import pytest
import requests
import responses

from automation.channels.errors import PermanentError, RetryableError, ThrottledError
from integrations.twilio.sms import TwilioSmsBackend

URL = "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json"


def send():
    return TwilioSmsBackend().send(to="+32470123456", body="Hallo", sender="StadGent", reference="ref-1")


@responses.activate
def test_a_text_is_posted_with_basic_auth_and_a_status_callback():
    responses.post(URL, status=201, json={"sid": "SM1", "status": "queued"})
    result = send()
    assert (result.provider, result.provider_message_id) == ("twilio", "SM1")
    call = responses.calls[0].request
    assert call.headers["Authorization"].startswith("Basic ")
    form = {key: value[0] for key, value in parse_qs(call.body).items()}
    assert form == {
        "To": "+32470123456",
        "Body": "Hallo",
        "From": "+3225550000",
        "StatusCallback": "https://gent.example/api/automation/sms/twilio/status/",
    }


@responses.activate
def test_a_messaging_service_replaces_the_from_number(settings):
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG9"
    responses.post(URL, status=201, json={"sid": "SM1"})
    send()
    form = parse_qs(responses.calls[0].request.body)
    assert form["MessagingServiceSid"] == ["MG9"] and "From" not in form


@pytest.mark.parametrize(
    "answer, error",
    [
        ({"status": 400, "json": {"code": 21211, "message": "Invalid 'To' Phone Number"}}, PermanentError),
        ({"status": 401, "json": {"code": 20003, "message": "Authenticate"}}, RetryableError),
        ({"status": 500, "json": {}}, RetryableError),
        ({"status": 503, "body": "Service Unavailable"}, RetryableError),
        ({"status": 429, "json": {}, "headers": {"Retry-After": "30"}}, ThrottledError),
        ({"body": requests.ConnectTimeout("slow")}, RetryableError),
        ({"body": requests.ConnectionError("refused")}, RetryableError),
    ],
    ids=["400-invalid-number", "401-credentials", "500", "503", "429", "timeout", "refused"],
)
@responses.activate
def test_each_answer_becomes_the_right_typed_error(answer, error):
    responses.post(URL, **answer)
    with pytest.raises(error) as raised:
        send()
    assert type(raised.value) is error and raised.value.provider == "twilio"


@responses.activate
def test_throttling_passes_on_twilios_wait():
    responses.post(URL, status=429, json={}, headers={"Retry-After": "30"})
    with pytest.raises(ThrottledError) as raised:
        send()
    assert raised.value.retry_after == 30.0


def test_without_credentials_nothing_is_sent(settings):
    settings.TWILIO_AUTH_TOKEN = ""
    with pytest.raises(PermanentError, match="TWILIO_AUTH_TOKEN"):
        send()


@responses.activate
def test_after_a_lost_worker_twilio_is_asked_for_the_text_by_number_and_body():
    from datetime import datetime, timezone

    responses.get(
        URL,
        json={
            "messages": [
                {"sid": "SMold", "body": "Hallo", "status": "delivered", "date_created": "Sun, 29 Nov 2026 08:00:00 +0000"},
                {"sid": "SMother", "body": "Iets anders", "status": "sent", "date_created": "Mon, 30 Nov 2026 09:00:05 +0000"},
                {"sid": "SMours", "body": "Hallo", "status": "sent", "date_created": "Mon, 30 Nov 2026 09:00:02 +0000"},
            ]
        },
    )
    since = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
    found = TwilioSmsBackend().find_sent(to="+32470123456", body="Hallo", reference="ref-1", since=since)
    assert found.provider_message_id == "SMours"  # not the older one with the same words
    assert responses.calls[0].request.params["To"] == "+32470123456"
    assert TwilioSmsBackend().find_sent(to="+32470123456", body="Nooit verstuurd", reference="r", since=since) is None
