"""A client that posts dossier events signed (or not) the way a case system would."""

from __future__ import annotations

import copy
import json

import pytest

from automation.dossiers.signature import body_signature

SECRET = "test-webhook-secret"

EXAMPLE_EVENT = {
    "event_id": "evt-0001",
    "source": "omgevingsloket",
    "dossier": {"id": "OMV-2026-000123", "type": "omgevingsvergunning"},
    "milestone": "aanvraag_ontvangen",
    "occurred_at": "2026-11-30T09:00:00+01:00",
    "citizen": {
        "ref": "citizen-42",
        "email": "an.peeters@example.be",
        "phone": "+32470123456",
        "language": "nl",
        "wijk": "Rabot - Blaisantvest",
        "consent": {"email": True, "sms": True},
    },
    "data": {"address": "Rabotstraat 1, 9000 Gent"},
}


@pytest.fixture
def event_payload():
    return copy.deepcopy(EXAMPLE_EVENT)


@pytest.fixture
def post_event(client, settings):
    """post_event(payload) signs and posts; `signature=` overrides the header, None omits it."""
    settings.AUTOMATION_WEBHOOK_SECRET = SECRET

    def post(payload, *, signature="sign", raw: bytes | None = None, http_client=None):
        body = raw if raw is not None else json.dumps(payload).encode()
        headers = {}
        if signature == "sign":
            headers["HTTP_X_SIGNATURE"] = body_signature(body, SECRET)
        elif signature is not None:
            headers["HTTP_X_SIGNATURE"] = signature
        return (http_client or client).post(
            "/api/automation/events/", data=body, content_type="application/json", **headers
        )

    return post
