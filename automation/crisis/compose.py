"""Composing a crisis alert: headline and text per language become a draft and the message template it sends.

The person composing writes plain words, not a template: `literal()` makes any `{{`, `{%`
or `{#` in them print as typed, so a text cannot reach the template engine's syntax. The
SMS carries headline and text (and the link) in one message; the e-mail has the headline
as subject; a voice call speaks headline and text without the link (an address read
aloud helps nobody), framed and repeated by `channels/voice_script.py`. Languages without a text fall back to Dutch when sent and on the banner.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.db import transaction

from automation.channels.kinds import ChannelKind
from automation.crisis.models import CrisisAlert, CrisisAlertText
from automation.crisis.services import require_permission
from automation.languages import fallback_language, supported_languages
from automation.messages.models import MessageTemplate, TemplateContent

CRISIS_CHANNELS = (ChannelKind.SMS, ChannelKind.EMAIL, ChannelKind.VOICE)
_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")


class CrisisAlertInvalid(ValueError):
    """Bad input, with the messages per field (the form shows them beside the field)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class AlertText:
    headline: str
    body: str


def literal(text: str) -> str:
    """Template source that renders to `text` exactly, whatever braces it contains."""
    return _TEMPLATE_OPENER.sub("{{ '{' }}", text)


def sms_text(text: AlertText, url: str = "") -> str:
    return "\n".join(part for part in (text.headline.strip(), text.body.strip(), url) if part)


def voice_text(text: AlertText) -> str:
    headline = text.headline.strip()
    if headline and headline[-1] not in ".!?":
        headline += "."  # a pause before the text, when spoken
    return " ".join(part for part in (headline, text.body.strip()) if part)


def email_text(text: AlertText, url: str = "") -> str:
    return "\n\n".join(part for part in (text.body.strip(), url) if part)


def crisis_alert_validate(*, title, texts, channels, url="") -> tuple[dict[str, AlertText], list[str]]:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors.setdefault("title", []).append("Geef het bericht een (interne) titel.")
    cleaned = {}
    for language, text in texts.items():
        if language not in supported_languages():
            errors.setdefault("texts", []).append(f"Onbekende taal: {language}.")
            continue
        headline, body = text.headline.strip(), text.body.strip()
        if headline or body:
            if not headline:
                errors.setdefault(f"headline_{language}", []).append("Een kop is nodig als er tekst is.")
            if not body:
                errors.setdefault(f"body_{language}", []).append("Een tekst is nodig als er een kop is.")
            cleaned[language] = AlertText(headline, body)
    source = fallback_language()
    if source not in cleaned and f"headline_{source}" not in errors:
        errors.setdefault(f"headline_{source}", []).append("De Nederlandse kop en tekst zijn verplicht.")
    wanted = list(dict.fromkeys(channels))
    if not wanted:
        errors.setdefault("channels", []).append("Kies minstens één kanaal: sms, e-mail of telefoonoproep.")
    elif any(channel not in CRISIS_CHANNELS for channel in wanted):
        errors.setdefault("channels", []).append("Alleen sms, e-mail en telefoonoproep zijn mogelijk.")
    if errors:
        raise CrisisAlertInvalid(errors)
    return cleaned, [ChannelKind(channel).value for channel in wanted]


def crisis_alert_compose(*, by, title: str, texts: dict[str, AlertText], wijken, channels, url: str = "") -> CrisisAlert:
    """A draft alert with its texts and the message template they send as, all or nothing."""
    require_permission(by)
    cleaned, channel_values = crisis_alert_validate(title=title, texts=texts, channels=channels, url=url)
    with transaction.atomic():
        template = MessageTemplate.objects.create(
            slug=f"crisis-{uuid.uuid4().hex[:12]}",
            name=f"Crisisbericht: {title.strip()}"[:200],
            description="Gemaakt bij het opstellen van een crisisbericht; niet apart bewerken.",
        )
        for language, text in cleaned.items():
            TemplateContent.objects.create(
                template=template, channel=ChannelKind.SMS, language=language, body_text=literal(sms_text(text, url))
            )
            TemplateContent.objects.create(
                template=template,
                channel=ChannelKind.EMAIL,
                language=language,
                subject=literal(text.headline),
                body_text=literal(email_text(text, url)),
            )
            TemplateContent.objects.create(
                template=template, channel=ChannelKind.VOICE, language=language, body_text=literal(voice_text(text))
            )
        alert = CrisisAlert.objects.create(
            title=title.strip(), template=template, channels=channel_values, url=url, created_by=by
        )
        alert.wijken.set(wijken)
        CrisisAlertText.objects.bulk_create(
            CrisisAlertText(alert=alert, language=language, headline=text.headline, body=text.body)
            for language, text in cleaned.items()
        )
    return alert
