"""The demo journey: an environmental permit (omgevingsvergunning) told to the applicant.

Dossier type `omgevingsvergunning` with four milestones. The journey listens to all four;
on `aanvraag_ontvangen` and on `beslissing_genomen` the citizen gets one e-mail and, with
a phone number and SMS consent, one SMS, in their language. The other two milestones are
recognised (so they are not "unmatched") and send nothing.

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
