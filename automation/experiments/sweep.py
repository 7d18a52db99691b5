"""The experiments' sweeper (registered with `cms.work.sweep`): outcomes, guardrails, the rest.

Every few minutes, for each experiment not a draft: stamp the conversions and guardrail
events that came in (outcomes.py); for a running one, stop a harmful version
(guardrails.py) and, for a newsletter test whose result can stop or whose deadline passed,
queue the sending of the rest (rest.py). A rest left half sent (a lost worker) is queued
again: the claims make that harmless.
"""

from __future__ import annotations

from automation.experiments.guardrails import experiment_guardrails_check
from automation.experiments.models import HeldSend, MessageExperiment
from automation.experiments.outcomes import experiment_outcomes_record
from automation.experiments.rest import rest_due
from automation.experiments.services import SEND_REST
from cms.work.enqueue import enqueue

Status = MessageExperiment.Status


def experiments_sweep() -> dict[str, int]:
    done = {"converted": 0, "stopped_arms": 0, "rest_queued": 0}
    for experiment in MessageExperiment.objects.exclude(status=Status.DRAFT).select_related("outcome_milestone__dossier_type"):
        done["converted"] += experiment_outcomes_record(experiment=experiment).get("converted", 0)
        if experiment.status == Status.RUNNING:
            done["stopped_arms"] += len(experiment_guardrails_check(experiment=experiment))
        if rest_due(experiment=experiment) or (
            experiment.status != Status.RUNNING
            and HeldSend.objects.filter(experiment=experiment, status=HeldSend.Status.WAITING).exists()
        ):
            enqueue(SEND_REST, experiment.pk)
            done["rest_queued"] += 1
    return done
