"""Periodic work of the page-view counters (Celery beat, cms/settings/base.py): forget old batch ids daily.

Nothing queues this but beat, so nothing imports this module but Celery's autodiscovery.
"""

from celery import shared_task

from cms.pageviews.batches import batches_forget_old

FORGET_BATCHES = "pageviews.forget_batches"


@shared_task(name=FORGET_BATCHES, acks_late=True)
def forget_old_batches() -> int:
    return batches_forget_old()
