"""The admin shows events (unmatched ones findable) and the message log with history, read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from automation.dossiers.models import DossierEvent
from automation.journeys.demo import demo_journey_install
from automation.messages.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(rabot, post_event, event_payload, django_capture_on_commit_callbacks):
    demo_journey_install()
    unknown = {**event_payload, "event_id": "evt-x", "milestone": "bezwaar_ingediend"}
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event_payload)
        post_event(unknown)


def test_unmatched_milestones_can_be_listed_in_the_admin(admin_client, events):
    url = reverse("automation_events:index")
    response = admin_client.get(url, {"status": "unmatched"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "bezwaar_ingediend" in content and "aanvraag_ontvangen" not in content


def test_the_message_log_filters_by_dossier_and_shows_each_messages_history(admin_client, events):
    response = admin_client.get(reverse("automation_messages:index"), {"dossier__external_id": "OMV-2026-000123"})
    assert response.status_code == 200
    email = Message.objects.get(channel="email")
    inspect = admin_client.get(reverse("automation_messages:inspect", args=[email.pk]))
    assert inspect.status_code == 200
    assert "sending" in inspect.content.decode() and "sent" in inspect.content.decode()


def test_records_cannot_be_edited_or_deleted_even_by_a_superuser(admin_client, events):
    event = DossierEvent.objects.first()
    assert admin_client.get(reverse("automation_events:edit", args=[event.pk])).status_code in (302, 403)
    assert admin_client.get(reverse("automation_events:delete", args=[event.pk])).status_code in (302, 403)
    assert admin_client.get(reverse("automation_messages:add")).status_code in (302, 403)
