"""Every JSON endpoint of the automation API reads its body through the HTTP kernel's one parser.

A hostile or broken body is a problem+json naming `body`: nested 1,000 deep or not an
object is a 400 (it was a RecursionError 500), 5 MB is a 413 (it was Django's HTML 400).
"""

from __future__ import annotations

import pytest

from automation.contacts.models import Citizen, ConfirmationRequest
from automation.contacts.tokens import PREFERENCES, citizen_token
from automation.dossiers.models import DossierEvent
from tests.automation.api.subscription_helpers import PROBLEM
from tests.automation.factories import make_citizen

pytestmark = pytest.mark.django_db

DEEP = b'{"email": ' + b"[" * 1000 + b"]" * 1000 + b"}"
HOSTILE = {
    "nested-1000-deep": (DEEP, 400, "nested deeper than 32 levels"),
    "not-an-object": (b"[1, 2]", 400, "must be a JSON object"),
    "not-json": (b'{"email": ', 400, "not valid JSON"),
    "not-utf-8": (b'{"email": "\xff"}', 400, "not valid JSON: 'utf-8' codec can't decode byte 0xff"),
    "5-MB": (b'{"pad": "' + b"x" * (5 * 1024 * 1024) + b'"}', 413, "larger than"),
}
ENDPOINTS = ["events", "subscribe", "confirm", "preferences"]


@pytest.fixture
def send(client, post_event):
    """send(endpoint, raw) posts (or puts) exactly these bytes; events are signed correctly."""
    token = citizen_token(citizen=make_citizen(ref="case-9", email="jana@example.org"), purpose=PREFERENCES)

    def send(endpoint: str, raw: bytes):
        if endpoint == "events":
            return post_event(None, raw=raw)
        if endpoint == "preferences":
            return client.put(f"/api/automation/subscriptions/preferences/{token}/", data=raw, content_type="application/json")
        path = {"subscribe": "/api/automation/subscriptions/", "confirm": "/api/automation/subscriptions/confirm/"}[endpoint]
        return client.post(path, data=raw, content_type="application/json")

    return send


def reasons_for_body(response, status: int) -> list[str]:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    return [param["reason"] for param in problem["invalid_params"] if param["name"] == "body"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_body_is_a_problem_naming_the_body_and_changes_nothing(send, endpoint, case):
    raw, status, reason = HOSTILE[case]
    citizens = Citizen.objects.count()
    [said] = reasons_for_body(send(endpoint, raw), status)
    assert reason in said
    assert not DossierEvent.objects.exists() and not ConfirmationRequest.objects.exists()
    assert Citizen.objects.count() == citizens


def test_the_subscription_contract_names_the_body_in_errors_too(send):
    response = send("subscribe", DEEP)
    assert response.json()["errors"] == {"body": ["The body is nested deeper than 32 levels."]}


@pytest.mark.parametrize("endpoint", ["subscribe", "confirm", "preferences"])
def test_the_size_limit_is_a_setting(send, settings, endpoint):
    settings.JSON_BODY_MAX_BYTES = 1024
    body = b'{"token": "' + b"x" * 1100 + b'"}'
    assert reasons_for_body(send(endpoint, body), 413) == ["The body is larger than 1024 bytes."]


def test_the_events_endpoint_has_its_own_larger_limit(settings, event_payload, post_event, rabot):
    settings.JSON_BODY_MAX_BYTES = 1024
    event_payload["data"]["notes"] = "x" * 2000  # free-form data a case system may send
    assert post_event(event_payload).status_code == 202
    settings.AUTOMATION_EVENT_BODY_MAX_BYTES = 2048
    event_payload["event_id"] = "evt-0002"
    assert reasons_for_body(post_event(event_payload), 413) == ["The body is larger than 2048 bytes."]
