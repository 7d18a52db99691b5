"""The demo journey end to end: a signed event in, one message out on the first channel that
reaches the citizen (their preferred one, else e-mail, SMS, letter), in the citizen's language."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from django.core import mail

from automation.contacts.selectors import citizen_consents
from automation.contacts.models import Citizen
from automation.dossiers.models import DossierEvent
from automation.journeys.demo import demo_journey_install
from automation.journeys.models import Journey
from automation.messages.models import Message, TemplateContent

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(rabot):
    return demo_journey_install()


@pytest.fixture
def deliver(post_event, event_payload, django_capture_on_commit_callbacks):
    """deliver(milestone=..., event_id=..., **citizen fields): post the event and run its tasks."""

    def deliver_event(*, milestone="aanvraag_ontvangen", event_id="evt-1", data=None, **citizen):
        payload = {**event_payload, "milestone": milestone, "event_id": event_id}
        payload["citizen"] = {**event_payload["citizen"], **citizen}
        if data is not None:
            payload["data"] = data
        with django_capture_on_commit_callbacks(execute=True):
            response = post_event(payload)
        assert response.status_code in (200, 202), response.content
        return response

    return deliver_event


def test_application_received_sends_one_email_in_dutch(demo, deliver, sms_outbox):
    deliver()
    [email] = mail.outbox
    assert email.to == ["an.peeters@example.be"]
    assert email.subject == "We hebben uw aanvraag OMV-2026-000123 ontvangen"
    assert "ontvangen op 30 november 2026 voor Rabotstraat 1, 9000 Gent" in email.body
    assert sms_outbox == []  # the SMS is the fall-back, not a second copy
    assert set(Message.objects.values_list("channel", "status")) == {("email", "sent")}


def test_a_citizen_who_prefers_sms_gets_a_text_instead(demo, deliver, sms_outbox):
    deliver(preferred_channel="sms")
    [sms] = sms_outbox
    assert mail.outbox == []
    assert sms.to == "+32470123456"
    assert sms.body == "Stad Gent: we hebben uw aanvraag OMV-2026-000123 ontvangen. We laten u weten wanneer er nieuws is."
    assert len(sms.body) <= 160
    assert Citizen.objects.get().preferred_channel == "sms"


def test_every_email_has_html_and_text_says_why_and_links_to_preferences(demo, deliver, client):
    deliver()
    [email] = mail.outbox
    html = email.alternatives[0][0]
    assert email.alternatives[0][1] == "text/html" and '<html lang="nl">' in html
    why = "U krijgt dit bericht omdat u bij Stad Gent een dossier hebt: OMV-2026-000123 (Omgevingsvergunning)"
    assert why in email.body and why in html
    link = re.search(r"https?://\S+/nl/voorkeuren\?token=(\S+)", email.body)  # the front end's preference centre
    assert link.group(0) in html
    token = urllib.parse.unquote(link.group(1))
    assert client.get(f"/api/automation/subscriptions/preferences/{token}/").status_code == 200


def test_the_one_click_unsubscribe_header_works_as_rfc_8058_says(demo, deliver, client):
    deliver()
    [email] = mail.outbox
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = re.fullmatch(r"<https://gent\.example(/\S+)>", email.extra_headers["List-Unsubscribe"]).group(1)
    response = client.post(path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert citizen_consents(citizen=Citizen.objects.get()) == {"email": False, "sms": True}


@pytest.mark.parametrize(
    "language, subject, sms_start",
    [
        ("en", "We have received your application OMV-2026-000123", "City of Ghent: we have received"),
        ("fr", "Nous avons bien reçu votre demande OMV-2026-000123", "Ville de Gand : votre demande"),
    ],
)
def test_the_citizen_is_written_to_in_their_language(demo, deliver, sms_outbox, language, subject, sms_start):
    deliver(language=language)
    deliver(language=language, event_id="evt-2", milestone="aanvraag_ontvangen", consent={"email": False, "sms": True})
    assert mail.outbox[0].subject == subject
    assert sms_outbox[0].body.startswith(sms_start)
    assert set(Message.objects.values_list("language", flat=True)) == {language}


def test_a_language_without_a_translation_falls_back_to_dutch(demo, deliver):
    TemplateContent.objects.filter(language="fr", channel="email").delete()
    deliver(language="fr")
    assert mail.outbox[0].subject == "We hebben uw aanvraag OMV-2026-000123 ontvangen"
    assert Message.objects.get(channel="email").language == "nl"


def test_no_sms_without_a_phone_number(demo, deliver, sms_outbox):
    deliver(phone="")
    assert len(mail.outbox) == 1 and sms_outbox == []


def test_no_sms_without_sms_consent(demo, deliver, sms_outbox):
    deliver(consent={"email": True, "sms": False})
    assert len(mail.outbox) == 1 and sms_outbox == []


def test_no_email_without_email_consent(demo, deliver, sms_outbox):
    deliver(consent={"email": False, "sms": True})
    assert mail.outbox == [] and len(sms_outbox) == 1


def test_the_decision_sends_its_own_email(demo, deliver, sms_outbox):
    deliver()
    deliver(milestone="beslissing_genomen", event_id="evt-2", data={"decision": "vergunning verleend"})
    assert [email.subject for email in mail.outbox] == [
        "We hebben uw aanvraag OMV-2026-000123 ontvangen",
        "Er is een beslissing over uw aanvraag OMV-2026-000123",
    ]
    assert "De beslissing: vergunning verleend." in mail.outbox[1].body
    assert sms_outbox == []


def test_milestones_in_between_are_recognised_but_send_nothing(demo, deliver, sms_outbox):
    deliver(milestone="volledig_verklaard")
    deliver(milestone="openbaar_onderzoek", event_id="evt-2")
    assert mail.outbox == [] and sms_outbox == []
    assert set(DossierEvent.objects.values_list("status", flat=True)) == {"processed"}


def test_a_repeated_event_sends_nothing_again(demo, deliver, sms_outbox):
    deliver()
    repeat = deliver()
    assert repeat.status_code == 200
    assert len(mail.outbox) == 1 and sms_outbox == []
    assert Message.objects.count() == 1


def test_installing_the_demo_twice_changes_nothing(demo):
    again = demo_journey_install()
    assert again.pk == demo.pk and again.versions.count() == 1
    # 2 milestones x (email + sms + letter) x 3 languages, the wijk digest e-mail in 3 languages, and
    # the project-following journey's two e-mails (new phase, new event) in 3 languages
    assert TemplateContent.objects.count() == 27
    assert Journey.objects.filter(slug="project-volgen").get().versions.count() == 1


def test_the_demo_command_adds_the_journey_and_citizens_once(rabot):
    from io import StringIO

    from django.core.management import call_command

    from automation.contacts.models import Subscription

    first, second = StringIO(), StringIO()
    call_command("automation_demo", stdout=first)
    call_command("automation_demo", stdout=second)
    assert "Demo citizens added: 3." in first.getvalue() and "Demo citizens added: 0." in second.getvalue()
    assert Citizen.objects.filter(ref__startswith="demo-").count() == 3
    assert Subscription.objects.filter(kind="crisis", status="active").count() == 2


def test_seed_demo_installs_the_demo_journey_and_citizens(settings, tmp_path):
    """The content hub's seed runs automation's contribution (registered by the journeys app)."""
    from pathlib import Path

    from automation.journeys.demo import JOURNEY_SLUG
    from automation.journeys.models import Journey
    from cms.importers.seed.run import seed_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    fixtures = Path(__file__).resolve().parents[2] / "cms" / "importers" / "fixtures" / "seed_small"
    seed_demo(data_dir=fixtures)

    assert Journey.objects.filter(slug=JOURNEY_SLUG).exists()
    assert Citizen.objects.filter(ref__startswith="demo-").count() == 3
