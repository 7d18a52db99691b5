"""An administrator unlocks a locked-out editor from the Wagtail admin (Instellingen > Geblokkeerde aanmeldingen)."""

from __future__ import annotations


import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

pytestmark = pytest.mark.django_db
SCREEN = "/admin/aanmeldingen/geblokkeerd/"
PASSWORD = "Juist-wachtwoord-42"


@pytest.fixture
def locked_editor(db):
    user = get_user_model().objects.create_user("persdienst", "pers@stad.gent.example", PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for n in range(5):
        Client().post("/admin/login/", {"username": "persdienst", "password": f"gok-{n}"}, REMOTE_ADDR="192.0.2.10")
    return user


@pytest.fixture
def admin_client(db):
    admin = get_user_model().objects.create_superuser("beheerder", "beheer@stad.gent.example", PASSWORD)
    client = Client()
    client.force_login(admin)
    return client


def test_the_screen_lists_the_lock_and_unlocking_lets_the_editor_in(admin_client, locked_editor):
    page = admin_client.get(SCREEN)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Geblokkeerde aanmeldingen" in html and "persdienst" in html and "192.0.2.10" in html and "geblokkeerd tot" in html
    done = admin_client.post(SCREEN, {"username": "persdienst", "ip_address": "192.0.2.10"}, follow=True)
    assert "is weer mogelijk" in done.content.decode()
    assert not AccessAttempt.objects.exists()
    editor = Client()
    assert editor.post("/admin/login/", {"username": "persdienst", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10").status_code == 302


def test_the_settings_menu_shows_the_screen_to_administrators(admin_client):
    assert SCREEN in admin_client.get("/admin/").content.decode()


def test_editors_without_the_permission_neither_see_nor_use_it(locked_editor, db):
    other = get_user_model().objects.create_user("redacteur", "red@stad.gent.example", PASSWORD, is_staff=True)
    other.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(other)
    assert SCREEN not in client.get("/admin/").content.decode()
    assert client.get(SCREEN).status_code in (302, 403)
    client.post(SCREEN, {"username": "persdienst", "ip_address": "192.0.2.10"})
    assert AccessAttempt.objects.filter(username="persdienst").exists()
