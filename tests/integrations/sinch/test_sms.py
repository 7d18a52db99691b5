"""Sinch's batches API as it answers: 201 with a batch id; errors typed like every provider's."""

import json

import pytest
import responses

from automation.channels.errors import PermanentError, RetryableError, ThrottledError
from integrations.sinch.sms import SinchSmsBackend

URL = "https://eu.sms.api.sinch.com/xms/v1/plan1/batches"


def send():
    return SinchSmsBackend().send(to="+32470123456", body="Hallo", sender="Gent", reference="ref-1")


@responses.activate
def test_a_text_is_posted_as_a_batch_with_our_reference_and_a_callback():
    responses.post(URL, status=201, json={"id": "01BATCH", "to": ["32470123456"]})
    result = send()
    assert (result.provider, result.provider_message_id) == ("sinch", "01BATCH")
    request = responses.calls[0].request
    assert request.headers["Authorization"] == "Bearer sinch-token"
    assert json.loads(request.body) == {
        "from": "StadGent",
        "to": ["+32470123456"],
        "body": "Hallo",
        "delivery_report": "per_recipient",
        "callback_url": "https://gent.example/api/automation/sms/sinch/cb-secret/",
        "client_reference": "ref-1",
    }


@pytest.mark.parametrize(
    "status, error",
    [(400, PermanentError), (403, RetryableError), (502, RetryableError), (429, ThrottledError)],
)
@responses.activate
def test_each_answer_becomes_the_right_typed_error(status, error):
    responses.post(URL, status=status, json={"code": "x", "text": "y"})
    with pytest.raises(error):
        send()


@responses.activate
def test_after_a_lost_worker_sinch_is_asked_for_the_batch_by_our_reference():
    from datetime import datetime, timezone

    responses.get(URL, json={"batches": [{"id": "01B", "client_reference": "ref-1", "canceled": False}]})
    since = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
    found = SinchSmsBackend().find_sent(to="+32470123456", body="Hallo", reference="ref-1", since=since)
    assert found.provider_message_id == "01B"
    assert responses.calls[0].request.params["client_reference"] == "ref-1"
