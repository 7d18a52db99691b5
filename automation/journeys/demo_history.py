"""A demo journey with a past: a reminder with a wait and a fall-back SMS, and thirty runs through it.

So the demo's journey diagram and figures have something to show (entered, waiting, sent,
delivered, milestone reached, left; per wijk and language) without anyone posting events.
The journey is paused (no new enrolments: the demo's own events never reach it) and its
runs are stored as the runtime would have left them: enrolments on their step, a
`StepPassage` per step reached, messages with the provider's reports (provider "demo",
nothing was sent). Idempotent: installed once, left alone afterwards.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from automation.contacts.models import Citizen
from automation.journeys.demo_templates import demo_template
from automation.journeys.models import Enrolment, Journey, JourneyStep, StepPassage
from automation.journeys.selectors import EXITED_ON_MILESTONE
from automation.journeys.versioning import journey_version_publish
from automation.messages.models import DeliveryEvent, Message
from automation.purposes import Purpose

SLUG = "omgevingsvergunning-herinnering"
RUNS = 30
TEXTS = {
    "herinnering": {
        "name": "Herinnering: ontbrekende documenten",
        "email": {
            "nl": ("Uw aanvraag mist nog documenten", "Beste aanvrager, om uw aanvraag te behandelen hebben we nog een paar documenten nodig."),
            "en": ("Your application is missing documents", "To process your application we still need a few documents."),
            "fr": ("Il manque des documents à votre demande", "Pour traiter votre demande, il nous manque encore quelques documents."),
        },
        "sms": {
            "nl": "Stad Gent: uw aanvraag mist nog documenten. Bekijk uw e-mail of het omgevingsloket.",
            "en": "City of Ghent: your application is missing documents. Please check your e-mail.",
            "fr": "Ville de Gand : il manque des documents à votre demande. Consultez votre e-mail.",
        },
    },
}


def _design(template_slug: str):
    triggers = [
        ("milestone", {"milestone": "omgevingsvergunning:aanvraag_ontvangen", "start_step": "herinnering"}),
        ("exit_milestone", {"milestone": "omgevingsvergunning:volledig_verklaard"}),
    ]
    steps = [
        ("send", {"key": "herinnering", "template": template_slug, "channels": "email,sms", "delivery": "first"}),
        ("wait", {"key": "drie-dagen", "days": 3, "hours": None, "until": "09:00:00"}),
        ("branch", {"key": "niet-aangekomen", "on": "not_delivered", "after_step": "herinnering", "channel": "", "goto": "sms"}),
        ("exit", {"key": "klaar"}),
        ("send", {"key": "sms", "template": template_slug, "channels": "sms", "delivery": "first"}),
        ("exit", {"key": "einde-sms"}),
    ]
    return triggers, steps


def _message(*, enrolment, step, citizen, channel, when, delivered: bool, reports: list[str], n: int) -> Message:
    message = Message.objects.create(
        channel=channel, status=Message.Status.DELIVERED if delivered else Message.Status.FAILED,
        purpose=Purpose.SERVICE, citizen=citizen, recipient=citizen.email if channel == "email" else citizen.phone,
        language=citizen.language, subject=TEXTS["herinnering"]["email"]["nl"][0], journey=enrolment.journey,
        enrolment=enrolment, step=step, template=step.template, provider="demo", sent_at=when,
    )  # fmt: skip
    Message.objects.filter(pk=message.pk).update(created_at=when)
    kinds = (["delivered"] if delivered else ["bounced"]) + reports
    DeliveryEvent.objects.bulk_create(
        DeliveryEvent(provider="demo", event_id=f"demo-{n}-{step.key}-{kind}", kind=kind, message=message,
                      occurred_at=when + timedelta(minutes=5 + index))
        for index, kind in enumerate(kinds)
    )  # fmt: skip
    return message


def demo_journey_history_install() -> Journey | None:
    if Journey.objects.filter(slug=SLUG).exists():
        return None
    citizens = list(Citizen.objects.filter(ref__startswith="demo-").order_by("ref"))
    if not citizens:
        return None
    with transaction.atomic():
        template = demo_template(slug=SLUG, texts=TEXTS["herinnering"])
        journey = Journey.objects.create(
            slug=SLUG, name="Omgevingsvergunning: herinnering ontbrekende documenten", purpose=Purpose.SERVICE,
            description="Demo met geschiedenis: een herinnering per e-mail, drie dagen wachten, sms als de e-mail niet aankwam.",
        )  # fmt: skip
        journey.trigger_design, journey.step_design = _design(template.slug)
        journey.status = Journey.Status.PAUSED
        journey.save()
        version = journey_version_publish(journey=journey, note="Demo: met dertig deelnames")
        steps = {step.key: step for step in version.steps.all()}
        trigger = version.triggers.filter(entry_step__isnull=False).first()
        now = timezone.now()
        for n in range(RUNS):
            citizen = citizens[n % len(citizens)]
            started = now - timedelta(days=1 + (n % 12), hours=n)
            bounced = n % 10 == 9  # three e-mails bounce: those get the SMS
            outcome = "waiting" if n < 8 else "milestone" if n < 18 else "done"
            if bounced:
                outcome = "sms"
            enrolment = Enrolment.objects.create(
                journey=journey, version=version, trigger=trigger, citizen=citizen, occasion=f"demo:{n}",
                status=Enrolment.Status.WAITING, current_step=steps["drie-dagen"], wake_at=now + timedelta(days=1),
            )  # fmt: skip
            reached = ["herinnering", "drie-dagen"]
            reports = ["opened", "clicked"] if n % 3 == 0 else ["opened"] if n % 3 == 1 else []
            email = citizen.email and "email" or "sms"
            _message(enrolment=enrolment, step=steps["herinnering"], citizen=citizen, channel=email, when=started,
                     delivered=not bounced, reports=[] if bounced else reports, n=n)  # fmt: skip
            if outcome == "milestone":
                enrolment.status, enrolment.detail = Enrolment.Status.EXITED, f"{EXITED_ON_MILESTONE}volledig_verklaard"
            elif outcome == "done":
                reached += ["niet-aangekomen", "klaar"]
                enrolment.status, enrolment.current_step = Enrolment.Status.COMPLETED, steps["klaar"]
            elif outcome == "sms":
                reached += ["niet-aangekomen", "sms", "einde-sms"]
                enrolment.status, enrolment.current_step = Enrolment.Status.COMPLETED, steps["einde-sms"]
                if citizen.phone:
                    _message(enrolment=enrolment, step=steps["sms"], citizen=citizen, channel="sms",
                             when=started + timedelta(days=3), delivered=True, reports=[], n=n)  # fmt: skip
            if outcome != "waiting":
                enrolment.wake_at, enrolment.finished_at = None, started + timedelta(days=3)
            enrolment.save()
            Enrolment.objects.filter(pk=enrolment.pk).update(created_at=started)
            StepPassage.objects.bulk_create(StepPassage(enrolment=enrolment, step=steps[key]) for key in reached)
    return journey
