"""Send the winner to the rest: a newsletter's held rest group gets the version that won, exactly once.

When the test group's result can stop (the sequential test says so), or at the deadline
the editor set, the experiment is finished (`running -> finished` by compare-and-set, so
one worker decides) with the winner, or the control when there is none. Then the held
sends are claimed in chunks, `waiting -> sent` with `SKIP LOCKED`, and the messages are
created in the same transaction as the claim: two workers sending the rest at once each
take rows the other has not, a crash rolls the claim back with the messages, and a re-run
finds nothing waiting. (The unique message per enrolment, step and channel stands behind
it.) Messages are queued after commit. An experiment stopped by hand sends its rest the
step as designed.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone

from automation.experiments.choosing import arm_variant
from automation.experiments.models import HeldSend, MessageExperiment
from automation.experiments.results import arm_figures, experiment_comparison
from automation.journeys.runtime import step_send
from automation.messages.queueing import messages_queue
from cms.experiments.statistics import Decision
from cms.work.claims import compare_and_set, compare_and_set_many

Status = MessageExperiment.Status
CHUNK = 200


def rest_due(*, experiment: MessageExperiment, now=None) -> bool:
    """A running newsletter test whose rest may be sent now: the test can stop, or the deadline passed."""
    if experiment.status != Status.RUNNING or experiment.test_share >= 100:
        return False
    if experiment.rest_deadline is not None and experiment.rest_deadline <= (now or timezone.now()):
        return True
    return experiment_comparison(arm_figures(experiment)).can_stop


def experiment_finish(*, experiment: MessageExperiment) -> str:
    """Decide (once) which version the rest gets; returns its name."""
    comparison = experiment_comparison(arm_figures(experiment))
    winner = comparison.winner if comparison.decision == Decision.WINNER else comparison.control.name
    compare_and_set(MessageExperiment, pk=experiment.pk, from_status=Status.RUNNING, to_status=Status.FINISHED, winner=winner)
    experiment.refresh_from_db()
    return experiment.winner


def experiment_rest_send(*, experiment_id: int, chunk: int = CHUNK) -> int:
    """Send every held citizen the chosen version (finishing the experiment first); returns messages created."""
    experiment = MessageExperiment.objects.get(pk=experiment_id)
    if experiment.status == Status.RUNNING:
        experiment_finish(experiment=experiment)
    if experiment.status not in (Status.FINISHED, Status.STOPPED):
        return 0
    arm = None
    if experiment.status == Status.FINISHED:
        arm = experiment.arms.filter(name=experiment.winner).first()
    label = arm.name if arm is not None else "ontwerp"
    created = 0
    while True:
        with transaction.atomic():
            waiting = HeldSend.objects.filter(experiment=experiment)
            ids = compare_and_set_many(
                waiting, from_status=HeldSend.Status.WAITING, to_status=HeldSend.Status.SENT,
                skip_locked=True, limit=chunk, arm_sent=label,
            )
            if not ids:
                return created
            message_ids: list[int] = []
            for held in HeldSend.objects.filter(pk__in=ids).select_related("enrolment__citizen", "enrolment__journey", "step__template"):
                if held.enrolment.citizen is None:
                    continue  # erased since: nobody to send to
                variant = arm_variant(arm) if arm is not None else None
                message_ids += step_send(enrolment=held.enrolment, step=held.step, variant=variant)
            created += len(message_ids)
            if message_ids:
                transaction.on_commit(partial(messages_queue, message_ids=message_ids), robust=True)
