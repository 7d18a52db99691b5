"""The double opt-in mail: its link, its language (Dutch fallback), why it came, both parts, the outbox."""

from __future__ import annotations

import email
import json

import pytest
from django.core import mail

from automation.contacts.models import ConfirmationRequest, Suppression
from tests.automation.api.subscription_helpers import FRONTEND, make_theme, token_in

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/api/automation/subscriptions/"


@pytest.fixture(autouse=True)
def frontend(settings):
    settings.FRONTEND_URL = FRONTEND


@pytest.fixture
def subscribe(client, rabot, django_capture_on_commit_callbacks):
    make_theme("afval", "Afval", en="Waste", fr="Déchets")

    def post(language, *, outbox=True, **extra):
        body = {"email": f"{language}@example.org", "language": language, "wijken": ["rabot-blaisantvest"],
                "themes": ["afval"], "crisis": True, **extra}  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(SUBSCRIBE, data=json.dumps(body), content_type="application/json")
        assert response.status_code == 202
        if not outbox:
            return None
        [message] = [m for m in mail.outbox if m.to == [f"{language}@example.org"]]
        return message

    return post


@pytest.mark.parametrize(
    "language, subject, reason, theme",
    [
        ("nl", "Bevestig uw abonnement bij Stad Gent", "U krijgt deze e-mail omdat iemand dit adres opgaf", "het thema Afval"),
        ("en", "Confirm your subscription to the City of Ghent", "You receive this e-mail because someone entered", "the theme Waste"),
        ("fr", "Confirmez votre inscription auprès de la Ville de Gand", "Vous recevez cet e-mail parce que", "le thème Déchets"),
    ],
)
def test_the_mail_is_in_the_chosen_language_says_why_and_what_and_links_to_the_front_end(
    subscribe, language, subject, reason, theme
):
    message = subscribe(language)
    assert message.subject == subject
    html, mime = message.alternatives[0]
    assert mime == "text/html" and f'<html lang="{language}">' in html
    for part in (message.body, html):
        assert reason in part and theme in part and "Rabot - Blaisantvest" in part
    assert f"{FRONTEND}/{language}/inschrijven/bevestigen?token=" in message.body
    assert token_in(message)


def test_the_link_in_the_mail_confirms(subscribe, client):
    message = subscribe("en")
    response = client.post(
        "/api/automation/subscriptions/confirm/", data=json.dumps({"token": token_in(message)}), content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "confirmed"


def test_sms_for_crisis_alerts_is_named_with_the_number(subscribe):
    message = subscribe("nl", phone="0470 12 34 56", sms=True)
    assert "crisisberichten (heel Gent), ook per sms naar +32470123456" in message.body


def test_the_mail_is_written_to_the_file_outbox_by_default(subscribe, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    subscribe("fr", outbox=False)
    assert mail.outbox == []  # not in memory: in the files
    [written] = list(tmp_path.iterdir())
    parsed = email.message_from_string(written.read_text())
    assert parsed["To"] == "fr@example.org"
    assert {part.get_content_type() for part in parsed.walk()} >= {"text/plain", "text/html"}
    assert ConfirmationRequest.objects.get().mailed_at is not None


def test_a_suppressed_address_gets_no_mail(client, rabot, django_capture_on_commit_callbacks):
    Suppression.objects.create(channel="email", address="bounced@example.org", reason="hard_bounce")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SUBSCRIBE, data=json.dumps({"email": "bounced@example.org", "crisis": True}), content_type="application/json"
        )
    assert response.status_code == 202  # the same answer as for anyone
    assert mail.outbox == [] and ConfirmationRequest.objects.get().mailed_at is None


def test_a_language_without_texts_falls_back_to_dutch(rabot):
    from automation.contacts.confirmation_mail import confirmation_envelope
    from tests.automation.factories import make_citizen

    citizen = make_citizen(ref="case-de", email="de@example.org", consent=())
    request = ConfirmationRequest.objects.create(citizen=citizen, language="de")
    envelope = confirmation_envelope(request=request)
    assert envelope.subject == "Bevestig uw abonnement bij Stad Gent"
    assert f"{FRONTEND}/nl/inschrijven/bevestigen?token=" in envelope.body_text
    assert '<html lang="nl">' in envelope.body_html
