"""The experiments' task, queued by name (`services.SEND_REST`): send the winner to the rest."""

from __future__ import annotations

from celery import shared_task

from automation.experiments.rest import experiment_rest_send
from automation.experiments.services import SEND_REST


@shared_task(name=SEND_REST, acks_late=True)
def experiments_send_rest(experiment_id: int) -> int:
    return experiment_rest_send(experiment_id=experiment_id)
