"""POST /api/automation/subscriptions/ and .../confirm/: double opt-in exactly as the contract says."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from automation.contacts.models import ChannelConsent, Citizen, ConfirmationRequest, ConsentChange, Subscription
from automation.contacts.selectors import citizen_can_receive, citizen_consents
from automation.contacts.signals import subscription_confirmed
from automation.contacts.tokens import confirmation_token
from tests.automation.api.subscription_helpers import (
    FRONTEND,
    PROBLEM,
    confirmation_mails,
    field_errors,
    make_theme,
    post_json,
    token_in,
)
from tests.automation.factories import make_citizen

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/api/automation/subscriptions/"
CONFIRM = "/api/automation/subscriptions/confirm/"


@pytest.fixture(autouse=True)
def frontend(settings):
    settings.FRONTEND_URL = FRONTEND


@pytest.fixture
def afval(db):
    return make_theme("afval", "Afval", en="Waste", fr="Déchets")


@pytest.fixture
def body(rabot, afval):
    return {"email": "Jana.Peeters@Example.org", "language": "en", "wijken": ["rabot-blaisantvest"], "themes": ["afval"],
            "press": False, "crisis": True}  # fmt: skip


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    def post(payload):
        with django_capture_on_commit_callbacks(execute=True):
            return post_json(client, SUBSCRIBE, payload)

    return post


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def post(token):
        with django_capture_on_commit_callbacks(execute=True):
            return post_json(client, CONFIRM, {"token": token})

    return post


@pytest.fixture
def confirmed_signals():
    received = []

    def listener(sender, subscription, **kwargs):
        received.append((subscription.kind, subscription.status))

    subscription_confirmed.connect(listener, dispatch_uid="test-listener")
    yield received
    subscription_confirmed.disconnect(dispatch_uid="test-listener")


# --- subscribe -----------------------------------------------------------------------


def test_subscribing_stores_pending_subscriptions_and_mails_one_confirmation(subscribe, body, confirmed_signals):
    response = subscribe(body)
    assert response.status_code == 202
    assert response.json() == {"status": "pending"}
    citizen = Citizen.objects.get()
    assert citizen.email == "jana.peeters@example.org" and citizen.language == "en"
    subs = {(s.kind, s.status) for s in citizen.subscriptions.all()}
    assert subs == {("wijk_news", "pending"), ("theme", "pending"), ("crisis", "pending")}
    [mail] = confirmation_mails()
    assert mail.to == ["jana.peeters@example.org"]
    assert confirmed_signals == []


def test_a_pending_subscriber_gets_nothing_but_the_confirmation_mail(subscribe, body):
    subscribe(body)
    citizen = Citizen.objects.get()
    assert citizen_consents(citizen=citizen) == {}  # no consent until the link is followed
    assert not citizen_can_receive(citizen=citizen, channel="email")
    assert len(confirmation_mails()) == 1


def test_a_pending_subscriber_is_in_no_news_audience_until_the_link_is_followed(subscribe, confirm, body, rabot, afval):
    from automation.journeys.triggers import page_audience

    subscribe(body)
    assert list(page_audience(wijken=[rabot], themes=[afval])) == []
    confirm(token_in(confirmation_mails()[0]))
    assert [c.email for c in page_audience(wijken=[rabot], themes=[afval])] == ["jana.peeters@example.org"]


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(subscribe, body):
    known = make_citizen(ref="case-7", email="known@example.org")
    unknown_answer = subscribe({**body, "email": "nobody@example.org"})
    known_answer = subscribe({**body, "email": "KNOWN@example.org"})
    assert (unknown_answer.status_code, unknown_answer.content) == (known_answer.status_code, known_answer.content)
    assert unknown_answer.headers == known_answer.headers
    assert Citizen.objects.filter(email__iexact="known@example.org").get() == known  # no second citizen


def test_a_request_does_not_change_a_known_citizens_details_before_confirmation(subscribe, body, confirm):
    known = make_citizen(ref="case-7", email="known@example.org", phone="+32470111111", language="nl")
    subscribe({**body, "email": "known@example.org", "language": "fr", "phone": "+32470999999", "sms": True})
    known.refresh_from_db()
    assert (known.language, known.phone) == ("nl", "+32470111111")
    confirm(token_in(confirmation_mails()[0]))
    known.refresh_from_db()
    assert (known.language, known.phone) == ("fr", "+32470999999")
    assert citizen_consents(citizen=known)["sms"] is True


def test_at_most_one_confirmation_mail_per_address_per_ten_minutes(subscribe, body):
    assert subscribe(body).status_code == 202
    assert subscribe({**body, "press": True}).status_code == 202  # same answer, stored, not mailed
    assert len(confirmation_mails()) == 1
    assert Subscription.objects.filter(kind="press", status="pending").exists()
    ConfirmationRequest.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    subscribe({**body, "press": True})
    assert len(confirmation_mails()) == 2


@pytest.mark.parametrize(
    "change, field",
    [
        ({"email": None}, "email"),
        ({"email": "not-an-address"}, "email"),
        ({"language": "de"}, "language"),
        ({"wijken": ["atlantis"]}, "wijken"),
        ({"wijken": "rabot-blaisantvest"}, "wijken"),
        ({"themes": ["geen-thema"]}, "themes"),
        ({"press": "yes"}, "press"),
        ({"crisis": 1}, "crisis"),
        ({"phone": "12"}, "phone"),
        ({"sms": True}, "phone"),  # SMS needs a number
        ({"sms": True, "phone": "+32470123456", "crisis": False}, "sms"),  # SMS is for crisis alerts only
        ({"wijken": [], "themes": [], "press": False, "crisis": False}, "wijken"),  # nothing chosen
    ],
)
def test_a_bad_field_is_a_400_naming_it_and_nothing_is_stored_or_sent(subscribe, body, change, field):
    payload = {**body, **change}
    payload = {key: value for key, value in payload.items() if value is not None}
    errors = field_errors(subscribe(payload))
    assert field in errors and errors[field][0]
    assert not Citizen.objects.exists() and not Subscription.objects.exists()
    assert confirmation_mails() == []


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b""])
def test_a_body_that_is_not_a_json_object_is_a_400(client, raw):
    errors = field_errors(post_json(client, SUBSCRIBE, raw))
    assert list(errors) == ["body"]


# --- confirm -------------------------------------------------------------------------


def test_following_the_link_activates_records_consent_and_tells_journeys_after_commit(
    subscribe, confirm, body, confirmed_signals, client
):
    subscribe(body)
    response = confirm(token_in(confirmation_mails()[0]))
    assert response.status_code == 200
    answer = response.json()
    assert answer["status"] == "confirmed" and answer["preferences_token"]
    assert response["Cache-Control"] == "private, no-store"
    citizen = Citizen.objects.get()
    assert set(citizen.subscriptions.values_list("status", flat=True)) == {"active"}
    consent = ChannelConsent.objects.get(citizen=citizen, channel="email")
    assert consent.granted and consent.source == "double-opt-in"
    assert sorted(confirmed_signals) == [("crisis", "active"), ("theme", "active"), ("wijk_news", "active")]
    preferences = client.get(f"/api/automation/subscriptions/preferences/{answer['preferences_token']}/")
    assert preferences.json()["wijken"] == ["rabot-blaisantvest"] and preferences.json()["confirmed"] is True


def test_confirming_again_gives_the_same_answer_and_changes_nothing(subscribe, confirm, body, confirmed_signals, client):
    subscribe(body)
    token = token_in(confirmation_mails()[0])
    first = confirm(token)
    changes = ConsentChange.objects.count()
    again = confirm(token)
    assert again.status_code == 200 and again.json()["status"] == first.json()["status"] == "confirmed"
    # The preferences token is signed when it is handed out (its age counts from then): a second
    # click in another second gets a newer one, which opens the same preferences.
    opened = [
        client.get(f"/api/automation/subscriptions/preferences/{answer.json()['preferences_token']}/").json()
        for answer in (first, again)
    ]
    assert opened[0] == opened[1] and opened[0]["confirmed"] is True
    assert ConsentChange.objects.count() == changes
    assert len(confirmed_signals) == 3


def test_an_old_link_does_not_bring_back_what_was_stopped_since(subscribe, confirm, body, client):
    subscribe(body)
    token = token_in(confirmation_mails()[0])
    preferences_token = confirm(token).json()["preferences_token"]
    client.post(f"/api/automation/subscriptions/unsubscribe/{preferences_token}/")
    assert confirm(token).status_code == 200
    assert set(Subscription.objects.values_list("status", flat=True)) == {"ended"}
    assert citizen_consents(citizen=Citizen.objects.get())["email"] is False


@pytest.mark.parametrize("token", ["", "nonsense", "eyJyIjoxLCJwIjoiY29uZmlybSJ9:1abc:forged"])
def test_a_bad_token_is_a_404_unknown_link(confirm, token):
    response = confirm(token)
    if token == "":
        assert "token" in field_errors(response)
        return
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"].endswith("/unknown-link")


def test_a_link_older_than_seven_days_is_a_404_and_activates_nothing(subscribe, confirm, body, monkeypatch):
    subscribe(body)
    request = ConfirmationRequest.objects.get()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 7 * 24 * 3600 - 60)
    old_token = confirmation_token(request=request)
    monkeypatch.setattr(time, "time", real_time)
    assert confirm(old_token).status_code == 404
    assert not Subscription.objects.filter(status="active").exists()


def test_a_token_for_another_purpose_is_refused(confirm, body, subscribe):
    subscribe(body)
    citizen = Citizen.objects.get()
    preferences_style = signing.dumps({"c": citizen.pk, "p": "preferences"}, salt="automation.contacts.tokens", compress=True)
    assert confirm(preferences_style).status_code == 404
