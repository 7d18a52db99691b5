"""Creating a message row: rendered in the citizen's language, framed, addressed, `created`.

Runs inside the caller's transaction (the journey runtime's), so the message exists
together with the enrolment that caused it, or not at all. Its id is queued only after
commit by the caller. Rendering happens here, once: what the log shows is what was sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from automation.channels.kinds import ChannelKind
from automation.channels.voice_script import voice_script
from automation.contacts.models import Citizen
from automation.contacts.selectors import citizen_address
from automation.messages.layout import email_html, email_text, why_line
from automation.messages.links import preferences_url, unsubscribe_headers
from automation.messages.models import Message, MessageTemplate
from automation.messages.rendering import Rendered, render_content, template_content_for
from automation.messages.transitions import messages_record_created
from automation.purposes import Purpose
from cms.core.models import brand


@dataclass(frozen=True)
class Origin:
    """Where a message comes from, for the log: all optional, all foreign keys."""

    journey: object = None
    enrolment: object = None
    step: object = None
    dossier: object = None
    event: object = None


#: Channels on which, without a dossier, the messages of one template, purpose and language
#: differ between citizens only in their citizen and address: the words are framed alike
#: for all (an e-mail is not: its links and headers are the citizen's own). A broadcast
#: copies one message built here to a whole audience in the database
#: (`audience_insert.py`); tests/integration/automation/test_audience_insert.py holds
#: the copy to what `message_build` makes per citizen.
ADDRESSED_ONLY = frozenset({ChannelKind.SMS, ChannelKind.VOICE, ChannelKind.LETTER})


class NoContent(LookupError):
    """The template has no text for this channel, not even in Dutch."""


def rendered_for(*, template: MessageTemplate, channel: ChannelKind | str, language: str, context: dict) -> Rendered:
    """The template's words for this channel in `language` (or Dutch), rendered with `context`."""
    channel = ChannelKind(channel)
    content = template_content_for(template=template, channel=channel, language=language)
    if content is None and channel == ChannelKind.VOICE:
        # A call reads the text message aloud unless the template has words of its own for the ear.
        content = template_content_for(template=template, channel=ChannelKind.SMS, language=language)
    if content is None:
        raise NoContent(f"template {template.slug!r} has no {channel.value} text in {language} or nl")
    return render_content(content, context)


def message_build(
    *,
    citizen: Citizen,
    channel: ChannelKind | str,
    rendered: Rendered,
    template: MessageTemplate,
    purpose: Purpose | str,
    context: dict,
    origin: Origin = Origin(),
    crisis_alert=None,
) -> Message:
    """An unsaved message: the rendered words framed for this citizen (e-mail: why, links, headers;
    a voice call: the spoken script, `channels/voice_script.py`).

    A letter's frame (address block, why) is laid out when its print batch is made.
    """
    channel = ChannelKind(channel)
    subject, text, html, headers = rendered.subject, rendered.text, "", {}
    if channel == ChannelKind.EMAIL:
        dossier_label = ""
        if "dossier" in context:
            dossier_label = f"{context['dossier']['id']} ({context['dossier']['type_name']})"
        why = why_line(purpose=purpose, language=rendered.language, dossier=dossier_label)
        follow = context.get("follow") or {}
        stop = (follow["stop_label"], follow["stop_url"]) if follow.get("stop_url") else None
        if follow.get("reason"):
            why = follow["reason"]  # a followed project: the reason names it
        link = preferences_url(citizen=citizen)
        text = email_text(body=rendered.text, why=why, preferences_url=link, language=rendered.language, stop=stop)
        html = email_html(
            body_html=rendered.html,
            body_text=rendered.text,
            why=why,
            preferences_url=link,
            language=rendered.language,
            subject=subject,
            stop=stop,
        )
        headers = unsubscribe_headers(citizen=citizen, channel=channel.value)
        if stop:  # one-click in the mail client stops following this project, nothing more
            headers["List-Unsubscribe"] = f"<{stop[1]}>"
    if channel == ChannelKind.VOICE:
        dossier_label = f"{context['dossier']['id']}" if "dossier" in context else ""
        text = voice_script(
            body=rendered.text, language=rendered.language, purpose=purpose, dossier=dossier_label,
            gentinfo_phone=brand().gentinfo_phone,
        )  # fmt: skip
    recipient = citizen_address(citizen=citizen, channel=channel)
    if channel == ChannelKind.LETTER and not recipient:
        # Not online and no postal address on file: the dossier's address (the case system's `data`).
        recipient = str((context.get("data") or {}).get("address") or "").strip()
    return Message(
        channel=channel,
        purpose=Purpose(purpose),
        citizen=citizen,
        recipient=recipient,
        language=rendered.language,
        subject=subject[:300],
        body_text=text,
        body_html=html,
        headers=headers,
        template=template,
        journey=origin.journey,
        enrolment=origin.enrolment,
        step=origin.step,
        dossier=origin.dossier,
        event=origin.event,
        milestone=getattr(origin.event, "milestone", "") or "",
        crisis_alert=crisis_alert,
    )


def message_create(
    *,
    citizen: Citizen,
    channel: ChannelKind | str,
    template: MessageTemplate,
    purpose: Purpose | str,
    context: dict,
    origin: Origin = Origin(),
    rendered: Rendered | None = None,
    not_before=None,
) -> Message:
    """`rendered`: words of its own (an experiment's version) instead of the template's;
    `not_before`: not sent before then (a version sent later)."""
    if rendered is None:
        rendered = rendered_for(template=template, channel=channel, language=citizen.language, context=context)
    message = message_build(
        citizen=citizen,
        channel=channel,
        rendered=rendered,
        template=template,
        purpose=purpose,
        context=context,
        origin=origin,
    )
    message.not_before = not_before
    message.save()
    messages_record_created(messages=[message])
    return message
