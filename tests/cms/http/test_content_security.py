"""Security headers on every answer of the backend: a strict CSP (the admin gets what Wagtail needs), framing
only by our own pages, nosniff, a Referrer-Policy, and a Host allow-list."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/content/nl", "/api/docs/", "/api/automation/crisis/active/",
                                 "/nl/", "/admin/login/", "/api/nothing/"])  # fmt: skip
def test_every_answer_carries_the_security_headers(client, tree, url):
    response = client.get(url, follow=url == "/nl/")
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["base-uri"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/nl/", "/api/automation/unsubscribe/x/"])
def test_outside_the_admin_no_inline_or_foreign_script_runs(client, tree, url):
    response = client.get(url, follow=True)
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_may_run_its_inline_widget_scripts_and_show_embeds(tree):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("beheerder", "b@stad.gent.example", "x"))
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "https:" in policy["img-src"] and "https:" in policy["frame-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the live preview frames the page from our own origin


@override_settings(ALLOWED_HOSTS=["stad.gent"])
def test_an_unknown_host_is_refused(client, tree):
    assert client.get("/api/v2/pages/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/api/v2/pages/", HTTP_HOST="stad.gent").status_code == 200
