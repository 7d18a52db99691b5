"""The mail that confirms joining the panel: what it means, the consent text, the link, why it came.

Sent like the subscription confirmation (automation/contacts/confirmation_mail.py): through
the e-mail channel directly, not as a `Message`, because the message path refuses
citizens without e-mail consent and consent is what this mail asks for. A suppressed
address gets nothing. The consent text is the version the member was shown, so the mail
repeats exactly what they agree to by clicking.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from automation.channels.base import Envelope
from automation.channels.kinds import ChannelKind
from automation.channels.registry import channel_for
from automation.contacts.selectors import address_is_suppressed
from automation.panel.consent import consent_text
from automation.panel.models import PanelMember
from automation.panel.tokens import CONFIRM, member_token

TEXTS = {
    "nl": {
        "subject": "Bevestig dat u in het testpanel van Stad Gent wilt",
        "hello": "Dag,",
        "asked": "U vroeg om in het testpanel van Stad Gent te komen. U zegt daarmee:",
        "action": "Bevestig met deze link (7 dagen geldig):",
        "button": "Ja, ik doe mee",
        "why": "U krijgt deze e-mail omdat iemand dit adres opgaf voor het testpanel van Stad Gent. "
        "Was u dat niet? Dan hoeft u niets te doen: zonder bevestiging vragen we u niets.",
    },
    "en": {
        "subject": "Confirm you want to join the City of Ghent's test panel",
        "hello": "Hello,",
        "asked": "You asked to join the City of Ghent's test panel. By doing so you say:",
        "action": "Confirm with this link (valid for 7 days):",
        "button": "Yes, I'll take part",
        "why": "You receive this e-mail because someone entered this address for the City of Ghent's test panel. "
        "Was that not you? Then you need not do anything: without confirmation we ask you nothing.",
    },
    "fr": {
        "subject": "Confirmez votre participation au panel de test de la Ville de Gand",
        "hello": "Bonjour,",
        "asked": "Vous avez demandé à rejoindre le panel de test de la Ville de Gand. Vous dites ainsi :",
        "action": "Confirmez avec ce lien (valable 7 jours) :",
        "button": "Oui, je participe",
        "why": "Vous recevez cet e-mail parce que quelqu'un a indiqué cette adresse pour le panel de test de la Ville "
        "de Gand. Ce n'était pas vous ? Vous n'avez rien à faire : sans confirmation, nous ne vous demandons rien.",
    },
}


def panel_confirmation_url(*, member: PanelMember) -> str:
    language = member.language if member.language in TEXTS else "nl"
    query = urlencode({"token": member_token(member=member, purpose=CONFIRM)})
    return f"{settings.FRONTEND_URL.rstrip('/')}/{language}/testpanel/bevestigen?{query}"


def panel_confirmation_envelope(*, member: PanelMember) -> Envelope:
    language = member.language if member.language in TEXTS else "nl"
    texts = TEXTS[language]
    url = panel_confirmation_url(member=member)
    consent = consent_text(language=language, version=member.consent_version)
    text = "\n".join([texts["hello"], "", texts["asked"], "", f"“{consent}”", "", texts["action"], url, "", "-- ", texts["why"], ""])
    html = (
        f'<!doctype html>\n<html lang="{language}">\n<head><meta charset="utf-8"><title>{escape(texts["subject"])}</title></head>\n'
        '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">\n'
        f"<p>{escape(texts['hello'])}</p>\n<p>{escape(texts['asked'])}</p>\n<blockquote>{escape(consent)}</blockquote>\n"
        f"<p>{escape(texts['action'])}</p>\n"
        f'<p><a href="{escape(url)}" style="display: inline-block; padding: .6em 1.2em; background: #0069b4; '
        f'color: #fff; text-decoration: none;">{escape(texts["button"])}</a></p>\n'
        f'<p style="font-size: 13px;">{escape(url)}</p>\n'
        '<hr style="border: 0; border-top: 1px solid #ccc; margin: 2em 0 1em;">\n'
        f'<p style="font-size: 13px; color: #555;">{escape(texts["why"])}</p>\n</body>\n</html>\n'
    )
    return Envelope(
        reference=f"panel-confirmation-{member.pk}-{int(member.asked_at.timestamp())}",
        to=member.citizen.email.strip().lower(),
        subject=texts["subject"],
        body_text=text,
        body_html=html,
    )


def panel_confirmation_mail_send(*, member_id: int) -> bool:
    """Send the pending member's mail once; True when it went to the channel. Channel errors propagate."""
    member = PanelMember.objects.select_related("citizen").filter(
        pk=member_id, status=PanelMember.Status.PENDING, mailed_at__isnull=True
    ).first()
    if member is None or not member.citizen.email:
        return False
    if address_is_suppressed(channel=ChannelKind.EMAIL, address=member.citizen.email.strip().lower()):
        return False
    channel_for(ChannelKind.EMAIL).send(panel_confirmation_envelope(member=member))
    PanelMember.objects.filter(pk=member_id, mailed_at__isnull=True).update(mailed_at=timezone.now())
    return True
