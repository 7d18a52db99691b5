"""Creating, starting and stopping a message experiment (the admin and the demo use these)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from automation.experiments.design import ArmDesign, ExperimentDesignError, experiment_design_errors
from automation.experiments.models import HeldSend, MessageArm, MessageExperiment
from cms.work.claims import compare_and_set
from cms.work.enqueue import enqueue

SEND_REST = "automation.experiments_send_rest"
Status = MessageExperiment.Status


def experiment_create(*, arms: list[ArmDesign], **fields) -> MessageExperiment:
    """A checked experiment with its versions (the first is the control), all or nothing."""
    errors = experiment_design_errors(
        arms=arms,
        test_share=fields.get("test_share", 100),
        outcome=fields.get("outcome", MessageExperiment.Outcome.MILESTONE),
        outcome_milestone=fields.get("outcome_milestone"),
        journey=fields.get("journey"),
        step_key=fields.get("step_key", ""),
    )
    if errors:
        raise ExperimentDesignError(errors)
    with transaction.atomic():
        experiment = MessageExperiment.objects.create(**fields)
        for position, arm in enumerate(arms):
            MessageArm.objects.create(
                experiment=experiment, sort_order=position, name=arm.name.strip(), weight=arm.weight,
                subject=arm.subject, text=arm.text, channel=arm.channel, delay_hours=arm.delay_hours,
            )
    return experiment


def experiment_stop(*, experiment: MessageExperiment, reason: str) -> bool:
    """Stop by hand: from now on everyone gets the step as designed; a held rest gets it too."""
    stopped = compare_and_set(
        MessageExperiment, pk=experiment.pk, from_status=Status.RUNNING, to_status=Status.STOPPED,
        stopped_reason=reason[:2000], stopped_at=timezone.now(),
    )
    if stopped and HeldSend.objects.filter(experiment=experiment, status=HeldSend.Status.WAITING).exists():
        experiment_rest_queue(experiment_id=experiment.pk)
    return stopped


def experiment_rest_queue(*, experiment_id: int) -> None:
    transaction.on_commit(lambda: enqueue(SEND_REST, experiment_id), robust=True)
