"""Which version of an experiment's step a citizen is sent, and recording that they were.

The version is `arm_for_subject(experiment key, "citizen:<id>", split)`: the same for every
run of the step for this citizen, so a worker's retry (the same message row), a repeated
milestone and a second dossier all land in the same version. Then:

- a citizen who reads another language than the versions are written in gets the step as
  designed and is not counted (a Dutch text would measure the language, not the words);
- a newsletter's rest group (outside `test_share`, by a second hash) is held: nothing is
  created now, a `HeldSend` waits for the winner (rest.py);
- a version stopped by its guardrail sends the control from then on; the citizen still
  counts for the version they were assigned (intention to treat: moving them would hide
  the harm);
- a finished experiment sends its chosen version to everyone and counts nobody.
Experiments that are drafts or stopped by hand change nothing.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from automation.experiments.models import Exposure, HeldSend, MessageArm, MessageExperiment, MessageVariant
from automation.journeys.variants import StepVariant
from cms.experiments.assignment import arm_for_subject

Status = MessageExperiment.Status


def citizen_subject(citizen_id: int) -> str:
    return f"citizen:{citizen_id}"


def in_test_group(experiment: MessageExperiment, citizen_id: int) -> bool:
    if experiment.test_share >= 100:
        return True
    split = [("test", experiment.test_share), ("rest", 100 - experiment.test_share)]
    return arm_for_subject(f"{experiment.key}:testgroep", citizen_subject(citizen_id), split) == "test"


def assigned_arm(experiment: MessageExperiment, arms: list[MessageArm], citizen_id: int) -> MessageArm:
    name = arm_for_subject(experiment.key, citizen_subject(citizen_id), [(arm.name, arm.weight) for arm in arms])
    return next(arm for arm in arms if arm.name == name)


def experiment_for_step(*, journey_id: int, step_key: str) -> MessageExperiment | None:
    return (
        MessageExperiment.objects.filter(journey_id=journey_id, step_key=step_key, status__in=[Status.RUNNING, Status.FINISHED])
        .order_by("-created_at")
        .first()
    )


def arm_variant(arm: MessageArm, *, record=None) -> StepVariant:
    return StepVariant(
        name=arm.name,
        subject=arm.subject,
        text=arm.text,
        channel=arm.channel,
        delay=timedelta(hours=arm.delay_hours) if arm.delay_hours else None,
        record=record,
    )


def experiment_variant(*, enrolment, step) -> StepVariant | None:
    """The chooser registered with the journey runtime (automation/journeys/variants.py)."""
    citizen = enrolment.citizen
    if citizen is None:
        return None
    experiment = experiment_for_step(journey_id=enrolment.journey_id, step_key=step.key)
    if experiment is None or citizen.language != experiment.language:
        return None
    arms = list(experiment.arms.order_by("sort_order", "pk"))
    if len(arms) < 2:
        return None
    if experiment.status == Status.FINISHED:
        chosen = next((arm for arm in arms if arm.name == experiment.winner), arms[0])
        return arm_variant(chosen)
    if not in_test_group(experiment, citizen.pk):
        hold = partial(_hold, experiment=experiment, enrolment=enrolment, step=step)
        return StepVariant(name="rest", hold=True, record=hold)
    assigned = assigned_arm(experiment, arms, citizen.pk)
    sent = arms[0] if assigned.stopped_at is not None else assigned
    record = partial(exposure_record, experiment=experiment, assigned=assigned, sent=sent, enrolment=enrolment)
    return arm_variant(sent, record=record)


def exposure_record(messages: list, *, experiment, assigned: MessageArm, sent: MessageArm, enrolment) -> Exposure | None:
    """The citizen's exposure (once per experiment) and which version each message went out in."""
    if not messages:
        return None  # nothing could be sent (no channel reaches them): not exposed
    exposure = exposure_get_or_create(experiment=experiment, arm=assigned, citizen=enrolment.citizen, dossier=enrolment.dossier)
    MessageVariant.objects.bulk_create([MessageVariant(message=message, exposure=exposure, arm=sent) for message in messages])
    return exposure


def exposure_get_or_create(*, experiment, arm, citizen, dossier) -> Exposure:
    found = Exposure.objects.filter(experiment=experiment, citizen=citizen).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Exposure.objects.create(
                experiment=experiment, arm=arm, citizen=citizen, dossier=dossier, exposed_at=timezone.now()
            )
    except IntegrityError:  # a concurrent run of the same citizen won: theirs is the same version
        return Exposure.objects.get(experiment=experiment, citizen=citizen)


def _hold(messages: list, *, experiment, enrolment, step) -> None:
    try:
        with transaction.atomic():
            HeldSend.objects.create(experiment=experiment, enrolment=enrolment, step=step)
    except IntegrityError:
        pass  # already held: a repeated run holds nothing twice
