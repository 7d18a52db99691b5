"""The double opt-in mail: what was asked for, the link that confirms it, and why it came.

Written in the language chosen on the form (nl, en or fr; Dutch for anything else), with
a text and an HTML part, and sent through the e-mail channel (django-anymail, or the file
backend under var/outbox/ by default). It is not a `Message` row: the send path there
refuses citizens without e-mail consent, and consent is exactly what this mail asks for.
A suppressed address (hard bounce, complaint) gets no mail.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from automation.channels.base import Envelope
from automation.channels.kinds import ChannelKind
from automation.channels.registry import channel_for
from automation.contacts.models import ConfirmationRequest, Subscription
from automation.contacts.projects import project_titles
from automation.contacts.selectors import address_is_suppressed
from automation.contacts.taxonomy import theme_names
from automation.contacts.tokens import confirmation_token

TEXTS = {
    "nl": {
        # Ghent addresses citizens with "u"; news by e-mail is an "abonnement" ("inschrijven"
        # is for events), as on the citizen site.
        "subject": "Bevestig uw abonnement bij Stad Gent",
        "hello": "Dag,",
        "asked": "U vroeg om berichten van Stad Gent over:",
        "action": "Bevestig uw abonnement met deze link (7 dagen geldig):",
        "button": "Ja, ik wil deze berichten",
        "nothing": "Tot u bevestigt, sturen we u niets.",
        "why": "U krijgt deze e-mail omdat iemand dit adres opgaf om nieuws van Stad Gent te krijgen. "
        "Was u dat niet? Dan hoeft u niets te doen: zonder bevestiging sturen we niemand berichten.",
        "wijk_news": "nieuws uit {name}",
        "theme": "het thema {name}",
        "press": "persberichten",
        "crisis": "crisisberichten (heel Gent)",
        "sms": "ook per sms naar {phone}",
        "project": "het project {name}: nieuws als het project naar een volgende fase gaat of er een activiteit gepland is",
    },
    "en": {
        "subject": "Confirm your subscription to the City of Ghent",
        "hello": "Hello,",
        "asked": "You asked for messages from the City of Ghent about:",
        "action": "Confirm your subscription with this link (valid for 7 days):",
        "button": "Yes, subscribe me",
        "nothing": "We send you nothing until you confirm.",
        "why": "You receive this e-mail because someone entered this address to get news from the City of Ghent. "
        "Was that not you? Then you need not do anything: without confirmation we subscribe no one.",
        "wijk_news": "news from {name}",
        "theme": "the theme {name}",
        "press": "press releases",
        "crisis": "crisis alerts (all of Ghent)",
        "sms": "also by SMS to {phone}",
        "project": "the project {name}: news when the project moves to its next phase or an event is planned",
    },
    "fr": {
        "subject": "Confirmez votre inscription auprès de la Ville de Gand",
        "hello": "Bonjour,",
        "asked": "Vous avez demandé des messages de la Ville de Gand sur :",
        "action": "Confirmez votre inscription avec ce lien (valable 7 jours) :",
        "button": "Oui, inscrivez-moi",
        "nothing": "Nous ne vous envoyons rien tant que vous n'avez pas confirmé.",
        "why": "Vous recevez cet e-mail parce que quelqu'un a indiqué cette adresse pour recevoir les nouvelles de la Ville de Gand. "
        "Ce n'était pas vous ? Vous n'avez rien à faire : sans confirmation, nous n'inscrivons personne.",
        "wijk_news": "les actualités de {name}",
        "theme": "le thème {name}",
        "press": "les communiqués de presse",
        "crisis": "les alertes de crise (tout Gand)",
        "sms": "aussi par SMS au {phone}",
        "project": "le projet {name} : des nouvelles quand le projet passe à une autre phase ou qu'une activité est prévue",
    },
}


def texts_for(language: str) -> dict[str, str]:
    return TEXTS.get(language, TEXTS["nl"])


def confirmation_url(*, request: ConfirmationRequest) -> str:
    language = request.language if request.language in TEXTS else "nl"
    query = urlencode({"token": confirmation_token(request=request)})
    return f"{settings.FRONTEND_URL.rstrip('/')}/{language}/inschrijven/bevestigen?{query}"


def _asked_lines(request: ConfirmationRequest, texts: dict) -> list[str]:
    subscriptions = list(request.subscriptions.select_related("wijk", "theme").order_by("kind", "pk"))
    names = theme_names(themes=[s.theme for s in subscriptions if s.theme_id], language=request.language)
    projects = [s.project.specific for s in subscriptions if s.project_id]
    titles = project_titles(projects=projects, language=request.language)
    lines = []
    for sub in subscriptions:
        if sub.kind == Subscription.Kind.PROJECT:
            lines.append(texts["project"].format(name=titles.get(sub.project_id, "")))
            continue
        if sub.kind == Subscription.Kind.WIJK_NEWS:
            lines.append(texts["wijk_news"].format(name=sub.wijk.name))
        elif sub.kind == Subscription.Kind.THEME:
            lines.append(texts["theme"].format(name=names.get(sub.theme_id, sub.theme.name)))
        elif sub.kind == Subscription.Kind.CRISIS and request.sms and request.phone:
            lines.append(f"{texts['crisis']}, {texts['sms'].format(phone=request.phone)}")
        else:
            lines.append(texts[sub.kind])
    return lines


def confirmation_envelope(*, request: ConfirmationRequest) -> Envelope:
    texts = texts_for(request.language)
    url = confirmation_url(request=request)
    lines = _asked_lines(request, texts)
    text = "\n".join(
        [texts["hello"], "", texts["asked"], *(f"- {line}" for line in lines), "", texts["action"], url, "",
         texts["nothing"], "", "-- ", texts["why"], ""]
    )  # fmt: skip
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    language = request.language if request.language in TEXTS else "nl"
    html = (
        f'<!doctype html>\n<html lang="{language}">\n<head><meta charset="utf-8"><title>{escape(texts["subject"])}</title></head>\n'
        '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">\n'
        f"<p>{escape(texts['hello'])}</p>\n<p>{escape(texts['asked'])}</p>\n<ul>{items}</ul>\n"
        f"<p>{escape(texts['action'])}</p>\n"
        f'<p><a href="{escape(url)}" style="display: inline-block; padding: .6em 1.2em; background: #0069b4; '
        f'color: #fff; text-decoration: none;">{escape(texts["button"])}</a></p>\n'
        f'<p style="font-size: 13px;">{escape(url)}</p>\n<p>{escape(texts["nothing"])}</p>\n'
        '<hr style="border: 0; border-top: 1px solid #ccc; margin: 2em 0 1em;">\n'
        f'<p style="font-size: 13px; color: #555;">{escape(texts["why"])}</p>\n</body>\n</html>\n'
    )
    return Envelope(
        reference=f"subscription-confirmation-{request.pk}",
        to=request.citizen.email.strip().lower(),
        subject=texts["subject"],
        body_text=text,
        body_html=html,
    )


def confirmation_mail_send(*, request_id: int) -> bool:
    """Send the request's mail once; True when it went to the channel. Channel errors propagate (the task retries)."""
    request = ConfirmationRequest.objects.select_related("citizen").filter(pk=request_id, mailed_at__isnull=True).first()
    if request is None or not request.citizen.email:
        return False
    address = request.citizen.email.strip().lower()
    if address_is_suppressed(channel=ChannelKind.EMAIL, address=address):
        return False
    channel_for(ChannelKind.EMAIL).send(confirmation_envelope(request=request))
    ConfirmationRequest.objects.filter(pk=request_id, mailed_at__isnull=True).update(mailed_at=timezone.now())
    return True
