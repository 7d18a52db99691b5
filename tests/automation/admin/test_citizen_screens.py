"""Citizens in the admin: consents with time and source, subscriptions with status; export and erasure, logged."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from automation.contacts.models import Citizen, CitizenAccessLog, Subscription
from automation.contacts.privacy import ref_hash
from automation.messages.models import Message
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(rabot):
    citizen = make_citizen(ref="case-31", email="an@example.be", consent=("email",))
    Subscription.objects.create(citizen=citizen, kind="wijk_news", wijk=rabot, status="active", source="inschrijfformulier")
    Subscription.objects.create(citizen=citizen, kind="press", status="pending")
    make_message(citizen)
    return citizen


def actions(citizen) -> list[tuple[str, str]]:
    return list(CitizenAccessLog.objects.filter(ref_sha256=ref_hash(citizen.ref)).values_list("actor", "action"))


@pytest.fixture
def viewer(django_user_model):
    """An editor who may see citizens, but not export or erase them."""
    user = django_user_model.objects.create_user(username="redacteur", password="x")
    group = Group.objects.create(name="Lezers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_citizen")
    )
    user.groups.add(group)
    return user


def test_the_citizen_page_shows_consents_and_subscriptions_in_dutch_and_logs_the_view(admin_client, admin_user, citizen):
    response = admin_client.get(reverse("automation_citizens:inspect", args=[citizen.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Toestemming per kanaal" in page and "sinds 01-11-2026" in page and "bron: test" in page
    assert "Abonnementen" in page and "nieuws uit een wijk Rabot - Blaisantvest" in page
    assert "actief" in page and "persberichten" in page and "wacht op bevestiging" in page
    assert "Exporteren (JSON)" in page and "Wissen…" in page
    assert actions(citizen) == [(admin_user.username, "view")]


def test_the_list_finds_a_citizen_by_reference(admin_client, citizen):
    response = admin_client.get(reverse("automation_citizens:index"), {"q": "case-31"})
    assert response.status_code == 200 and "case-31" in response.content.decode()


def test_export_is_a_json_download_of_everything_and_is_logged(admin_client, admin_user, citizen):
    response = admin_client.get(reverse("automation_citizens:export", args=[citizen.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="burger-{citizen.pk}.json"'
    data = json.loads(response.content)
    assert data["citizen"]["ref"] == "case-31" and data["citizen"]["email"] == "an@example.be"
    assert {s["kind"] for s in data["subscriptions"]} == {"wijk_news", "press"}
    assert len(data["messages"]) == 1
    assert actions(citizen) == [(admin_user.username, "export")]


def test_erasure_asks_for_confirmation_first(admin_client, citizen):
    url = reverse("automation_citizens:erase", args=[citizen.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and "kan niet ongedaan gemaakt worden" in page.content.decode()
    wrong = admin_client.post(url, {"ref": "case-32"})
    assert wrong.status_code == 200 and "niet de referentie" in wrong.content.decode()
    assert Citizen.objects.filter(pk=citizen.pk).exists()
    assert actions(citizen) == []


def test_erasure_deletes_the_contact_anonymises_the_messages_and_is_logged(admin_client, admin_user, citizen):
    digest = ref_hash(citizen.ref)
    response = admin_client.post(reverse("automation_citizens:erase", args=[citizen.pk]), {"ref": "case-31"})
    assert response.status_code == 302 and response.url == reverse("automation_citizens:index")
    assert not Citizen.objects.filter(ref="case-31").exists()
    message = Message.objects.get()
    assert (message.citizen, message.recipient, message.body_text) == (None, "", "")
    assert list(CitizenAccessLog.objects.filter(ref_sha256=digest).values_list("actor", "action")) == [
        (admin_user.username, "erase")
    ]


def test_without_the_permissions_a_viewer_can_look_but_not_export_or_erase(client, viewer, citizen):
    client.force_login(viewer)
    page = client.get(reverse("automation_citizens:inspect", args=[citizen.pk]))
    assert page.status_code == 200 and "Exporteren (JSON)" not in page.content.decode()
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message
    assert client.get(reverse("automation_citizens:export", args=[citizen.pk])).status_code in (302, 403)
    assert client.post(reverse("automation_citizens:erase", args=[citizen.pk]), {"ref": "case-31"}).status_code in (302, 403)
    assert Citizen.objects.filter(pk=citizen.pk).exists()
    assert [action for _actor, action in actions(citizen)] == ["view"]


def test_citizens_cannot_be_edited_or_deleted_through_the_generic_screens(admin_client, citizen):
    assert admin_client.get(reverse("automation_citizens:edit", args=[citizen.pk])).status_code in (302, 403)
    assert admin_client.get(reverse("automation_citizens:delete", args=[citizen.pk])).status_code in (302, 403)
