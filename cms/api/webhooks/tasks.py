"""The delivery task: carries a delivery id, delegates to `delivery_send`, retries when told to.

`max_retries=None` on purpose: the attempt limit lives on the row (so re-queued work
counts too) and the service ends the row in `failed` itself. Without a broker (eager
mode, the embedded demo) a retry runs on the spot, still bounded by that limit
(`cms.work.backoff.run_with_retries`). Queued by name (`events.send_later`); nothing
imports this module but Celery's autodiscovery.
"""

from __future__ import annotations

from celery import shared_task

from cms.api.webhooks.delivery import delivery_send
from cms.api.webhooks.events import DELIVER
from cms.work.backoff import run_with_retries


@shared_task(name=DELIVER, bind=True, acks_late=True, max_retries=None)
def deliver_webhook(self, delivery_id: int) -> str:
    return run_with_retries(self, lambda: delivery_send(delivery_id=delivery_id)).status
