"""The send task: carries a message id, delegates to `message_send`, retries when told to.

`max_retries=None` on purpose: the attempt limit is counted on the message row by the
service (so work re-queued by a sweep counts too) and the service ends the message in
`failed` itself. A Celery-side limit would give up while the row still says `created`.

Without a broker (the embedded demo runs tasks eagerly) there is no queue to wait in, and
Celery's eager mode would raise the retry at the caller instead of running it; so an eager
send retries on the spot, still bounded by the attempt limit on the row.
"""

from __future__ import annotations

from celery import shared_task

from automation.messages.sending import message_send


@shared_task(name="automation.send_message", bind=True, acks_late=True, max_retries=None)
def send_message(self, message_id: int) -> str:
    outcome = message_send(message_id=message_id)
    while outcome.retry_in is not None and self.request.is_eager:
        outcome = message_send(message_id=message_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="automation.sweep_stuck", acks_late=True)
def sweep_stuck_work() -> dict[str, int]:
    """Periodic (Celery beat): re-queue messages and events a lost worker left behind."""
    from automation.sweep import sweep_stuck

    return sweep_stuck()


@shared_task(name="automation.purge_message_bodies", acks_late=True)
def purge_message_bodies() -> int:
    """Periodic (Celery beat, daily): empty message bodies past the retention period."""
    from automation.messages.retention import message_bodies_purge

    return message_bodies_purge()
