"""Builders for the subscription endpoint tests: themes with a translation, posting JSON, reading the mail."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from wagtail.models import Locale

from cms.core.models import Theme

PROBLEM = "application/problem+json"
FRONTEND = "https://www.gent.example"


def make_theme(slug: str, name: str, **translations) -> Theme:
    nl = Locale.objects.get(language_code="nl")
    theme, _ = Theme.objects.update_or_create(slug=slug, locale=nl, defaults={"name": name})
    for code, translated in translations.items():
        locale, _ = Locale.objects.get_or_create(language_code=code)
        Theme.objects.update_or_create(
            translation_key=theme.translation_key, locale=locale, defaults={"slug": slug, "name": translated}
        )
    return theme


def post_json(client, path: str, body, **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(path, data=data, content_type="application/json", **extra)


def put_json(client, path: str, body):
    return client.put(path, data=json.dumps(body), content_type="application/json")


def field_errors(response) -> dict[str, list[str]]:
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 400
    return body["errors"]


def confirmation_mails(to: str | None = None) -> list:
    return [m for m in mail.outbox if to is None or m.to == [to]]


def token_in(message) -> str:
    """The token of the confirmation link in the text part (the HTML part must carry the same link)."""
    url = re.search(rf"{re.escape(FRONTEND)}/\w\w/inschrijven/bevestigen\?\S+", message.body).group(0)
    html = message.alternatives[0][0]
    assert url.replace("&", "&amp;") in html or url in html
    return parse_qs(urlsplit(url).query)["token"][0]
