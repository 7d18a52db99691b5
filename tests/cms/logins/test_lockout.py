"""Guessing an editor's password stops after a handful of tries: 25 wrong, then the right one, does not log in.

Through the Wagtail login form, as a browser posts it. The lock holds the username and the
address together, so colleagues behind the same address (a city hall's NAT) still log in,
and it lifts by itself after the cool-off.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "Juist-wachtwoord-42"
CITY_HALL = "192.0.2.10"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("persdienst", "pers@stad.gent.example", PASSWORD)


@pytest.fixture
def colleague(db):
    return get_user_model().objects.create_superuser("redacteur", "red@stad.gent.example", PASSWORD)


def log_in(client: Client, username: str, password: str, address: str = CITY_HALL):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def logged_in(client: Client) -> bool:
    return client.get("/admin/", REMOTE_ADDR=CITY_HALL).status_code == 200


def test_25_wrong_passwords_then_the_right_one_does_not_log_in(editor):
    client = Client()
    answers = [log_in(client, "persdienst", f"gok-{n}") for n in range(25)]
    assert all(a.status_code == 200 for a in answers[:4])  # the form again, saying the password is wrong
    assert all(a.status_code == 429 for a in answers[5:])
    right = log_in(client, "persdienst", PASSWORD)
    assert right.status_code == 429
    assert not logged_in(client)


def test_the_locked_form_says_why_in_dutch_with_retry_after(editor):
    client = Client()
    for n in range(5):
        log_in(client, "persdienst", f"gok-{n}")
    locked = log_in(client, "persdienst", PASSWORD)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    page = locked.content.decode()
    assert "Te veel mislukte aanmeldpogingen" in page and "15 minuten geblokkeerd" in page
    assert 'name="password"' in page  # still the admin's login page, not a bare error


def test_a_colleague_behind_the_same_address_still_logs_in(editor, colleague):
    for n in range(10):
        log_in(Client(), "persdienst", f"gok-{n}")
    client = Client()
    assert log_in(client, "redacteur", PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_same_editor_from_another_address_still_logs_in(editor):
    for n in range(10):
        log_in(Client(), "persdienst", f"gok-{n}", address="198.51.100.66")
    client = Client()
    assert log_in(client, "persdienst", PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_lock_lifts_after_the_cool_off(editor):
    for n in range(5):
        log_in(Client(), "persdienst", f"gok-{n}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    client = Client()
    assert log_in(client, "persdienst", PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_success_forgets_earlier_typos(editor):
    for n in range(4):
        log_in(Client(), "persdienst", f"gok-{n}")
    assert log_in(Client(), "persdienst", PASSWORD).status_code == 302
    for n in range(4):  # four more typos weeks later do not add up to a lock
        log_in(Client(), "persdienst", f"typo-{n}")
    assert log_in(Client(), "persdienst", PASSWORD).status_code == 302


def test_guessing_over_basic_auth_on_the_api_counts_and_locks_too(editor):
    import base64

    client = Client()
    for n in range(6):
        credentials = base64.b64encode(f"persdienst:gok-{n}".encode()).decode()
        client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {credentials}", REMOTE_ADDR=CITY_HALL)
    assert log_in(Client(), "persdienst", PASSWORD).status_code == 429
