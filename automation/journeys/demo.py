"""The demo journey: an environmental permit (omgevingsvergunning) told to the applicant.

Dossier type `omgevingsvergunning` with four milestones. The journey listens to all four;
on `aanvraag_ontvangen` and on `beslissing_genomen` the citizen gets one message in their
language, on the first channel that reaches them: the one they prefer, else e-mail, else
SMS, else a phone call that reads it aloud (for who said yes to calls), else a letter in
the next print batch (a citizen who is not online is still told).
The other two milestones are recognised (so they are not "unmatched") and send nothing.

Built through the same design and versioning the admin uses, so an editor who opens it
sees exactly what runs. Also the weekly wijk digest journeys (demo_digest.py), the
"follow a project" journey (demo_projects.py), and a few
demo citizens (nl, en, fr) with consent and subscriptions (wijk news, crisis,
press), so crisis alerts and the preference page have someone to show.

Idempotent: run it again and nothing changes; texts an editor has edited are kept.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from automation.dossiers.models import DossierType, Milestone
from automation.journeys.demo_templates import demo_template
from automation.journeys.demo_texts import MILESTONES, TEMPLATES
from automation.journeys.models import Journey, JourneyStep
from automation.journeys.versioning import NO_START, journey_version_publish
from automation.purposes import Purpose

DOSSIER_TYPE = "omgevingsvergunning"
JOURNEY_SLUG = "omgevingsvergunning"


def demo_journey_install() -> Journey:
    """The omgevingsvergunning journey, the weekly digest journeys per wijk (demo_digest.py), and
    the journey for who follows a project (demo_projects.py)."""
    from automation.journeys.demo_digest import demo_digests_install
    from automation.journeys.demo_projects import demo_project_journey_install

    with transaction.atomic():
        dossier_type, _ = DossierType.objects.get_or_create(code=DOSSIER_TYPE, defaults={"name": "Omgevingsvergunning"})
        for position, (code, name) in enumerate(MILESTONES):
            Milestone.objects.get_or_create(
                dossier_type=dossier_type, code=code, defaults={"name": name, "position": position}
            )
        journey, _ = Journey.objects.get_or_create(
            slug=JOURNEY_SLUG,
            defaults={
                "name": "Omgevingsvergunning: de aanvrager op de hoogte houden",
                "description": "Bij ontvangst van de aanvraag en bij de beslissing: e-mail, anders sms, anders een brief.",
                "purpose": Purpose.SERVICE,
            },
        )
        if journey.live_version_id is None:
            _first_version(journey)
        demo_digests_install()
        demo_project_journey_install()
    return journey


def _first_version(journey: Journey) -> None:
    """Built as an editor would in the admin: a design, saved into version 1."""
    steps, triggers = [], []
    for milestone_code, texts in TEMPLATES.items():
        template = demo_template(slug=f"{JOURNEY_SLUG}-{milestone_code}", texts=texts)
        steps.append(("send", {"key": milestone_code, "template": template.slug, "channels": "email,sms,voice,letter",
                               "delivery": JourneyStep.Delivery.FIRST}))
        steps.append(("exit", {"key": f"einde-{milestone_code}"}))
    for code, _name in MILESTONES:
        start = code if code in TEMPLATES else NO_START
        triggers.append(("milestone", {"milestone": f"{DOSSIER_TYPE}:{code}", "start_step": start}))
    journey.trigger_design = triggers
    journey.step_design = steps
    journey.status = Journey.Status.ACTIVE
    journey.save()
    journey_version_publish(journey=journey, note="Demo: eerste versie")


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


def demo_automation_install() -> tuple[Journey, int]:
    """The whole automation demo: the journey, then the citizens (what `seed_demo` contributes)."""
    return demo_journey_install(), demo_citizens_install()
