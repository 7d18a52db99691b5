"""GET/PUT /api/automation/subscriptions/preferences/<token>/ and POST .../unsubscribe/<token>/."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from automation.contacts.models import ChannelConsent, ConsentChange, Subscription
from automation.contacts.selectors import citizen_consents
from automation.contacts.tokens import PREFERENCES, citizen_token, unsubscribe_purpose
from automation.messages.links import preferences_url
from cms.core.models import Wijk
from tests.automation.api.subscription_helpers import FRONTEND, PROBLEM, field_errors, make_theme, put_json
from tests.automation.factories import make_citizen

pytestmark = pytest.mark.django_db
BASE = "/api/automation/subscriptions"


@pytest.fixture
def citizen(rabot):
    afval = make_theme("afval", "Afval")
    citizen = make_citizen(ref="case-9", email="jana@example.org", phone="", consent=("email",))
    Subscription.objects.create(citizen=citizen, kind="wijk_news", wijk=rabot, status="active")
    Subscription.objects.create(citizen=citizen, kind="theme", theme=afval, status="active")
    Subscription.objects.create(citizen=citizen, kind="crisis", status="pending")
    return citizen


@pytest.fixture
def token(citizen):
    return citizen_token(citizen=citizen, purpose=PREFERENCES)


@pytest.fixture
def other_wijk(db):
    return Wijk.objects.get_or_create(slug="brugse-poort-rooigem", defaults={"name": "Brugse Poort - Rooigem"})[0]


def test_the_state_is_what_the_citizen_follows_with_the_address_masked(client, token):
    response = client.get(f"{BASE}/preferences/{token}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response.json() == {
        "email": "j…@example.org",
        "language": "nl",
        "channels": {"email": True, "sms": False, "voice": False},
        "wijken": ["rabot-blaisantvest"],
        "themes": ["afval"],
        "press": False,
        "crisis": True,
        "confirmed": False,  # the crisis subscription still waits for its link
    }


@pytest.mark.parametrize("method", ["get", "put", "unsubscribe"])
def test_an_invalid_token_is_a_404_problem(client, citizen, method):
    wrong = [citizen_token(citizen=citizen, purpose=unsubscribe_purpose("email")), "garbage"]
    for token in wrong:
        if method == "get":
            response = client.get(f"{BASE}/preferences/{token}/")
        elif method == "put":
            response = put_json(client, f"{BASE}/preferences/{token}/", {"press": True})
        else:
            response = client.post(f"{BASE}/unsubscribe/{token}/")
        assert response.status_code == 404 and response["Content-Type"] == PROBLEM
        assert response.json()["type"].endswith("/unknown-link")
    assert not Subscription.objects.filter(kind="press").exists()


def test_put_replaces_the_choices_and_answers_the_new_state(client, token, citizen, other_wijk):
    response = put_json(
        client,
        f"{BASE}/preferences/{token}/",
        {"language": "fr", "wijken": ["brugse-poort-rooigem"], "themes": [], "press": True, "crisis": True},
    )
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    state = response.json()
    assert (state["language"], state["wijken"], state["themes"], state["press"], state["crisis"]) == (
        "fr", ["brugse-poort-rooigem"], [], True, True,
    )  # fmt: skip
    assert state["confirmed"] is True  # chosen here, with the signed link: active at once
    statuses = {(s.kind, s.wijk.slug if s.wijk_id else None, s.status) for s in citizen.subscriptions.all()}
    assert ("wijk_news", "rabot-blaisantvest", "ended") in statuses
    assert ("wijk_news", "brugse-poort-rooigem", "active") in statuses
    assert ("theme", None, "ended") in statuses and ("press", None, "active") in statuses
    assert client.get(f"{BASE}/preferences/{token}/").json() == state


def test_a_consent_change_is_recorded_with_time_and_source(client, token, citizen):
    before = ConsentChange.objects.filter(citizen=citizen).count()
    put_json(client, f"{BASE}/preferences/{token}/", {"channels": {"email": False, "sms": True}, "phone": "0470 12 34 56"})
    consents = {c.channel: c for c in ChannelConsent.objects.filter(citizen=citizen)}
    assert consents["email"].granted is False and consents["email"].source == "preference-centre"
    assert consents["sms"].granted is True and consents["sms"].source == "preference-centre"
    assert ConsentChange.objects.filter(citizen=citizen).count() == before + 2
    citizen.refresh_from_db()
    assert citizen.phone == "+32470123456"


def test_a_field_left_out_of_put_stays_as_it_is(client, token):
    state = put_json(client, f"{BASE}/preferences/{token}/", {"press": True}).json()
    assert state["wijken"] == ["rabot-blaisantvest"] and state["themes"] == ["afval"] and state["press"] is True


@pytest.mark.parametrize(
    "body, field",
    [
        ({"wijken": ["atlantis"]}, "wijken"),
        ({"themes": ["geen-thema"]}, "themes"),
        ({"language": "de"}, "language"),
        ({"press": "yes"}, "press"),
        ({"channels": {"email": "no"}}, "channels.email"),
        ({"channels": {"sms": True}}, "channels.sms"),  # no phone number on record
        ({"channels": {"voice": True}}, "channels.voice"),  # nobody to call
        ({"channels": {"voice": True}, "phone": ""}, "channels.voice"),
        ({"channels": {"voice": "bel mij"}}, "channels.voice"),
        ({"phone": "12"}, "phone"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_field_and_nothing_changes(client, token, citizen, body, field):
    before = client.get(f"{BASE}/preferences/{token}/").json()
    errors = field_errors(put_json(client, f"{BASE}/preferences/{token}/", {**body, "press": body.get("press", True)}))
    assert field in errors
    assert client.get(f"{BASE}/preferences/{token}/").json() == before


def test_unsubscribe_all_ends_everything_and_withdraws_consent(client, token, citizen):
    response = client.post(f"{BASE}/unsubscribe/{token}/")
    assert response.status_code == 200 and response.json() == {"status": "unsubscribed"}
    assert set(citizen.subscriptions.values_list("status", flat=True)) == {"ended"}
    assert citizen_consents(citizen=citizen) == {"email": False, "sms": False, "voice": False}
    assert set(ConsentChange.objects.filter(citizen=citizen, granted=False).values_list("channel", "source")) == {
        ("email", "preference-centre"),
        ("sms", "preference-centre"),
        ("voice", "preference-centre"),
    }
    state = client.get(f"{BASE}/preferences/{token}/").json()
    assert (state["wijken"], state["themes"], state["press"], state["crisis"]) == ([], [], False, False)


def test_the_preference_link_in_emails_opens_the_front_end_with_a_working_token(client, citizen, settings):
    settings.FRONTEND_URL = FRONTEND
    citizen.language = "en"
    url = preferences_url(citizen=citizen)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{FRONTEND}/en/voorkeuren"
    token = parse_qs(parts.query)["token"][0]
    assert client.get(f"{BASE}/preferences/{token}/").status_code == 200


def test_the_old_html_page_still_works_for_old_links_and_shows_subscriptions(client, token, citizen):
    page = client.get(f"/api/automation/preferences/{token}/")
    assert page.status_code == 200 and b'type="checkbox"' in page.content
    assert "nieuws uit een wijk Rabot - Blaisantvest" in page.content.decode()
    wijk_news = citizen.subscriptions.get(kind="wijk_news")
    client.post(f"/api/automation/preferences/{token}/", {"sms": "on", "subscription": [str(wijk_news.pk)]})
    assert citizen_consents(citizen=citizen) == {"email": False, "sms": True}
    assert dict(citizen.subscriptions.values_list("kind", "status")) == {
        "wijk_news": "active", "theme": "ended", "crisis": "ended",
    }  # fmt: skip


def test_the_old_html_page_can_stop_everything(client, token, citizen):
    response = client.post(f"/api/automation/preferences/{token}/", {"action": "stop"})
    assert response.status_code == 200
    assert set(citizen.subscriptions.values_list("status", flat=True)) == {"ended"}
    assert citizen_consents(citizen=citizen) == {"email": False, "sms": False, "voice": False}


def test_a_subscription_chosen_here_tells_journeys_once_after_commit(client, token, django_capture_on_commit_callbacks):
    from automation.contacts.signals import subscription_confirmed

    received = []

    def listener(sender, subscription, **kwargs):
        received.append((subscription.kind, subscription.status))

    subscription_confirmed.connect(listener, dispatch_uid="test-preference-listener")
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            put_json(client, f"{BASE}/preferences/{token}/", {"press": True})
            assert received == []  # not before the commit
        assert callbacks and received == [("press", "active")]
        with django_capture_on_commit_callbacks(execute=True):
            put_json(client, f"{BASE}/preferences/{token}/", {"press": True})
        assert received == [("press", "active")]  # choosing it again activates nothing new
    finally:
        subscription_confirmed.disconnect(dispatch_uid="test-preference-listener")


def test_the_old_html_page_announces_its_sunset_and_its_successor(client, token):
    page = client.get(f"/api/automation/preferences/{token}/")
    assert page["Sunset"] == "Wed, 30 Jun 2027 21:59:59 GMT"  # the end of 30 June in Ghent
    assert page["Deprecation"].startswith("@")
    assert page["Link"] == f'<http://localhost:3000/nl/voorkeuren?{urlencode({"token": token})}>; rel="successor-version"'


def test_after_its_sunset_the_old_address_sends_people_to_the_front_end_with_their_token(client, token, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from automation.api import preferences

    monkeypatch.setattr(preferences, "SUNSET", timezone.localdate() - timedelta(days=1))
    for response in (client.get(f"/api/automation/preferences/{token}/"),
                     client.post(f"/api/automation/preferences/{token}/", {"action": "stop"})):
        assert response.status_code == 303
        assert response["Location"] == f"http://localhost:3000/nl/voorkeuren?{urlencode({'token': token})}"
    assert client.get("/api/automation/preferences/forged/").status_code == 404


def test_bel_mij_is_a_channel_chosen_with_a_number_and_a_crisis_alert_then_calls(
    client, token, citizen, voice_outbox, django_capture_on_commit_callbacks
):
    from automation.crisis.fan_out import crisis_alert_fan_out
    from automation.crisis.models import CrisisAlert
    from automation.messages.models import MessageTemplate, TemplateContent

    state = put_json(
        client, f"{BASE}/preferences/{token}/", {"channels": {"email": False, "voice": True}, "phone": "09 210 10 10", "crisis": True}
    ).json()
    assert state["channels"] == {"email": False, "sms": False, "voice": True} and state["crisis"] is True
    consent = ChannelConsent.objects.get(citizen=citizen, channel="voice")
    assert consent.granted is True and consent.source == "preference-centre"

    template = MessageTemplate.objects.create(slug="storm", name="Storm")
    TemplateContent.objects.create(template=template, channel="sms", language="nl", body_text="Storm: blijf binnen.")
    alert = CrisisAlert.objects.create(title="Storm", template=template, channels=["email", "sms", "voice"], status="confirmed")
    with django_capture_on_commit_callbacks(execute=True):
        crisis_alert_fan_out(alert_id=alert.pk)
    assert [(call.to, call.script.split("\n\n")[1]) for call in voice_outbox] == [("+3292101010", "Storm: blijf binnen.")]
