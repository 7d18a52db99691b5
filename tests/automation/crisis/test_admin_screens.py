"""The crisis screens as two officers use them: compose, see the audience, request, confirm, follow, end."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from automation.crisis.models import CrisisAlert
from cms.core.models import Wijk

pytestmark = pytest.mark.django_db


def compose_data(**overrides):
    data = {
        "title": "Brand Rabot",
        "headline_nl": "Brand in Rabot",
        "body_nl": "Hou ramen en deuren dicht.",
        "headline_fr": "Incendie à Rabot",
        "body_fr": "Fermez portes et fenêtres.",
        "scope": "wijken",
        "channels": ["sms", "email"],
    }
    return {**data, **overrides}


@pytest.fixture
def audience(rabot, crisis_subscriber):
    elsewhere = Wijk.objects.exclude(pk=rabot.pk).first()
    crisis_subscriber("in-rabot", wijk=rabot)
    crisis_subscriber("citywide", wijk=None, language="fr", phone="+32470000001")
    crisis_subscriber("sms-only", wijk=rabot, phone="+32470000003", channels=("sms",))
    crisis_subscriber("elsewhere", wijk=elsewhere, phone="+32470000002")
    return elsewhere


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_compose_shows_the_audience_then_request_and_confirm_by_two_people_send_it(
    client, officers, rabot, audience, sms_outbox, django_capture_on_commit_callbacks
):
    sofie, karim = officers
    client.force_login(sofie)
    response = client.post(reverse("crisis_alerts:compose"), compose_data(wijken=[rabot.pk]))
    alert = CrisisAlert.objects.get()
    detail = reverse("crisis_alerts:detail", args=[alert.pk])
    assert response.status_code == 302 and response["Location"] == detail
    page = text_of(client.get(detail))
    assert "3 abonnees op crisisberichten; 3 per sms, 2 per email: <strong>5 berichten</strong>" in page
    assert "Aanvragen" in page and "Bevestigen en versturen" not in page

    client.post(reverse("crisis_alerts:action", args=[alert.pk, "request"]))
    page = text_of(client.get(detail))
    assert "Wacht op bevestiging door een tweede persoon" in page and "Bevestigen en versturen" not in page
    response = client.post(reverse("crisis_alerts:action", args=[alert.pk, "confirm"]), follow=True)
    assert "Een tweede persoon moet het bericht bevestigen" in text_of(response)
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.AWAITING_CONFIRMATION and not sms_outbox

    client.force_login(karim)
    assert "Bevestigen en versturen" in text_of(client.get(detail))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("crisis_alerts:action", args=[alert.pk, "confirm"]))
    alert.refresh_from_db()
    assert (alert.status, alert.requested_by, alert.confirmed_by) == (CrisisAlert.Status.FANNED_OUT, sofie, karim)
    assert len(sms_outbox) == 3
    page = text_of(client.get(detail))
    assert '<span data-count="sent">5</span> van <span data-count="total">5</span> verstuurd' in page
    progress = client.get(reverse("crisis_alerts:progress", args=[alert.pk])).json()
    assert (progress["sent"], progress["total"], progress["done"]) == (5, 5, True)
    assert {channel: row["sent"] for channel, row in progress["channels"].items()} == {"sms": 3, "email": 2}


def test_compose_names_the_missing_dutch_text_and_an_empty_wijk_choice(client, officers):
    client.force_login(officers[0])
    response = client.post(reverse("crisis_alerts:compose"), compose_data(headline_nl="", body_nl="", scope="wijken"))
    assert response.status_code == 200
    page = text_of(response)
    assert "De Nederlandse kop en tekst zijn verplicht." in page
    assert "Kies minstens één wijk" in page
    assert not CrisisAlert.objects.exists()


def test_the_whole_city_is_an_explicit_choice(client, officers, rabot):
    client.force_login(officers[0])
    client.post(reverse("crisis_alerts:compose"), compose_data(scope="city", wijken=[rabot.pk]))
    alert = CrisisAlert.objects.get()
    assert alert.city_wide


def test_without_the_permission_the_screens_and_actions_are_refused(client, officers, outsider, rabot):
    client.force_login(officers[0])
    client.post(reverse("crisis_alerts:compose"), compose_data(wijken=[rabot.pk]))
    alert = CrisisAlert.objects.get()
    client.post(reverse("crisis_alerts:action", args=[alert.pk, "request"]))
    client.force_login(outsider)
    assert refused(client.get(reverse("crisis_alerts:index")))
    assert refused(client.get(reverse("crisis_alerts:compose")))
    assert refused(client.post(reverse("crisis_alerts:action", args=[alert.pk, "confirm"])))
    assert refused(client.get(reverse("crisis_alerts:progress", args=[alert.pk])))
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.AWAITING_CONFIRMATION
    assert "Crisisberichten" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_cancel_before_confirmation_but_not_after(client, officers, rabot, django_capture_on_commit_callbacks):
    sofie, karim = officers
    client.force_login(sofie)
    client.post(reverse("crisis_alerts:compose"), compose_data(wijken=[rabot.pk]))
    client.post(reverse("crisis_alerts:compose"), compose_data(title="Tweede", wijken=[rabot.pk]))
    first, second = CrisisAlert.objects.order_by("pk")
    client.post(reverse("crisis_alerts:action", args=[first.pk, "request"]))
    client.post(reverse("crisis_alerts:action", args=[first.pk, "cancel"]))
    first.refresh_from_db()
    assert first.status == CrisisAlert.Status.CANCELLED

    client.post(reverse("crisis_alerts:action", args=[second.pk, "request"]))
    client.force_login(karim)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("crisis_alerts:action", args=[second.pk, "confirm"]))
    response = client.post(reverse("crisis_alerts:action", args=[second.pk, "cancel"]), follow=True)
    assert "Niet mogelijk in deze toestand" in text_of(response)
    second.refresh_from_db()
    assert second.status == CrisisAlert.Status.FANNED_OUT


def test_ending_an_alert_takes_it_off_the_banner(client, officers, rabot, django_capture_on_commit_callbacks):
    sofie, karim = officers
    client.force_login(sofie)
    client.post(reverse("crisis_alerts:compose"), compose_data(wijken=[rabot.pk]))
    alert = CrisisAlert.objects.get()
    client.post(reverse("crisis_alerts:action", args=[alert.pk, "request"]))
    client.force_login(karim)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("crisis_alerts:action", args=[alert.pk, "confirm"]))
    banner = "/api/automation/crisis/active/"
    assert [a["headline"] for a in client.get(banner).json()["alerts"]] == ["Brand in Rabot"]
    client.post(reverse("crisis_alerts:action", args=[alert.pk, "end"]))
    alert.refresh_from_db()
    assert alert.ended_at is not None and alert.ended_by == karim
    assert client.get(banner).json() == {"alerts": []}
    assert "Beëindigen" not in text_of(client.get(reverse("crisis_alerts:detail", args=[alert.pk])))


def test_the_list_and_menu_show_alerts_to_officers(client, officers, rabot):
    client.force_login(officers[0])
    client.post(reverse("crisis_alerts:compose"), compose_data(wijken=[rabot.pk]))
    page = text_of(client.get(reverse("crisis_alerts:index")))
    assert "Brand Rabot" in page and "ontwerp" in page and "Rabot - Blaisantvest" in page
    assert "Crisisberichten" in client.get(reverse("wagtailadmin_home")).content.decode()
