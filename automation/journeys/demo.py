"""The demo journey: an environmental permit (omgevingsvergunning) told to the applicant.

Dossier type `omgevingsvergunning` with four milestones. The journey listens to all four;
on `aanvraag_ontvangen` and on `beslissing_genomen` the citizen gets one e-mail and, with
a phone number and SMS consent, one SMS, in their language. The other two milestones are
recognised (so they are not "unmatched") and send nothing.

Also a few demo citizens (nl, en, fr) with consent and subscriptions (wijk news, crisis,
press), so crisis alerts and the preference page have someone to show.

Idempotent: run it again and nothing changes; texts an editor has edited are kept.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.dossiers.models import DossierType, Milestone
from automation.journeys.demo_texts import MILESTONES, TEMPLATES
from automation.journeys.models import Journey, JourneyStep, JourneyTrigger, JourneyVersion
from automation.messages.models import MessageTemplate, TemplateContent
from automation.purposes import Purpose

DOSSIER_TYPE = "omgevingsvergunning"
JOURNEY_SLUG = "omgevingsvergunning"


def demo_journey_install() -> Journey:
    with transaction.atomic():
        dossier_type, _ = DossierType.objects.get_or_create(code=DOSSIER_TYPE, defaults={"name": "Omgevingsvergunning"})
        milestones = {
            code: Milestone.objects.get_or_create(
                dossier_type=dossier_type, code=code, defaults={"name": name, "position": position}
            )[0]
            for position, (code, name) in enumerate(MILESTONES)
        }
        journey, _ = Journey.objects.get_or_create(
            slug=JOURNEY_SLUG,
            defaults={
                "name": "Omgevingsvergunning: de aanvrager op de hoogte houden",
                "description": "E-mail en sms bij ontvangst van de aanvraag en bij de beslissing.",
                "purpose": Purpose.SERVICE,
            },
        )
        if journey.live_version_id is None:
            _first_version(journey, milestones)
    return journey


def _first_version(journey: Journey, milestones: dict[str, Milestone]) -> None:
    version = JourneyVersion.objects.create(
        journey=journey, number=1, note="Demo: eerste versie", published_at=timezone.now()
    )
    entry_steps = {}
    for position, (milestone_code, texts) in enumerate(TEMPLATES.items()):
        template = _template(slug=f"{JOURNEY_SLUG}-{milestone_code}", texts=texts)
        entry_steps[milestone_code] = JourneyStep.objects.create(
            version=version,
            key=milestone_code,
            position=position,
            kind=JourneyStep.Kind.SEND,
            template=template,
            channels=[ChannelKind.EMAIL.value, ChannelKind.SMS.value],
            delivery=JourneyStep.Delivery.ALL,
        )
    for code, milestone in milestones.items():
        JourneyTrigger.objects.create(
            version=version, kind=JourneyTrigger.Kind.MILESTONE, milestone=milestone, entry_step=entry_steps.get(code)
        )
    journey.live_version, journey.status = version, Journey.Status.ACTIVE
    journey.save(update_fields=["live_version", "status", "updated_at"])


def _template(*, slug: str, texts: dict) -> MessageTemplate:
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
    return template


DEMO_CITIZENS = [
    # ref, email, phone, language, wijk slug, consent, subscriptions (kind, wijk slug or None)
    ("demo-an", "an.peeters@example.be", "+32470000101", "nl", "rabot-blaisantvest", ("email", "sms"),
     [("wijk_news", "rabot-blaisantvest"), ("crisis", "rabot-blaisantvest")]),
    ("demo-claire", "claire.dubois@example.be", "+32470000102", "fr", "binnenstad", ("email",),
     [("crisis", None)]),
    ("demo-sam", "sam.jones@example.be", "", "en", "ledeberg", ("email",), [("press", None)]),
]


def demo_citizens_install() -> int:
    """A few demo citizens in three languages with consent and subscriptions; returns how many are new."""
    from automation.contacts.models import Citizen, Subscription
    from automation.contacts.services import consent_record
    from cms.core.models import Wijk

    created = 0
    now = timezone.now()
    with transaction.atomic():
        for ref, email, phone, language, wijk, channels, subscriptions in DEMO_CITIZENS:
            citizen, new = Citizen.objects.get_or_create(
                ref=ref,
                defaults={
                    "email": email,
                    "phone": phone,
                    "language": language,
                    "wijk": Wijk.objects.filter(slug=wijk).first(),
                },
            )
            if not new:
                continue
            created += 1
            for channel in channels:
                consent_record(citizen=citizen, channel=channel, granted=True, source="demo", recorded_at=now)
            for kind, target in subscriptions:
                Subscription.objects.create(
                    citizen=citizen,
                    kind=kind,
                    wijk=Wijk.objects.filter(slug=target).first() if target else None,
                    status=Subscription.Status.ACTIVE,
                    source="demo",
                    confirmed_at=now,
                )
    return created
