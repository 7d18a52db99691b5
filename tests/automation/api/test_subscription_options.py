"""GET /api/automation/subscriptions/options/: what one can subscribe to, named in the reader's language."""

from __future__ import annotations

import pytest

from tests.automation.api.subscription_helpers import make_theme

pytestmark = pytest.mark.django_db
OPTIONS = "/api/automation/subscriptions/options/"


@pytest.fixture
def themes(rabot):
    make_theme("afval", "Afval", en="Waste")
    make_theme("mobiliteit", "Mobiliteit")


def names(items) -> dict[str, str]:
    return {item["slug"]: item["name"] for item in items}


def test_the_options_list_languages_channels_wijken_and_themes(client, themes):
    response = client.get(OPTIONS, {"lang": "nl"})
    assert response.status_code == 200
    body = response.json()
    assert body["languages"] == ["nl", "en", "fr"] and body["channels"] == ["email", "sms"]
    assert names(body["wijken"])["rabot-blaisantvest"] == "Rabot - Blaisantvest"
    assert names(body["themes"])["afval"] == "Afval"
    assert response["Cache-Control"].startswith("public")


def test_theme_names_are_translated_where_a_translation_exists_else_dutch(client, themes):
    english = names(client.get(OPTIONS, {"lang": "en"}).json()["themes"])
    assert english["afval"] == "Waste" and english["mobiliteit"] == "Mobiliteit"
    assert names(client.get(OPTIONS, {"lang": "xx"}).json()["themes"])["afval"] == "Afval"
