"""Rendering a template with sample data for the admin preview, and saying what is wrong with it.

Uses the same safe tags and filters as sending (automation/messages/rendering.py), but an
engine whose `string_if_invalid` marks every placeholder that does not exist in the
sample data, so the editor reads "onbekende placeholder: dossier.nummer" instead of an
empty gap in the message. A syntax error (an unknown tag such as `{% load %}`, an
unclosed `{% if %}`) is reported with the part (onderwerp, tekst, HTML) it is in.
The e-mail is shown inside the same frame citizens get (why, preference link). Each text
shows its reading level (cms/readability), with the city's target B1; a template with
letter texts is previewed as a letter too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from django.template import Context, TemplateSyntaxError

from automation.channels.kinds import ChannelKind
from automation.languages import supported_languages
from automation.messages.layout import email_html, email_text, why_line
from automation.messages.models import MessageTemplate
from automation.messages.rendering import SafeEngine, safe_library, template_content_for
from automation.messages.sms_length import sms_length
from automation.purposes import Purpose
from cms.readability.texts import TextLevel, text_level

MISSING = "\x00MISSING:%s\x00"
MISSING_RE = re.compile("\x00MISSING:(.*?)\x00")
SAMPLE_PREFERENCES_URL = "https://gent.example/nl/voorkeuren?token=voorbeeld"
PARTS = {"subject": "onderwerp", "body_text": "tekst", "body_html": "HTML"}


def sample_context(language: str, data: dict | None = None) -> dict:
    """Sample citizen, dossier, event and page data, as the runtime builds it (context.py)."""
    dates = {"nl": "30 november 2026", "en": "30 November 2026", "fr": "30 novembre 2026"}
    page = {"title": "Nieuwe speelplaats aan de Sleepstraat", "intro": "De speelplaats opent zaterdag.",
            "url": f"https://gent.example/{language}/nieuws/speelplaats", "date": "2026-11-28"}
    return {
        "citizen": {"ref": "voorbeeld-burger", "language": language, "wijk": "Rabot - Blaisantvest"},
        "dossier": {"id": "OMV-2026-000123", "type": "omgevingsvergunning", "type_name": "Omgevingsvergunning"},
        "milestone": {"code": "aanvraag_ontvangen", "name": "Aanvraag ontvangen"},
        "event": {"date": dates.get(language, dates["nl"]), "time": "09:00"},
        "data": data if data is not None else {"address": "Sleepstraat 1, 9000 Gent", "decision": "vergund"},
        "page": page,
        "pages": [page, {**page, "title": "Wegenwerken in de Wondelgemstraat", "url": page["url"] + "-2"}],
        "wijk": {"name": "Rabot - Blaisantvest", "slug": "rabot-blaisantvest"},
        "subscription": {"kind": "wijk_news", "wijk": "Rabot - Blaisantvest", "theme": ""},
    }


@cache
def _preview_engine() -> SafeEngine:
    engine = SafeEngine(libraries={}, loaders=[], string_if_invalid=MISSING)
    engine.template_builtins = [safe_library]
    return engine


@dataclass
class PartResult:
    output: str = ""
    errors: list[str] = field(default_factory=list)


def render_part(source: str, context: dict, *, part: str, html: bool) -> PartResult:
    """Render one part; errors name the part and each unknown placeholder."""
    label = PARTS.get(part, part)
    try:
        output = _preview_engine().from_string(source).render(Context(context, autoescape=html)).strip()
    except TemplateSyntaxError as error:
        return PartResult(errors=[f"Fout in {label}: {error}"])
    missing = list(dict.fromkeys(MISSING_RE.findall(output)))
    errors = [f"Onbekende placeholder in {label}: {{{{ {name} }}}}" for name in missing]
    return PartResult(output=MISSING_RE.sub(lambda m: f"[?{m.group(1)}?]", output), errors=errors)


@dataclass
class ChannelPreview:
    channel: str
    language: str
    used_language: str = ""  # the content shown (Dutch when the language is missing)
    subject: str = ""
    text: str = ""
    html: str = ""
    sms: dict | None = None
    readability: TextLevel | None = None  # of the text the citizen reads (the body, without the frame)
    errors: list[str] = field(default_factory=list)


def preview_template(template: MessageTemplate, *, purpose: str = Purpose.SERVICE, data: dict | None = None) -> list[ChannelPreview]:
    """Every language's e-mail and SMS (and letter, when it has letter texts), with sample data."""
    previews = []
    channels = [ChannelKind.EMAIL, ChannelKind.SMS]
    if template.contents.filter(channel=ChannelKind.LETTER).exists():
        channels.append(ChannelKind.LETTER)
    for channel in channels:
        for language in supported_languages():
            previews.append(_preview_one(template, channel=channel, language=language, purpose=purpose, data=data))
    return previews


def _preview_one(template, *, channel, language, purpose, data) -> ChannelPreview:
    result = ChannelPreview(channel=channel.value, language=language)
    content = template_content_for(template=template, channel=channel, language=language)
    if content is None:
        result.errors.append(f"Geen {channel.label}-tekst in {language} en ook niet in het Nederlands.")
        return result
    result.used_language = content.language
    context = sample_context(language, data)
    parts = {}
    for part, html in (("subject", False), ("body_text", False), ("body_html", True)):
        rendered = render_part(getattr(content, part), context, part=part, html=html)
        parts[part] = rendered.output
        result.errors += rendered.errors
    result.readability = text_level(parts["body_text"], content.language)
    if channel == ChannelKind.LETTER:
        result.subject = " ".join(parts["subject"].split())
        result.text = parts["body_text"]
        return result
    if channel == ChannelKind.SMS:
        result.text = parts["body_text"]
        length = sms_length(result.text)
        result.sms = {"encoding": length.encoding, "units": length.units, "segments": length.segments,
                      "per_segment": length.per_segment, "remaining": length.remaining}
        return result
    why = why_line(purpose=purpose, language=content.language, dossier="OMV-2026-000123 (Omgevingsvergunning)")
    result.subject = " ".join(parts["subject"].split())
    result.text = email_text(body=parts["body_text"], why=why, preferences_url=SAMPLE_PREFERENCES_URL,
                             language=content.language)
    result.html = email_html(body_html=parts["body_html"], body_text=parts["body_text"], why=why,
                             preferences_url=SAMPLE_PREFERENCES_URL, language=content.language, subject=result.subject)
    return result
