"""A crisis alert shows each text's reading level; one harder than B1 is requested only with
the box ticked that says so, and refused without it (nothing changes)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from automation.crisis.models import CrisisAlert

pytestmark = pytest.mark.django_db

PLAIN = "Hou ramen en deuren dicht. Blijf binnen."
OFFICIAL = (
    "Teneinde de blootstelling aan de rookpluim te beperken, wordt de bevolking verzocht binnenshuis te blijven, "
    "ramen en deuren gesloten te houden en de mechanische ventilatie uit te schakelen, in afwachting van de "
    "opheffing van de maatregelen door de bevoegde overheid."
)
CONFIRM = "Ik bevestig dat deze tekst moeilijker is dan B1"


def compose(client, rabot, body):
    client.post(reverse("crisis_alerts:compose"), {
        "title": "Brand", "headline_nl": "Brand in Rabot", "body_nl": body, "scope": "wijken",
        "wijken": [rabot.pk], "channels": ["sms", "email"],
    })  # fmt: skip
    return CrisisAlert.objects.latest("pk")


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_plain_alert_shows_its_level_and_is_requested_without_a_checkbox(client, officers, rabot):
    sofie, _karim = officers
    client.force_login(sofie)
    alert = compose(client, rabot, PLAIN)
    page = text_of(client.get(reverse("crisis_alerts:detail", args=[alert.pk])))
    assert 'data-readability="A2"' in page and "Makkelijk (A2)" in page
    assert CONFIRM not in page
    client.post(reverse("crisis_alerts:action", args=[alert.pk, "request"]))
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.AWAITING_CONFIRMATION


def test_a_hard_alert_is_refused_without_the_checkbox_and_requested_with_it(client, officers, rabot):
    sofie, _karim = officers
    client.force_login(sofie)
    alert = compose(client, rabot, OFFICIAL)
    detail = reverse("crisis_alerts:detail", args=[alert.pk])
    page = text_of(client.get(detail))
    assert "moeilijker dan het doel (Helder (B1))" in page
    assert f'<label for="id_confirm_difficult">{CONFIRM}</label>' in page
    assert "lijdende vorm" in page or "ambtelijk" in page  # why, so the officer can fix it

    request = reverse("crisis_alerts:action", args=[alert.pk, "request"])
    refused = client.post(request, follow=True)
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.DRAFT and alert.requested_by is None
    assert "Deze tekst is moeilijker dan Helder (B1)" in text_of(refused)

    client.post(request, {"confirm_difficult": "on"})
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.AWAITING_CONFIRMATION and alert.requested_by == sofie
