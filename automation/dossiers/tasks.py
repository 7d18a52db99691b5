"""Processing a stored dossier event: the task carries only the event's id.

Queued by name (`services.queue_event_processing`); nothing imports this module but Celery's autodiscovery.
"""

from __future__ import annotations

import logging

from celery import shared_task

from automation.dossiers.services import PROCESS_EVENT, dossier_event_fail, dossier_event_process

logger = logging.getLogger(__name__)

MAX_RETRIES = 3


@shared_task(name=PROCESS_EVENT, bind=True, acks_late=True, max_retries=MAX_RETRIES)
def process_dossier_event(self, event_pk: int) -> int:
    """Returns how many messages the event created. Safe to run twice: it acts only on `received`."""
    try:
        return len(dossier_event_process(event_pk=event_pk))
    except Exception as error:
        if self.request.retries >= MAX_RETRIES:
            logger.exception("Giving up on dossier event %s", event_pk)
            dossier_event_fail(event_pk=event_pk, detail=f"{type(error).__name__}: {error}")
            return 0
        raise self.retry(exc=error, countdown=10 * 2**self.request.retries) from error
