"""Building a journey with a message experiment on its send step, and enrolling citizens in it."""

from __future__ import annotations

from django.utils import timezone

from automation.contacts.services import consent_record
from automation.experiments.design import ArmDesign
from automation.experiments.models import MessageExperiment
from automation.experiments.services import experiment_create
from automation.journeys.runtime import enrolment_start
from tests.automation.factories import make_citizen
from tests.automation.journeys import builders

B_SUBJECT = "Nog één ding voor {{ dossier.id }}"
B_TEXT = "Kijk na of uw aanvraag volledig is."


def journey_with_experiment(*, arms=None, purpose="service", channels=("email",), **fields):
    version = builders.journey()
    version.journey.purpose = purpose
    version.journey.save()
    step = builders.send_step(version, "ontvangen", channels=channels, delivery="first")
    trigger = builders.trigger(version, "aanvraag_ontvangen", entry=step)
    outcome = builders.milestone("volledig_verklaard")
    experiment = experiment_create(
        arms=arms or [ArmDesign(name="A", weight=50), ArmDesign(name="B", weight=50, subject=B_SUBJECT, text=B_TEXT)],
        key=fields.pop("key", "proef"),
        name="Proef",
        journey=version.journey,
        step_key="ontvangen",
        status=MessageExperiment.Status.RUNNING,
        **{"outcome_milestone": outcome, **fields},
    )
    return experiment, trigger


def citizens(count: int, *, language="nl", start=0):
    return [make_citizen(ref=f"c-{start + i}", email=f"c{start + i}@example.be", language=language) for i in range(count)]


def enrol(trigger, people, *, occasion="proef") -> list[int]:
    ids = []
    for citizen in people:
        ids += enrolment_start(trigger=trigger, citizen=citizen, occasion=f"{occasion}", context={})
    return ids


def unsubscribe(citizen) -> None:
    consent_record(citizen=citizen, channel="email", granted=False, source="unsubscribe-link", recorded_at=timezone.now())
