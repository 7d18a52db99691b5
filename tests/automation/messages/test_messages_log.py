"""`messages_log --json` prints what the issue promises, filtered by dossier and citizen."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from automation.journeys.demo import demo_journey_install

pytestmark = pytest.mark.django_db


def log(*args) -> list[dict]:
    out = StringIO()
    call_command("messages_log", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def two_dossiers(rabot, post_event, event_payload, django_capture_on_commit_callbacks):
    demo_journey_install()
    second = {**event_payload, "event_id": "evt-2", "dossier": {"id": "OMV-2", "type": "omgevingsvergunning"}}
    second["citizen"] = {"ref": "citizen-2", "email": "bo@example.be", "language": "fr", "consent": {"email": True}}
    texted = {**event_payload, "event_id": "evt-sms", "citizen": {**event_payload["citizen"], "preferred_channel": "sms"}}
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event_payload)
        post_event(second)
        post_event(texted)  # the same dossier's milestone again, for a citizen who now prefers SMS


def test_the_log_lists_every_message_with_the_promised_fields(two_dossiers):
    entries = log()
    assert len(entries) == 3
    first = entries[0]
    assert {key: first[key] for key in ("channel", "status", "journey", "milestone", "dossier", "language")} == {
        "channel": "email",
        "status": "sent",
        "journey": "omgevingsvergunning",
        "milestone": "aanvraag_ontvangen",
        "dossier": "OMV-2026-000123",
        "language": "nl",
    }
    assert [change["status"] for change in first["history"]] == ["created", "sending", "sent"]
    assert first["recipient"] == "a***@example.be"


def test_the_log_filters_by_dossier_and_by_citizen(two_dossiers):
    assert {(e["channel"], e["language"]) for e in log("--dossier", "OMV-2")} == {("email", "fr")}
    assert sorted(e["channel"] for e in log("--citizen", "citizen-42")) == ["email", "sms"]
    assert log("--dossier", "OMV-404") == []


def test_without_json_it_prints_one_line_per_message(two_dossiers):
    out = StringIO()
    call_command("messages_log", "--dossier", "OMV-2", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and "OMV-2" in lines[0] and lines[1] == "1 message(s)"
