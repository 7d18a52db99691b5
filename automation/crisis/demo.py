"""The demo's crisis alert: one that was sent and has ended, so the CAP feed is never empty on a fresh demo.

Contributed to `seed_demo` from `CrisisConfig.ready` (cms.importers.seed.contributions),
beside the automation demo's journeys and citizens: crisis alerts and journeys do not import
each other. A fire at the port, for two wijken, in Dutch, English and French, confirmed a
day before the seed ran and ended four hours later. Its CAP messages (an Alert, then a
Cancel) have status Exercise, so a notice board that follows a demo site never shows it as
a real warning. Nobody is messaged: it is history, not a send.

Idempotent: run again, nothing changes (found by its message template's slug).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.crisis.cap.models import CapMessage
from automation.crisis.cap.publish import cap_message_publish
from automation.crisis.compose import AlertText, email_text, literal, sms_text
from automation.crisis.models import CrisisAlert, CrisisAlertText
from automation.messages.models import MessageTemplate, TemplateContent
from cms.core.models import Wijk

TEMPLATE_SLUG = "crisis-demo-brand-haven"
WIJKEN = ["muide-meulestede-afrikalaan", "kanaaldorpen-en-zone"]
TEXTS = {
    "nl": AlertText(
        "Brand in loods aan de haven: hou ramen en deuren dicht",
        "Er woedt een grote brand in een loods aan de Afrikalaan. De rook trekt over Muide, Meulestede en de "
        "Kanaaldorpen. Blijf binnen, hou ramen en deuren dicht en zet ventilatie uit. Meer info: Gentinfo, 09 210 10 10.",
    ),
    "en": AlertText(
        "Fire in a port warehouse: keep windows and doors closed",
        "A large fire is burning in a warehouse on the Afrikalaan. The smoke is drifting over Muide, Meulestede and "
        "the canal villages. Stay indoors, keep windows and doors closed and turn off ventilation. "
        "More information: Gentinfo, 09 210 10 10.",
    ),
    "fr": AlertText(
        "Incendie dans un entrepôt du port : gardez portes et fenêtres fermées",
        "Un grand incendie touche un entrepôt de l'Afrikalaan. La fumée se dirige vers Muide, Meulestede et les "
        "villages du canal. Restez à l'intérieur, fermez portes et fenêtres et coupez la ventilation. "
        "Plus d'infos : Gentinfo, 09 210 10 10.",
    ),
}


def demo_crisis_install() -> CrisisAlert:
    """The ended demo alert with its CAP Alert and Cancel (made once)."""
    existing = CrisisAlert.objects.filter(template__slug=TEMPLATE_SLUG).first()
    if existing is not None:
        return existing
    confirmed = (timezone.now() - timedelta(days=1)).replace(microsecond=0)
    ended = confirmed + timedelta(hours=4)
    with transaction.atomic():
        template = MessageTemplate.objects.create(
            slug=TEMPLATE_SLUG, name="Crisisbericht: brand haven (demo)",
            description="Demo: het crisisbericht dat de CAP-feed van een nieuwe demo toont.",
        )
        for language, text in TEXTS.items():
            TemplateContent.objects.create(
                template=template, channel=ChannelKind.SMS, language=language, body_text=literal(sms_text(text))
            )
            TemplateContent.objects.create(
                template=template, channel=ChannelKind.EMAIL, language=language,
                subject=literal(text.headline), body_text=literal(email_text(text)),
            )
        alert = CrisisAlert.objects.create(
            title="Demo: brand in loods aan de haven", template=template,
            channels=[ChannelKind.SMS.value, ChannelKind.EMAIL.value],
            status=CrisisAlert.Status.FANNED_OUT, requested_at=confirmed - timedelta(minutes=6),
            confirmed_at=confirmed, fanned_out_at=confirmed + timedelta(seconds=40), ended_at=ended,
        )
        alert.wijken.set(Wijk.objects.filter(slug__in=WIJKEN))
        CrisisAlertText.objects.bulk_create(
            CrisisAlertText(alert=alert, language=language, headline=text.headline, body=text.body)
            for language, text in TEXTS.items()
        )
        exercise = CapMessage.Status.EXERCISE
        cap_message_publish(alert=alert, msg_type=CapMessage.MsgType.ALERT, sent=confirmed, status=exercise)
        cap_message_publish(alert=alert, msg_type=CapMessage.MsgType.CANCEL, sent=ended, status=exercise)
    return alert
