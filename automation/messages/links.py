"""Absolute, signed links a message carries: the preference centre and one-click unsubscribe."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from automation.contacts.models import Citizen
from automation.contacts.tokens import PREFERENCES, citizen_token, unsubscribe_purpose
from automation.languages import fallback_language, supported_languages


def _absolute(path: str) -> str:
    return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + path


def preferences_url(*, citizen: Citizen) -> str:
    """The front end's preference centre (/{lang}/voorkeuren?token=), which calls the JSON API with the token."""
    token = citizen_token(citizen=citizen, purpose=PREFERENCES)
    language = citizen.language if citizen.language in supported_languages() else fallback_language()
    return f"{settings.FRONTEND_URL.rstrip('/')}/{language}/voorkeuren?{urlencode({'token': token})}"


def unsubscribe_url(*, citizen: Citizen, channel: str) -> str:
    token = citizen_token(citizen=citizen, purpose=unsubscribe_purpose(channel))
    return _absolute(reverse("automation:unsubscribe", args=[token]))


def unsubscribe_headers(*, citizen: Citizen, channel: str) -> dict[str, str]:
    """RFC 2369 List-Unsubscribe with RFC 8058 one-click: mail clients POST to the link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(citizen=citizen, channel=channel)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
