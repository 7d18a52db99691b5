"""A citizen can see everything held on them, and be forgotten; every look is logged."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from automation.contacts.models import ChannelConsent, Citizen, CitizenAccessLog, Subscription
from automation.contacts.privacy import ref_hash
from automation.dossiers.models import DossierEvent
from automation.journeys.demo import demo_journey_install
from automation.messages.models import Message
from automation.messages.retention import message_bodies_purge

pytestmark = pytest.mark.django_db


@pytest.fixture
def an(rabot, post_event, event_payload, django_capture_on_commit_callbacks):
    """Citizen-42 after the demo journey's first milestone: one e-mail sent, a subscription."""
    demo_journey_install()
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event_payload)
    citizen = Citizen.objects.get(ref="citizen-42")
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.WIJK_NEWS, wijk=rabot, status="active")
    return citizen


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_export_holds_everything_about_the_citizen_and_is_logged(an):
    data = json.loads(run("citizen_export", "citizen-42", "--actor", "dpo@stad.gent"))
    assert data["citizen"]["email"] == "an.peeters@example.be" and data["citizen"]["wijk"] == "rabot-blaisantvest"
    assert {c["channel"] for c in data["consents"]} == {"email", "sms"}
    assert data["subscriptions"][0]["kind"] == "wijk_news"
    assert data["dossier_events"][0]["payload"]["citizen"]["phone"] == "+32470123456"
    assert {m["channel"] for m in data["messages"]} == {"email"}
    assert data["messages"][0]["recipient"] == "an.peeters@example.be"  # unmasked: it is the citizen's own
    assert "OMV-2026-000123" in data["messages"][0]["body_text"]
    assert [(a["actor"], a["action"]) for a in data["access_log"]] == [("dpo@stad.gent", "export")]


def test_erasure_deletes_the_contact_and_anonymises_the_history(an):
    with pytest.raises(CommandError, match="--yes"):
        run("citizen_erase", "citizen-42")
    counts = json.loads(run("citizen_erase", "citizen-42", "--yes", "--actor", "dpo@stad.gent"))
    assert counts["messages"] == 1 and counts["dossier_events"] == 1
    assert not Citizen.objects.exists() and not ChannelConsent.objects.exists() and not Subscription.objects.exists()
    for message in Message.objects.all():
        assert (message.recipient, message.body_text, message.body_html, message.headers) == ("", "", "", {})
        assert message.status == "sent" and message.journey is not None  # the city's accounts stay
    event = DossierEvent.objects.get()
    assert "an.peeters" not in json.dumps(event.payload) and event.citizen_ref.startswith("erased:")
    log = CitizenAccessLog.objects.get(action="erase")
    assert log.ref_sha256 == ref_hash("citizen-42") and log.actor == "dpo@stad.gent"


def test_a_repeat_of_an_erased_citizens_event_is_still_recognised(an, post_event, event_payload):
    run("citizen_erase", "citizen-42", "--yes")
    assert post_event(event_payload).status_code == 200
    assert not Citizen.objects.exists()


def test_viewing_a_message_in_the_admin_is_logged_for_its_citizen(an, admin_client, admin_user):
    message = Message.objects.get(channel="email")
    assert admin_client.get(reverse("automation_messages:inspect", args=[message.pk])).status_code == 200
    log = CitizenAccessLog.objects.get()
    assert (log.citizen, log.action, log.actor) == (an, "view", admin_user.get_username())


def test_message_bodies_are_purged_after_the_retention_period(an, settings):
    settings.AUTOMATION_MESSAGE_RETENTION_DAYS = 30
    assert message_bodies_purge() == 0
    Message.objects.update(created_at=timezone.now() - timedelta(days=31))
    assert run("messages_purge_bodies").strip() == "1 message(s) purged"
    email = Message.objects.get(channel="email")
    assert (email.body_text, email.body_html, email.headers) == ("", "", {})
    assert email.subject and email.status == "sent"  # the log still says what went out
