"""The delivery task: carries a delivery id, delegates to `delivery_send`, retries when told to.

`max_retries=None` on purpose: the attempt limit lives on the row (so re-queued work
counts too) and the service ends the row in `failed` itself. Without a broker (eager
mode, the embedded demo) a retry runs on the spot, still bounded by that limit.
"""

from __future__ import annotations

from celery import shared_task

from cms.api.webhooks.delivery import deliveries_sweep, delivery_send


@shared_task(name="webhooks.deliver", bind=True, acks_late=True, max_retries=None)
def deliver_webhook(self, delivery_id: int) -> str:
    outcome = delivery_send(delivery_id=delivery_id)
    while outcome.retry_in is not None and self.request.is_eager:
        outcome = delivery_send(delivery_id=delivery_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="webhooks.sweep", acks_late=True)
def sweep_deliveries() -> int:
    """Periodic (Celery beat): re-queue deliveries lost with a worker or a broker outage."""
    return deliveries_sweep()
