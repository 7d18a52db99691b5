"""The send tasks: each carries message ids, delegates to a sending service, retries when told to.

`max_retries=None` on purpose: the attempt limit is counted on the message row by the
service (so work re-queued by a sweep counts too) and the service ends the message in
`failed` itself. A Celery-side limit would give up while the row still says `created`.

Without a broker (the embedded demo runs tasks eagerly) there is no queue to wait in, and
Celery's eager mode would raise the retry at the caller instead of running it; so an eager
send retries on the spot, still bounded by the attempt limit on the row
(`cms.work.backoff.run_with_retries`).

Services queue these by name (`queueing.py`); nothing imports this module but Celery's
autodiscovery.
"""

from __future__ import annotations

from collections import Counter

from celery import shared_task

from automation.messages.batch_sending import messages_send_chunk
from automation.messages.queueing import SEND_MESSAGE, SEND_MESSAGE_CHUNK, message_chunk_queue_later
from automation.messages.retention import message_bodies_purge
from automation.messages.sending import message_send
from cms.work.backoff import run_with_retries


@shared_task(name=SEND_MESSAGE, bind=True, acks_late=True, max_retries=None)
def send_message(self, message_id: int) -> str:
    return run_with_retries(self, lambda: message_send(message_id=message_id)).status


@shared_task(name=SEND_MESSAGE_CHUNK, bind=True, acks_late=True, max_retries=None)
def send_message_chunk(self, message_ids: list[int]) -> dict[str, int]:
    """A chunk of a broadcast (`batch_sending.py`); ids that need a retry are queued again as smaller chunks.

    The retries are new tasks with a countdown (one per delay), not `self.retry`: the
    rest of the chunk is done and must not be redone. Eagerly, they run on the spot.
    Retries wait at most `AUTOMATION_SEND_RETRY_BACKOFF_MAX` (below the broker's
    visibility timeout, see the settings).
    """
    outcome = messages_send_chunk(message_ids=message_ids)
    totals = Counter(_counts(outcome))
    while outcome.retry and self.request.is_eager:  # no queue to wait in: retry on the spot, bounded by attempts
        outcome = messages_send_chunk(message_ids=[pk for ids in outcome.retry.values() for pk in ids])
        totals.update(_counts(outcome))
    for delay, ids in sorted(outcome.retry.items()):
        message_chunk_queue_later(message_ids=ids, countdown=delay)
        totals["retried"] += len(ids)
    return dict(totals)


def _counts(outcome) -> dict[str, int]:
    return {
        "sent": outcome.sent,
        "suppressed": outcome.suppressed,
        "failed": outcome.failed,
        "deferred": outcome.deferred,
        "skipped": outcome.skipped,
    }


@shared_task(name="automation.purge_message_bodies", acks_late=True)
def purge_message_bodies() -> int:
    """Periodic (Celery beat, daily): empty message bodies past the retention period."""
    return message_bodies_purge()
