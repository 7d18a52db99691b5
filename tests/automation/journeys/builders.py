"""Building small journeys in tests, the way an editor would in the admin."""

from __future__ import annotations

from automation.dossiers.models import DossierType, Milestone
from automation.journeys.models import Journey, JourneyStep, JourneyTrigger, JourneyVersion
from automation.messages.models import MessageTemplate, TemplateContent


def milestone(code: str, dossier_type: str = "omgevingsvergunning") -> Milestone:
    kind, _ = DossierType.objects.get_or_create(code=dossier_type, defaults={"name": dossier_type.title()})
    return Milestone.objects.get_or_create(dossier_type=kind, code=code, defaults={"name": code})[0]


def template(slug: str = "t", *, email: bool = True, sms: bool = True) -> MessageTemplate:
    tpl, _ = MessageTemplate.objects.get_or_create(slug=slug, defaults={"name": slug})
    if email:
        TemplateContent.objects.get_or_create(
            template=tpl, channel="email", language="nl", defaults={"subject": f"{slug} {{{{ dossier.id }}}}", "body_text": slug}
        )
    if sms:
        TemplateContent.objects.get_or_create(template=tpl, channel="sms", language="nl", defaults={"body_text": slug})
    return tpl


def journey(slug: str = "j", *, number: int = 1, existing: Journey | None = None) -> JourneyVersion:
    """A new live version (of a new journey, or of `existing`)."""
    j = existing or Journey.objects.create(slug=slug, name=slug, status=Journey.Status.ACTIVE)
    version = JourneyVersion.objects.create(journey=j, number=number)
    j.live_version = version
    j.save()
    return version


def send_step(version, key="send", *, channels=("email", "sms"), delivery="all", tpl=None, next_step=None):
    return JourneyStep.objects.create(
        version=version,
        key=key,
        kind=JourneyStep.Kind.SEND,
        template=tpl or template(f"{version.journey.slug}-{key}"),
        channels=list(channels),
        delivery=delivery,
        next_step=next_step,
    )


def trigger(version, code: str, *, entry=None, action="enrol") -> JourneyTrigger:
    return JourneyTrigger.objects.create(
        version=version, kind=JourneyTrigger.Kind.MILESTONE, milestone=milestone(code), entry_step=entry, action=action
    )
