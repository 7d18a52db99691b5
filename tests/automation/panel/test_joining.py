"""Joining the test panel: double opt-in through the API, the consent recorded, leaving in one click."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from automation.contacts.models import ChannelConsent, Citizen, ConsentChange, Subscription
from automation.panel.consent import CURRENT_VERSION, consent_text
from automation.panel.models import Invitation, PanelMember
from automation.panel.tokens import LEAVE, member_token
from tests.automation.api.subscription_helpers import PROBLEM, field_errors, post_json
from tests.automation.panel.conftest import FRONTEND, make_member

pytestmark = pytest.mark.django_db
JOIN, CONFIRM, CONSENT = "/api/automation/panel/join/", "/api/automation/panel/confirm/", "/api/automation/panel/consent/"


@pytest.fixture
def body(wijken):
    return {"email": "Mira.Claes@Example.org", "wijk": "ledeberg", "language": "fr", "consent_version": CURRENT_VERSION}


@pytest.fixture
def join(client, django_capture_on_commit_callbacks):
    def post(payload):
        with django_capture_on_commit_callbacks(execute=True):
            return post_json(client, JOIN, payload)

    return post


def confirm_token(message) -> str:
    url = re.search(rf"{re.escape(FRONTEND)}/(\w\w)/testpanel/bevestigen\?\S+", message.body).group(0)
    return parse_qs(urlsplit(url).query)["token"][0]


def test_the_consent_text_and_its_version_are_served_in_the_asked_language(client, wijken):
    answer = client.get(CONSENT, {"lang": "en"}).json()
    assert answer["version"] == CURRENT_VERSION
    assert answer["text"] == consent_text(language="en")
    assert {"slug": "ledeberg", "name": wijken["ledeberg"].name} in answer["wijken"]


def test_joining_stores_a_pending_member_and_mails_a_link_in_their_language(join, body):
    response = join(body)
    assert response.status_code == 202 and response.json() == {"status": "pending"}
    member = PanelMember.objects.get()
    assert (member.status, member.wijk.slug, member.language, member.consent_version) == (
        "pending", "ledeberg", "fr", CURRENT_VERSION)
    assert member.citizen.email == "mira.claes@example.org"
    assert not ChannelConsent.objects.exists()  # nothing consented until the link is followed
    [message] = mail.outbox
    assert message.to == ["mira.claes@example.org"]
    assert "panel de test" in message.subject
    assert consent_text(language="fr") in message.body  # the mail repeats what is agreed to
    assert f"{FRONTEND}/fr/testpanel/bevestigen?token=" in message.body


def test_following_the_link_makes_the_member_active_and_records_consent_with_its_proof(join, body, client):
    join(body)
    token = confirm_token(mail.outbox[0])
    response = post_json(client, CONFIRM, {"token": token})
    assert response.status_code == 200 and response.json() == {"status": "confirmed"}
    member = PanelMember.objects.get()
    assert member.status == "active" and member.confirmed_at is not None
    assert member.consent_version == CURRENT_VERSION and "double-opt-in" in member.consent_source
    consent = ChannelConsent.objects.get(citizen=member.citizen, channel="email")
    assert consent.granted and consent.source == "testpanel:double-opt-in"
    assert ConsentChange.objects.filter(citizen=member.citizen, channel="email", granted=True).count() == 1
    again = post_json(client, CONFIRM, {"token": token})  # a second click (or a mail scanner): same answer
    assert again.status_code == 200 and ConsentChange.objects.count() == 1


def test_a_pending_member_is_not_active_and_a_bad_token_is_an_unknown_link(join, body, client):
    join(body)
    response = post_json(client, CONFIRM, {"token": confirm_token(mail.outbox[0]) + "x"})
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM
    assert response.json()["type"].endswith("/unknown-link")
    assert PanelMember.objects.get().status == "pending"


def test_bad_fields_are_named_and_nothing_is_stored(join, body):
    errors = field_errors(join({**body, "email": "geen-adres", "wijk": "atlantis", "consent_version": "oud"}))
    assert set(errors) == {"email", "wijk", "consent_version"}
    assert not PanelMember.objects.exists() and not Citizen.objects.exists() and not mail.outbox


def test_asking_again_for_an_active_member_changes_nothing_and_sends_nothing(join, body, wijken):
    member = make_member(n=1, wijk=wijken["rabot-blaisantvest"])
    response = join({**body, "email": member.citizen.email})
    assert response.status_code == 202  # the same answer: the form cannot tell who is in the panel
    member.refresh_from_db()
    assert member.wijk.slug == "rabot-blaisantvest" and not mail.outbox


def test_leaving_in_one_click_erases_a_panel_only_citizen_and_withdraws_open_invitations(client, wijken, draft_page):
    from automation.panel.invitations import pretest_send
    from automation.panel.pretests import pretest_create

    member = make_member(n=1, wijk=wijken["ledeberg"])
    pretest = pretest_create(name="Grofvuil", page=draft_page, sample_size=5)
    pretest_send(pretest_id=pretest.pk)
    url = f"/api/automation/panel/leave/{member_token(member=member, purpose=LEAVE)}/"
    page = client.get(url)
    assert page.status_code == 200 and b"<form method=\"post\">" in page.content
    assert PanelMember.objects.exists()  # a GET (a link scanner) removes no one
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "Gelukt" in response.content.decode()
    assert not PanelMember.objects.exists()
    assert not Citizen.objects.filter(email="lid1@example.org").exists()  # the address is gone
    assert Invitation.objects.get().status == Invitation.Status.WITHDRAWN
    assert client.post(url).status_code == 200  # a second click is no error


def test_leaving_keeps_a_citizen_who_also_subscribes_to_news(client, wijken):
    member = make_member(n=2, wijk=wijken["ledeberg"])
    Subscription.objects.create(citizen=member.citizen, kind="press", status="active")
    client.post(f"/api/automation/panel/leave/{member_token(member=member, purpose=LEAVE)}/")
    assert not PanelMember.objects.exists()
    assert Citizen.objects.get(pk=member.citizen_id).subscriptions.count() == 1
