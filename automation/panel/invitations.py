"""Sending a pretest: draw the sample, make one invitation and one e-mail `Message` per member, queue them.

Through the message path (automation/messages), so the rules every message obeys hold
here too: the frame says why the member gets it and carries a one-click way out (here:
leaving the panel, also as the List-Unsubscribe header), consent and suppression are
checked again at the moment of sending, and newsletters' frequency cap counts it. Persist
first, then queue ids: the invitations and messages are committed before any task
hears of them.

The personal link carries a random token; only its hash is stored (tokens.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from automation.channels.kinds import ChannelKind
from automation.messages.creation import message_build
from automation.messages.queueing import messages_queue
from automation.messages.rendering import Rendered
from automation.messages.transitions import messages_record_created
from automation.panel.models import Invitation, PanelMember, Pretest
from automation.panel.sampling import panel_sample
from automation.panel.tokens import LEAVE, invitation_token_new, member_token
from automation.purposes import Purpose

TEXTS = {
    "nl": {
        "subject": "Wilt u een tekst van Stad Gent testen?",
        "intro": "Stad Gent schrijft een nieuwe tekst: „{title}”. Voor we hem gebruiken, willen we weten of hij "
        "duidelijk is. Wilt u hem lezen en een paar korte vragen beantwoorden? Dat duurt ongeveer vijf minuten.",
        "anonymous": "Uw antwoorden worden zonder naam bewaard. De link is persoonlijk en werkt één keer.",
        "link": "Naar de tekst",
        "why": "U krijgt dit bericht omdat u zich aanmeldde voor het testpanel van Stad Gent.",
        "stop": "Uit het testpanel stappen (met één klik)",
    },
    "en": {
        "subject": "Would you test a text of the City of Ghent?",
        "intro": "The City of Ghent is writing a new text: “{title}”. Before we use it, we want to know whether it is "
        "clear. Would you read it and answer a few short questions? It takes about five minutes.",
        "anonymous": "Your answers are kept without your name. The link is personal and works once.",
        "link": "To the text",
        "why": "You receive this message because you joined the City of Ghent's test panel.",
        "stop": "Leave the test panel (one click)",
    },
    "fr": {
        "subject": "Voulez-vous tester un texte de la Ville de Gand ?",
        "intro": "La Ville de Gand écrit un nouveau texte : « {title} ». Avant de l'utiliser, nous voulons savoir s'il "
        "est clair. Voulez-vous le lire et répondre à quelques questions ? Cela prend environ cinq minutes.",
        "anonymous": "Vos réponses sont gardées sans votre nom. Le lien est personnel et ne fonctionne qu'une fois.",
        "link": "Vers le texte",
        "why": "Vous recevez ce message parce que vous avez rejoint le panel de test de la Ville de Gand.",
        "stop": "Quitter le panel de test (en un clic)",
    },
}


def _texts(language: str) -> tuple[str, dict]:
    language = language if language in TEXTS else "nl"
    return language, TEXTS[language]


def invitation_url(*, token: str, language: str) -> str:
    language, _ = _texts(language)
    return f"{settings.FRONTEND_URL.rstrip('/')}/{language}/testpanel/tekst/{token}"


def leave_url(*, member: PanelMember) -> str:
    path = reverse("panel:leave", args=[member_token(member=member, purpose=LEAVE)])
    return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + path


def invitation_rendered(*, pretest: Pretest, language: str, url: str) -> Rendered:
    language, texts = _texts(language)
    intro = texts["intro"].format(title=pretest.title)
    text = f"{intro}\n\n{texts['link']}: {url}\n\n{texts['anonymous']}"
    html = (f"<p>{escape(intro)}</p>\n<p><a href=\"{escape(url)}\">{escape(texts['link'])}</a></p>\n"
            f"<p>{escape(texts['anonymous'])}</p>")  # fmt: skip
    return Rendered(language=language, subject=texts["subject"], text=text, html=html)


def pretest_send(*, pretest_id: int) -> int:
    """Invite a fresh sample to a pretest not yet sent; the number invited (0 when it was sent before)."""
    with transaction.atomic():
        pretest = Pretest.objects.select_for_update().filter(pk=pretest_id, status=Pretest.Status.DRAFT).first()
        if pretest is None:
            return 0
        members = panel_sample(
            size=pretest.sample_size,
            language=pretest.language,
            wijk_ids=list(pretest.wijken.values_list("pk", flat=True)),
            exclude_pretest_id=pretest.pk,
        )
        message_ids = []
        for member in members:
            token, digest = invitation_token_new()
            language, texts = _texts(member.language)
            url = invitation_url(token=token, language=language)
            follow = {"reason": texts["why"], "stop_url": leave_url(member=member), "stop_label": texts["stop"]}
            message = message_build(
                citizen=member.citizen,
                channel=ChannelKind.EMAIL,
                rendered=invitation_rendered(pretest=pretest, language=language, url=url),
                template=None,
                purpose=Purpose.NEWSLETTER,
                context={"follow": follow},
            )
            message.save()
            messages_record_created(messages=[message], detail=f"pretest {pretest.pk}")
            Invitation.objects.create(pretest=pretest, member=member, token_sha256=digest, message=message)
            message_ids.append(message.pk)
        pretest.status, pretest.sent_at = Pretest.Status.SENT, timezone.now()
        pretest.save(update_fields=["status", "sent_at"])
        transaction.on_commit(lambda: messages_queue(message_ids=message_ids))
    return len(members)
