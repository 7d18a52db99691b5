"""Absolute, signed links a message carries: the preference centre and one-click unsubscribe."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from automation.contacts.models import Citizen
from automation.contacts.tokens import PREFERENCES, citizen_token, unsubscribe_purpose


def _absolute(path: str) -> str:
    return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + path


def preferences_url(*, citizen: Citizen) -> str:
    token = citizen_token(citizen=citizen, purpose=PREFERENCES)
    return _absolute(reverse("automation:preferences", args=[token]))


def unsubscribe_url(*, citizen: Citizen, channel: str) -> str:
    token = citizen_token(citizen=citizen, purpose=unsubscribe_purpose(channel))
    return _absolute(reverse("automation:unsubscribe", args=[token]))


def unsubscribe_headers(*, citizen: Citizen, channel: str) -> dict[str, str]:
    """RFC 2369 List-Unsubscribe with RFC 8058 one-click: mail clients POST to the link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(citizen=citizen, channel=channel)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
