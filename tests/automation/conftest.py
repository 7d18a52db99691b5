"""Shared fixtures for the automation tests: in-memory SMS and voice outboxes, wijken, a signed event poster."""

from __future__ import annotations

import copy
import json

import pytest

from automation.channels import sms_locmem, voice_locmem
from automation.contacts import wijken as wijk_lookup
from automation.dossiers.signature import body_signature
from tests.automation.example_event import EXAMPLE_EVENT, SECRET

PUBLIC_BASE_URL = "https://gent.example"


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Every automation test texts into memory, never into var/, and links to one public host."""
    settings.AUTOMATION_SMS_BACKEND = "automation.channels.sms_locmem.LocmemSmsBackend"
    settings.AUTOMATION_VOICE_BACKEND = "automation.channels.voice_locmem.LocmemVoiceBackend"
    settings.AUTOMATION_PUBLIC_BASE_URL = PUBLIC_BASE_URL
    settings.AUTOMATION_SMS_QUIET_HOURS = ""  # tests that test quiet hours set them; others run at any hour
    sms_locmem.outbox.clear()
    voice_locmem.outbox.clear()
    wijk_lookup._cache["table"] = None  # test databases come and go under the in-memory table
    yield sms_locmem.outbox
    sms_locmem.outbox.clear()
    voice_locmem.outbox.clear()


@pytest.fixture
def voice_outbox():
    """The calls placed in this test (the in-memory voice backend every automation test uses)."""
    return voice_locmem.outbox


@pytest.fixture
def rabot(db):
    """The wijk of the contract's example (the core migration seeds it; transactional tests flush it)."""
    from cms.core.models import Wijk

    wijk, _ = Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    return wijk


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
