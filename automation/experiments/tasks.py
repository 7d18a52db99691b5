"""The experiments' task, queued by name (`services.SEND_REST`): send the winner to the rest."""

from __future__ import annotations

from celery import shared_task

from automation.experiments.rest import CHUNK, experiment_rest_send
from automation.experiments.services import SEND_REST


@shared_task(name=SEND_REST, acks_late=True)
def experiments_send_rest(experiment_id: int, chunk: int = CHUNK) -> int:
    """Any number of these may run at once for one experiment: each held citizen is sent once (rest.py)."""
    return experiment_rest_send(experiment_id=experiment_id, chunk=chunk)
