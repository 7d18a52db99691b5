"""Demo message templates from a table of texts: e-mail (subject, body) and SMS per language.

Shared by the demo journeys (demo.py, demo_projects.py). Texts an editor has changed are
kept: a content row that exists is left as it is.
"""

from __future__ import annotations

from automation.channels.kinds import ChannelKind
from automation.messages.models import MessageTemplate, TemplateContent


def demo_template(*, slug: str, texts: dict) -> MessageTemplate:
    template, _ = MessageTemplate.objects.get_or_create(slug=slug, defaults={"name": texts["name"]})
    for language, (subject, body) in texts["email"].items():
        TemplateContent.objects.get_or_create(
            template=template,
            channel=ChannelKind.EMAIL,
            language=language,
            defaults={"subject": subject, "body_text": body},
        )
    for language, body in texts["sms"].items():
        TemplateContent.objects.get_or_create(
            template=template, channel=ChannelKind.SMS, language=language, defaults={"body_text": body}
        )
    for language, (subject, body) in texts.get("letter", {}).items():
        TemplateContent.objects.get_or_create(
            template=template,
            channel=ChannelKind.LETTER,
            language=language,
            defaults={"subject": subject, "body_text": body},
        )
    return template
